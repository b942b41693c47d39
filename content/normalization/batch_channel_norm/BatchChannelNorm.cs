// ---
// title: Batch-Channel Normalization
// summary: A TorchSharp implementation of batch-channel normalization, which combines estimated batch statistics with a per-example channel normalization for training with tiny batches.
// ---
//
// # Batch-Channel Normalization
//
// This page builds batch-channel normalization as a TorchSharp module and explains each line. The method
// comes from Siyuan Qiao, Huiyu Wang, Chenxi Liu, Wei Shen and Alan Yuille,
// [Micro-Batch Training with Batch-Channel Normalization and Weight Standardization](https://arxiv.org/abs/1903.10520)
// (2019), the same paper as [weight standardization](../weight_standardization/WeightStandardization.html).
//
// Batch-channel normalization chains two normalizations:
//
// 1. a **batch step**, which normalizes every channel with statistics gathered over many batches, as
//    [batch normalization](../batch_norm/BatchNorm.html) does in evaluation;
// 2. a **channel step**, which normalizes every example on its own over groups of channels, as group
//    normalization (and, with a single group, [layer normalization](../layer_norm/LayerNorm.html)) does.
//
// ## Why two steps
//
// Normalizations that work on each example alone, such as group and layer normalization, do not depend
// on the batch size, which is what training with one or two images per device needs. What they lose is
// knowledge of the whole data set. They make every *example* well scaled, but say nothing about how a
// *channel* behaves across the data. A channel can then drift until, for almost every input, it lands on
// the flat side of the following ReLU and stays there: it contributes nothing and receives no gradient.
// The paper calls such configurations *elimination singularities* and argues that networks trained
// near them learn more slowly and generalize worse.
//
// Batch normalization keeps every channel centered over the data, so a ReLU passes roughly half of
// its values and the channel stays alive. The batch step brings that property back, and the channel step
// that follows keeps every example well scaled whatever the batch.
//
// ## Estimated statistics for micro-batches
//
// With one or two images per device, the statistics of the current batch are far too noisy to normalize
// with. The micro-batch variant of the paper therefore normalizes with *estimated* statistics even
// during training: moving averages of the batch means and variances, updated after every batch and
// treated as constants by autograd. The estimates change slowly, so from the point of view of a single
// step the batch step is a fixed per-channel affine map, and the noise of tiny batches is averaged away.
// As a side effect the layer computes the same function in training and in evaluation; the only
// difference is that training also updates the estimates.
//
// ## Why it is paired with weight standardization
//
// The two halves of the paper fix different things. Weight standardization acts on the weights: it
// makes the loss smoother and the gradients better conditioned, but it does not look at activations at
// all. Batch-channel normalization acts on the activations: the channel step scales each example, and the
// batch step keeps channels away from elimination singularities. The paper uses them together, a
// [standardized convolution](../weight_standardization/WeightStandardization.html) followed by this
// layer, and reports that the pair trained with one or two images per device matches or beats batch
// normalization trained with large batches on image classification, detection and segmentation.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * For an input with $C$ channels in dimension 1 (shape $[B, C]$, $[B, C, L]$ or $[B, C, H, W]$) and
 * $G$ groups of $C / G$ channels:
 *
 * $$
 * \dot{x} = \gamma^{b}_c \, \frac{x - \hat{\mu}_c}{\sqrt{\hat{\sigma}^2_c + \epsilon}} + \beta^{b}_c
 * $$
 *
 * $$
 * y = \gamma^{g}_c \, \frac{\dot{x} - \mu_{n,g}}{\sqrt{\sigma^2_{n,g} + \epsilon}} + \beta^{g}_c
 * $$
 *
 * In the batch step, $\hat{\mu}_c$ and $\hat{\sigma}^2_c$ are the estimated mean and variance of
 * channel $c$, and $\gamma^{b}_c, \beta^{b}_c$ a learned scale and shift. In the channel step,
 * $\mu_{n,g}$ and $\sigma^2_{n,g}$ are the mean and the (biased) variance of $\dot{x}$ over the channels
 * of group $g$ and all their positions, for example $n$ alone, and $\gamma^{g}_c, \beta^{g}_c$ a second
 * learned scale and shift, again one per channel.
 *
 * After each training batch the estimates move towards that batch's statistics with the momentum $\rho$,
 * with the conventions of [batch normalization](../batch_norm/BatchNorm.html) (PyTorch's momentum, an
 * unbiased variance):
 *
 * $$
 * \hat{\mu}_c \leftarrow (1 - \rho)\, \hat{\mu}_c + \rho\, \mu_c, \qquad
 * \hat{\sigma}^2_c \leftarrow (1 - \rho)\, \hat{\sigma}^2_c + \rho\, \frac{m}{m - 1}\, \sigma^2_c
 * $$
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Batch-channel normalization: a per-channel normalization with estimated batch statistics, followed by a
/// per-example normalization over groups of channels, each with its own learned scale and shift.
/// </summary>
/// <remarks>
/// Inputs have the channels in dimension 1: $[B, C]$, $[B, C, L]$ or $[B, C, H, W]$. The estimates are used
/// in training and in evaluation alike; training also updates them.
/// </remarks>
public sealed class BatchChannelNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // * `batch_weight`, `batch_bias`: $\gamma^{b}$ and $\beta^{b}$ of the batch step.
    // * `running_mean`, `running_var`, `num_batches_tracked`: the estimates $\hat{\mu}$, $\hat{\sigma}^2$
    //   and the number of training batches seen, buffers with the names batch normalization uses.
    // * `channel_weight`, `channel_bias`: $\gamma^{g}$ and $\beta^{g}$ of the channel step.
    //
    // All of them have one value per channel. The field names are the state-dictionary keys.
    private Parameter batch_weight;
    private Parameter batch_bias;
    private Tensor running_mean;
    private Tensor running_var;
    private Tensor num_batches_tracked;
    private Parameter channel_weight;
    private Parameter channel_bias;

    private readonly long numFeatures;
    private readonly long groups;
    private readonly double eps;
    private readonly double momentum;

    /// <summary>Creates a batch-channel normalization over <paramref name="numFeatures"/> channels split into <paramref name="groups"/> groups.</summary>
    /// <param name="numFeatures">The number of channels $C$, the size of dimension 1 of the input.</param>
    /// <param name="groups">The number of groups $G$ of the channel step; must divide $C$. One group normalizes each example over all its channels.</param>
    /// <param name="eps">The constant $\epsilon$ of both steps; must be positive.</param>
    /// <param name="momentum">The weight $\rho$ of the newest batch in the estimates, in $(0, 1]$.</param>
    /// <remarks>Throws <c>ArgumentException</c> when a number is out of range or the groups do not divide the channels.</remarks>
    public BatchChannelNorm(long numFeatures, long groups, double eps = 1e-5, double momentum = 0.1)
        : base(nameof(BatchChannelNorm))
    {
        if (numFeatures <= 0)
            throw new ArgumentException($"the number of channels must be positive, got {numFeatures}", nameof(numFeatures));
        if (groups <= 0 || numFeatures % groups != 0)
            throw new ArgumentException($"the number of groups must be positive and divide the {numFeatures} channels, got {groups}", nameof(groups));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));
        if (!(momentum > 0 && momentum <= 1))
            throw new ArgumentException($"momentum must be in (0, 1], got {momentum}", nameof(momentum));

        this.numFeatures = numFeatures;
        this.groups = groups;
        this.eps = eps;
        this.momentum = momentum;

        // Both steps start as pure normalizations ($\gamma = 1$, $\beta = 0$), and the estimates start at
        // mean 0 and variance 1. Everything is detached from any open dispose scope, so it lives as long as
        // the module.
        batch_weight = Owned(ones(numFeatures));
        batch_bias = Owned(zeros(numFeatures));
        channel_weight = Owned(ones(numFeatures));
        channel_bias = Owned(zeros(numFeatures));
        running_mean = zeros(numFeatures).DetachFromDisposeScope();
        running_var = ones(numFeatures).DetachFromDisposeScope();
        num_batches_tracked = tensor(0L).DetachFromDisposeScope();

        RegisterComponents();
    }

    private static Parameter Owned(Tensor value)
    {
        var parameter = new Parameter(value);
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    /// <summary>The number of channels $C$.</summary>
    public long NumFeatures => numFeatures;

    /// <summary>The number of groups $G$ of the channel step.</summary>
    public long Groups => groups;

    /// <summary>The constant $\epsilon$ of both steps.</summary>
    public double Eps => eps;

    /// <summary>The weight of the newest batch in the estimates.</summary>
    public double Momentum => momentum;

    /// <summary>The scale $\gamma^{b}$ of the batch step.</summary>
    public Parameter BatchWeight => batch_weight;

    /// <summary>The shift $\beta^{b}$ of the batch step.</summary>
    public Parameter BatchBias => batch_bias;

    /// <summary>The scale $\gamma^{g}$ of the channel step.</summary>
    public Parameter ChannelWeight => channel_weight;

    /// <summary>The shift $\beta^{g}$ of the channel step.</summary>
    public Parameter ChannelBias => channel_bias;

    /// <summary>The estimated mean $\hat{\mu}$ of every channel.</summary>
    public Tensor RunningMean => running_mean;

    /// <summary>The estimated variance $\hat{\sigma}^2$ of every channel.</summary>
    public Tensor RunningVar => running_var;

    /// <summary>The number of training batches seen.</summary>
    public Tensor NumBatchesTracked => num_batches_tracked;

    /// <summary>Normalizes <paramref name="x"/> with the estimated batch statistics, then per example over groups of channels.</summary>
    /// <param name="x">The input, of shape $[B, C]$, $[B, C, L]$ or $[B, C, H, W]$.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> for another rank, another number of channels, or a single value per channel in training.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();
        long[] channelShape = [1, numFeatures, .. Enumerable.Repeat(1L, (int)x.dim() - 2)];

        // ### Step 1: update the estimates (training only)
        //
        // The statistics of the current batch only feed the moving averages. They are computed without
        // recording a graph: no gradient flows through $\hat{\mu}$ and $\hat{\sigma}^2$, which is what
        // makes the batch step insensitive to the noise of a tiny batch.
        if (training)
            UpdateEstimates(x);

        // ### Step 2: the batch step, with the estimates
        //
        // $$
        // \dot{x} = \gamma^{b}_c \, \frac{x - \hat{\mu}_c}{\sqrt{\hat{\sigma}^2_c + \epsilon}} + \beta^{b}_c
        // $$
        //
        // In training the estimates already include the current batch, with weight $\rho$.
        var scale = (running_var + eps).rsqrt().reshape(channelShape);
        var batchNormalized = (x - running_mean.reshape(channelShape)) * scale;
        var afterBatch = addcmul(batch_bias.reshape(channelShape), batchNormalized, batch_weight.reshape(channelShape), 1);

        // ### Step 3: the channel step
        //
        // Each example is viewed as $G$ rows, one per group, each holding the $C / G$ channels of the
        // group with all their positions. Every row is normalized to mean 0 and variance 1:
        //
        // $$
        // \mu_{n,g} = \frac{1}{K} \sum_{i \in (n,g)} \dot{x}_i, \qquad
        // \sigma^2_{n,g} = \frac{1}{K} \sum_{i \in (n,g)} (\dot{x}_i - \mu_{n,g})^2
        // $$
        //
        // where $K$ is the number of values in the row. These statistics come from the example itself,
        // so they are exact for a batch of one, and they take part in the gradient as in group
        // normalization.
        var rows = afterBatch.reshape(x.shape[0], groups, -1);
        var rowMean = rows.mean([-1], keepdim: true);
        var centered = rows - rowMean;
        var rowVariance = centered.square().mean([-1], keepdim: true);
        var groupNormalized = (centered * (rowVariance + eps).rsqrt()).reshape(x.shape);

        // ### Step 4: the channel step's scale and shift
        //
        // $$
        // y = \gamma^{g}_c \, \hat{\dot{x}} + \beta^{g}_c
        // $$
        //
        // one pair per channel, not per group, as in group normalization.
        var result = addcmul(channel_bias.reshape(channelShape), groupNormalized, channel_weight.reshape(channelShape), 1);
        return result.MoveToOuterDisposeScope();
    }

    // ### The two steps, seen on a histogram
    //
    // The example below passes a batch of 16 images whose channels have different means and spreads through
    // a new layer in training, and draws the histogram of all values before and after. The input is spread
    // over a wide range; the output is centered on 0 with a standard deviation close to 1.
    [Example]
    internal static Figure BeforeAndAfter()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var spread = arange(1, 9, dtype: float64).view(1, 8, 1, 1);
        var x = randn(16, 8, 4, 4, dtype: float64, generator: generator) * spread + spread * 2;
        var y = new BatchChannelNorm(8, 2).to(float64).forward(x);
        return new Figure(FigureKind.Histogram, "Values before and after the layer", "value", "count",
        [
            new Series("input", [], x.flatten().data<double>().ToArray()),
            new Series("output", [], y.flatten().data<double>().ToArray()),
        ]);
    }

    // ## Updating the estimates
    //
    // The batch mean and the biased batch variance of every channel are computed over the batch and all
    // positions ($m$ values per channel). The variance enters the estimate with Bessel's correction
    // $m / (m - 1)$, exactly as in batch normalization, so that $\hat{\sigma}^2$ estimates the variance of
    // the data rather than the slightly smaller spread of a sample.
    private void UpdateEstimates(Tensor x)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        long[] dims = [0, .. Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d)];
        var valuesPerChannel = x.numel() / numFeatures;
        var mean = x.mean(dims);
        var variance = (x - mean.reshape([1, numFeatures, .. Enumerable.Repeat(1L, (int)x.dim() - 2)])).square().mean(dims);
        var unbiased = variance * ((double)valuesPerChannel / (valuesPerChannel - 1));
        running_mean.mul_(1 - momentum).add_(mean, alpha: momentum);
        running_var.mul_(1 - momentum).add_(unbiased, alpha: momentum);
        num_batches_tracked.add_(1);
    }

    // ## Checking the input
    //
    // The channels must sit in dimension 1 and match $C$. In training, the estimates need at least two
    // values per channel for an unbiased variance, so a lone $[1, C]$ vector is refused; a single image
    // $[1, C, H, W]$ is fine, and it is exactly the micro-batch case this layer is built for.
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
        if (training && x.numel() / numFeatures <= 1)
            throw new ArgumentException(
                $"expected more than 1 value per channel when training, got input of shape {Format(shape)}",
                nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}

// ## When to choose it
//
// Batch-channel normalization is meant for convolutional networks trained with micro-batches, one or a
// few images per device, typically detection, segmentation or video models with large inputs, and it is
// meant to be used after [weight-standardized convolutions](../weight_standardization/WeightStandardization.html).
// There it keeps the benefits of group normalization (no dependence on the batch size, the same function
// in training and evaluation) while restoring the data-wide centering of channels that batch
// normalization provides. With large batches, plain [batch normalization](../batch_norm/BatchNorm.html)
// is simpler and works as well. For sequence models, [layer normalization](../layer_norm/LayerNorm.html)
// remains the usual choice: the estimated statistics assume that a channel means the same thing for every
// example and every position, which is natural for images but not for tokens.
