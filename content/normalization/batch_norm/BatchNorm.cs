// ---
// title: Batch Normalization
// summary: A TorchSharp implementation of batch normalization, explained line by line, with its training and evaluation modes and its running statistics.
// ---
//
// # Batch Normalization
//
// This page builds batch normalization as a TorchSharp module and explains every line of it. The method
// was introduced by Sergey Ioffe and Christian Szegedy in
// [Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift](https://arxiv.org/abs/1502.03167)
// (2015). It was the first normalization layer to be used almost everywhere, and it is still the default
// in convolutional networks for images.
//
// Batch normalization takes its statistics **across the examples of a batch**. For every channel it
// computes one mean and one variance from all the values of that channel in the batch (every example,
// and every position of an image or a sequence), then shifts and scales the channel with them.
//
// ## Why it was introduced, and what we believe today
//
// The paper's explanation was *internal covariate shift*. While a network trains, every layer changes its
// weights, so the distribution of the values it hands to the next layer keeps moving. The next layer is
// therefore chasing a moving target: what it learned about its inputs a few steps ago is partly out of
// date. The authors argued that fixing the mean and the variance of every layer's inputs removes most of
// this drift, and they observed that networks with the layer trained many times faster, accepted much
// larger learning rates and depended far less on careful initialization.
//
// The measurements have held up; the explanation has been questioned. Later experiments (for example
// Santurkar et al., 2018) showed that a network can train just as well when noise is deliberately
// injected after the normalization, so that the distributions keep shifting, and that batch-normalized
// networks do not always show less drift than plain ones. The explanations that are favoured today are
// about the shape of the optimization problem rather than about distributions:
//
// * **Smoother loss surface.** Normalizing removes the dependence of the output on the scale of the
//   preceding weights. The loss then changes more gently along the gradient, so a large step is less
//   likely to overshoot, and a higher learning rate is safe.
// * **Scale invariance.** If the weights $W$ before the layer are multiplied by any $a > 0$, the output
//   does not change. The gradient with respect to $W$ then shrinks as $W$ grows, which acts like an
//   automatic adjustment of the learning rate.
// * **Noise as a regularizer.** The statistics of each batch are a noisy estimate of the statistics of the
//   data, so the output for one example depends slightly on which other examples share its batch. That
//   noise behaves a little like dropout and reduces overfitting.
//
// Which of these matters most is still debated; "it reduces internal covariate shift" is best read as
// the historical motivation, not as the established mechanism.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * Take an input whose dimension 1 holds $C$ channels: $[B, C]$ for a fully connected layer,
 * $[B, C, L]$ for sequences of length $L$, $[B, C, H, W]$ for images. For channel $c$, gather every
 * value that belongs to it — across the batch and across the positions — into one set of $m$ values:
 * $m = B$, $m = B L$ or $m = B H W$. Batch normalization outputs
 *
 * $$
 * y = \gamma_c \, \frac{x - \mu_c}{\sqrt{\sigma_c^2 + \epsilon}} + \beta_c
 * $$
 *
 * where $\mu_c$ and $\sigma_c^2$ are the mean and the variance of the $m$ values of channel $c$,
 * $\epsilon$ is a small positive constant that keeps the division finite, and $\gamma_c$ (`weight`) and
 * $\beta_c$ (`bias`) are a learned scale and shift, one of each per channel.
 *
 * ### Two modes
 *
 * During **training** $\mu_c$ and $\sigma_c^2$ come from the current batch. In **evaluation** the layer
 * must not depend on the batch: an example should get the same prediction whether it arrives alone or
 * with others. So during training the layer also keeps *running estimates* of the mean and the variance,
 * exponential moving averages over the batches it has seen, and in evaluation it normalizes with those.
 * In evaluation the layer is therefore a fixed affine map per channel.
 *
 * TorchSharp modules carry the mode in the `training` property: `module.train()` switches it on (the
 * default for a new module), `module.eval()` switches it off, for the module and all of its children.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Batch normalization: normalizes every channel (dimension 1) of the input with a mean and a variance
/// taken over the batch and the positions, then applies a learned scale $\gamma$ and shift $\beta$ per channel.
/// </summary>
/// <remarks>
/// It accepts inputs of shape $[B, C]$, $[B, C, L]$ and $[B, C, H, W]$, computes the same function as
/// TorchSharp's <c>torch.nn.BatchNorm1d</c> and <c>torch.nn.BatchNorm2d</c>, and has the same
/// state-dictionary keys, so their weights and running statistics load into each other.
/// </remarks>
public sealed class BatchNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // Two learned parameters and three *buffers*. A buffer is a tensor that belongs to the module's state
    // (it is saved, loaded and moved to another device with the module) but that the optimizer never
    // updates: the layer updates it itself.
    //
    // * `weight` and `bias` are $\gamma$ and $\beta$, one value per channel.
    // * `running_mean` and `running_var` are the running estimates used in evaluation.
    // * `num_batches_tracked` counts the training batches seen so far. It is a 64-bit integer, as in
    //   PyTorch, and it matters when no momentum is given (see the running statistics below).
    //
    // The field names are the state-dictionary keys of PyTorch and TorchSharp, because
    // `RegisterComponents()` registers fields under their own names. The fields are not `readonly`
    // since converting the module, for example with `to(float64)`, replaces them through reflection.
    private Parameter? weight;
    private Parameter? bias;
    private Tensor? running_mean;
    private Tensor? running_var;
    private Tensor? num_batches_tracked;

    private readonly long numFeatures;
    private readonly double eps;
    private readonly double? momentum;

    /// <summary>Creates a batch normalization over <paramref name="numFeatures"/> channels.</summary>
    /// <param name="numFeatures">The number of channels $C$, the size of dimension 1 of the input.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <param name="momentum">The weight $\rho$ of the newest batch in the running estimates, in $(0, 1]$; <see langword="null"/> for a plain average over all batches.</param>
    /// <param name="affine">Whether to learn the scale $\gamma$ and the shift $\beta$.</param>
    /// <param name="trackRunningStats">Whether to keep running estimates; without them the batch statistics are used in evaluation too.</param>
    /// <remarks>Throws <c>ArgumentException</c> when a number is out of range.</remarks>
    public BatchNorm(long numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
        : base(nameof(BatchNorm))
    {
        if (numFeatures <= 0)
            throw new ArgumentException($"the number of channels must be positive, got {numFeatures}", nameof(numFeatures));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));
        if (momentum is { } rate && !(rate > 0 && rate <= 1))
            throw new ArgumentException($"momentum must be in (0, 1] or null, got {rate}", nameof(momentum));

        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;

        // $\gamma = 1$ and $\beta = 0$ make a new layer a pure normalization. The running mean starts at 0
        // and the running variance at 1, so a layer that has not been trained yet leaves its input
        // unchanged in evaluation (up to $\epsilon$). Every tensor the module owns is detached from any
        // dispose scope that is open while it is built, or leaving that scope would free it.
        if (affine)
        {
            weight = new Parameter(ones(numFeatures));
            bias = new Parameter(zeros(numFeatures));
            weight.DetachFromDisposeScope();
            bias.DetachFromDisposeScope();
        }
        if (trackRunningStats)
        {
            running_mean = zeros(numFeatures).DetachFromDisposeScope();
            running_var = ones(numFeatures).DetachFromDisposeScope();
            num_batches_tracked = tensor(0L).DetachFromDisposeScope();
        }

        RegisterComponents();
    }

    /// <summary>The number of channels $C$.</summary>
    public long NumFeatures => numFeatures;

    /// <summary>The constant $\epsilon$ added to the variance.</summary>
    public double Eps => eps;

    /// <summary>The weight of the newest batch in the running estimates, or <see langword="null"/> for a plain average.</summary>
    public double? Momentum => momentum;

    /// <summary>The learned scale $\gamma$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Weight => weight;

    /// <summary>The learned shift $\beta$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Bias => bias;

    /// <summary>The running estimate of the mean of every channel, or <see langword="null"/> when it is not tracked.</summary>
    public Tensor? RunningMean => running_mean;

    /// <summary>The running estimate of the variance of every channel, or <see langword="null"/> when it is not tracked.</summary>
    public Tensor? RunningVar => running_var;

    /// <summary>The number of training batches seen, or <see langword="null"/> when the statistics are not tracked.</summary>
    public Tensor? NumBatchesTracked => num_batches_tracked;

    /// <summary>Normalizes every channel of <paramref name="x"/>, with the batch statistics in training and the running estimates in evaluation.</summary>
    /// <param name="x">The input, of shape $[B, C]$, $[B, C, L]$ or $[B, C, H, W]$.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> for another rank, another number of channels, or a single value per channel in training.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);

        // Statistics come from the batch while training, and also in evaluation when there are no running
        // estimates to fall back on.
        var useBatchStatistics = training || running_mean is null || running_var is null;

        using var scope = NewDisposeScope();

        // Every dimension except the channels is reduced: $[0]$, $[0, 2]$ or $[0, 2, 3]$. The per-channel
        // vectors $\gamma$, $\beta$, $\mu$ and $\sigma^2$ are reshaped to $[1, C, 1, \dots]$ so that they
        // broadcast along dimension 1 of the input.
        long[] dims = [0, .. Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d)];
        long[] channelShape = [1, numFeatures, .. Enumerable.Repeat(1L, (int)x.dim() - 2)];

        Tensor mean, variance;
        if (useBatchStatistics)
        {
            // ### Step 1: the batch statistics
            //
            // For every channel, the mean of its $m$ values and the variance of the centered values
            // (dividing by $m$, the *biased* variance, which describes this batch exactly):
            //
            // $$
            // \mu_c = \frac{1}{m} \sum_{i=1}^{m} x_i, \qquad
            // \sigma_c^2 = \frac{1}{m} \sum_{i=1}^{m} (x_i - \mu_c)^2
            // $$
            //
            // The variance is computed from centered values, not as $\mathbb{E}[x^2] - \mu^2$; the
            // [layer normalization page](../layer_norm/LayerNorm.html) shows why the short formula loses
            // its digits in `float32`.
            mean = x.mean(dims, keepdim: true);
            variance = (x - mean).square().mean(dims, keepdim: true);

            // ### Step 2: update the running estimates
            //
            // Only in training, and only when the estimates exist. The batch mean and variance are
            // *detached*: the estimates are bookkeeping, not part of the function that is differentiated.
            if (training && running_mean is not null && running_var is not null && num_batches_tracked is not null)
                UpdateRunningStatistics(mean.detach().flatten(), variance.detach().flatten(), x.numel() / numFeatures);
        }
        else
        {
            // ### Evaluation: the running estimates
            //
            // Outside training the stored estimates replace the batch statistics, so every example is
            // normalized on its own, the same way whatever else is in the batch.
            mean = running_mean!.reshape(channelShape);
            variance = running_var!.reshape(channelShape);
        }

        // ### Step 3: normalize
        //
        // $$
        // \hat{x} = \frac{x - \mu_c}{\sqrt{\sigma_c^2 + \epsilon}}
        // $$
        //
        // `rsqrt` is taken on the $C$ statistics, not on the large input, which is only multiplied.
        var normalized = (x - mean) * (variance + eps).rsqrt();

        // ### Step 4: scale and shift
        //
        // $$
        // y = \gamma_c \, \hat{x} + \beta_c
        // $$
        //
        // This step gives back what the normalization took away. With $\gamma_c = \sigma_c$ and
        // $\beta_c = \mu_c$ the layer could even undo itself entirely, so normalizing never limits what
        // the network can express.
        var result = weight is null || bias is null
            ? normalized
            : addcmul(bias.reshape(channelShape), normalized, weight.reshape(channelShape), 1);
        return result.MoveToOuterDisposeScope();
    }

    // ## The running statistics
    //
    // After each training batch the estimates move a fraction $\rho$ (the momentum, 0.1 by default) of
    // the way towards the statistics of that batch:
    //
    // $$
    // \hat{\mu}_c \leftarrow (1 - \rho)\, \hat{\mu}_c + \rho\, \mu_c, \qquad
    // \hat{\sigma}^2_c \leftarrow (1 - \rho)\, \hat{\sigma}^2_c + \rho\, \frac{m}{m - 1}\, \sigma_c^2
    // $$
    //
    // This is PyTorch's convention, where the momentum is the weight of the *new* value; many other
    // libraries call $1 - \rho$ the momentum. Two details are easy to get wrong:
    //
    // * **The stored variance is unbiased.** A batch's own variance, with divisor $m$, is on average a
    //   little smaller than the variance of the whole data, because the values are measured from their own
    //   mean, which sits closer to them than the true mean does. The factor $m / (m - 1)$ (Bessel's
    //   correction) removes that bias, so the running estimate targets the variance of the data. The
    //   normalization of the batch itself still uses the biased $\sigma_c^2$, since that is the true
    //   spread of the values being normalized.
    // * **Without momentum the average is cumulative.** With `momentum: null`, $\rho = 1 / n$ for the
    //   $n$-th batch, which makes the estimates the plain average over all batches seen so far. That is
    //   what `num_batches_tracked` is for.
    private void UpdateRunningStatistics(Tensor batchMean, Tensor batchVariance, long valuesPerChannel)
    {
        using var noGrad = no_grad();
        num_batches_tracked!.add_(1);
        var rate = momentum ?? 1.0 / num_batches_tracked.item<long>();
        var unbiased = batchVariance * ((double)valuesPerChannel / (valuesPerChannel - 1));
        running_mean!.mul_(1 - rate).add_(batchMean, alpha: rate);
        running_var!.mul_(1 - rate).add_(unbiased, alpha: rate);
    }

    // ### Training and evaluation drift apart as the batch shrinks
    //
    // In training an example is normalized with the statistics of its batch, in evaluation with the running
    // estimates. The example below trains the estimates on 200 batches of 256 examples, drawn from values
    // with mean 3 and standard deviation 2 in each of 8 channels. It then normalizes fresh batches of
    // several sizes both ways and reports the mean absolute difference between the two outputs. With a
    // large batch the batch statistics are close to the running ones and the two modes nearly agree
    // (they differ by {{TrainEvalGap.gap256}} on average with a batch of 256); with a batch of 2 they
    // differ by {{TrainEvalGap.gap2}}, a large fraction of the output's standard deviation of 1, which is
    // why batch normalization needs large batches in training.
    [Example]
    internal static object[] TrainEvalGap()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        Tensor Draw(long batch) => randn(batch, 8, dtype: float64, generator: generator) * 2 + 3;
        var trained = new BatchNorm(8).to(float64);
        for (var step = 0; step < 200; step++) trained.forward(Draw(256));
        trained.eval();
        var batchStatistics = new BatchNorm(8, trackRunningStats: false).to(float64);
        var sizes = new long[] { 2, 4, 8, 16, 32, 64, 128, 256 };
        var gaps = sizes.Select(size =>
            Enumerable.Range(0, 50).Select(_ =>
            {
                var x = Draw(size);
                return (batchStatistics.forward(x) - trained.forward(x)).abs().mean().item<double>();
            }).Average()).ToArray();
        return
        [
            new Figure(FigureKind.Line, "Training against evaluation output", "batch size", "mean |train − eval|",
                [new Series("", [.. sizes.Select(s => (double)s)], gaps)]),
            new NamedValue("gap2", gaps[0].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
            new NamedValue("gap256", gaps[^1].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }

    // ## Checking the input
    //
    // The channels must sit in dimension 1 and match $C$, and only the three layouts above are accepted.
    // A batch that holds a single value per channel (one example of shape $[1, C]$) cannot be normalized
    // with its own statistics: its variance is zero, every output would equal $\beta$, and the unbiased
    // estimate would divide by $m - 1 = 0$. PyTorch refuses that case in training, and so does this layer.
    private void CheckInput(Tensor x)
    {
        var shape = x.shape;
        if (shape.Length is < 2 or > 4)
            throw new ArgumentException(
                $"expected input of shape [B, C], [B, C, L] or [B, C, H, W] with C = {numFeatures}, got {Format(shape)}",
                nameof(x));
        if (shape[1] != numFeatures)
            throw new ArgumentException(
                $"expected {numFeatures} channels in dimension 1, got {shape[1]} in input of shape {Format(shape)}",
                nameof(x));
        if ((training || running_mean is null) && x.numel() / numFeatures <= 1)
            throw new ArgumentException(
                $"expected more than 1 value per channel when training, got input of shape {Format(shape)}",
                nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}

// ## Pitfalls of the two modes
//
// * **Forgetting `eval()`.** A model left in training mode at test time normalizes with the statistics of
//   the test batch and keeps overwriting its running estimates with test data. Predictions then depend on
//   the batch size and on the other examples, and they silently drift.
// * **Training and evaluation disagree.** Even used correctly, the two modes compute different functions.
//   If the running estimates lag behind the weights (early in training, or with a very small momentum),
//   or if the test data differ from the training data, the accuracy in evaluation can be much worse than
//   the loss during training suggested.
// * **Small batches.** With a handful of values per channel the batch statistics are noisy, training
//   suffers, and the running estimates are poor. Below roughly 8 examples per device the layer is
//   usually a bad choice.
// * **Examples are not independent.** Each output depends on the rest of the batch. That leaks
//   information between examples (a problem for some contrastive and sequence methods), makes padding
//   count in the statistics, and makes results depend on how a batch is split across devices.
// * **Fine-tuning.** When a pretrained network is fine-tuned with small batches, it is common to keep the
//   layers in evaluation mode (frozen statistics) while the rest of the network trains.
//
// ## When to choose it
//
// Batch normalization is the natural choice for convolutional networks trained on images with batches
// of reasonable size (16 or more examples per device) drawn independently from the data. In that setting
// it trains fast, tolerates large learning rates, and costs nothing at inference, where it can even be
// folded into the weights of the preceding convolution. For sequence models, very small batches, online
// learning or anything that must treat each example independently, prefer
// [layer normalization](../layer_norm/LayerNorm.html), group normalization, or the combination of
// [batch-channel normalization](../batch_channel_norm/BatchChannelNorm.html) and
// [weight standardization](../weight_standardization/WeightStandardization.html).
