// ---
// title: Layer Normalization
// summary: A TorchSharp implementation of layer normalization, explained line by line, with a numerically stable variance.
// ---
//
// # Layer Normalization
//
// This page builds layer normalization as a TorchSharp module and explains each line of it. The method was
// introduced by Jimmy Lei Ba, Jamie Ryan Kiros and Geoffrey E. Hinton in the paper
// [Layer Normalization](https://arxiv.org/abs/1607.06450) (2016).
//
// A normalization layer re-centers and rescales the activations that flow through a network, so that the
// next layer always receives values of a predictable size even while the weights before it keep moving.
// Networks trained this way tolerate larger learning rates and are less sensitive to how they were
// initialized.
//
// Layer normalization takes its statistics **from one example at a time**: the mean and the variance are
// computed over the features of a single input, and those features are then shifted and scaled with them.
// No number ever travels between the examples of a batch.
//
// ## What batch normalization leaves open
//
// Batch normalization, the method that made normalization layers popular, takes the opposite route: for
// every feature it computes the mean and variance *across the batch*. That works very well for
// convolutional image models, but it ties the layer to the batch in ways that hurt elsewhere:
//
// * **Inference needs a different rule.** At test time there may be a single example, so the layer keeps
//   running averages of the batch statistics during training and switches to them at inference. The two
//   modes compute different functions, and forgetting to switch is a classic bug.
// * **Recurrent networks need statistics per time step.** The activations at step 1 and at step 50 of a
//   sequence are distributed differently, so each step would need its own statistics, and a sequence
//   longer than every training sequence has steps with no statistics at all.
// * **Small batches give noisy statistics.** A mean and a variance estimated from a few examples jitter
//   from batch to batch, and with one example the variance is simply zero. Large models that only fit
//   small batches in memory suffer the most.
// * **Distributed training has to synchronize.** When a batch is split across devices, each device only
//   sees its share; exact batch statistics require exchanging them between devices at every
//   normalization layer.
//
// Because layer normalization looks at one example only, it computes the same function in training and
// in inference, at every time step of a sequence, for any batch size, and on each device without any
// communication. This is why transformers and most language models use it.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

/*
 * ## The formula
 *
 * Call $X$ the group of values that are normalized together, for one example, and let it hold $N$
 * elements $x_1, \dots, x_N$. Layer normalization outputs
 *
 * $$
 * \text{LN}(X) = \gamma \odot \frac{X - \mathbb{E}[X]}{\sqrt{\mathrm{Var}[X] + \epsilon}} + \beta
 * $$
 *
 * where $\mathbb{E}[X]$ and $\mathrm{Var}[X]$ are the mean and the variance of the $N$ elements (the
 * variance divides by $N$, not $N - 1$), $\epsilon$ is a small positive constant that keeps the division
 * finite when all the elements are almost equal, and $\odot$ is the elementwise product.
 *
 * $\gamma$ (the *gain*, called `weight` in code) and $\beta$ (the *shift*, called `bias`) are learned
 * parameters with the same shape as $X$. They start at $\gamma = 1$ and $\beta = 0$, so a new layer only
 * normalizes, and they let training restore any scale and offset that turns out to be useful: the layer
 * never limits what the network can represent.
 *
 * ### Which axes are averaged
 *
 * The *normalized shape* names the trailing dimensions that form $X$. Every leading dimension indexes
 * independent groups, each normalized on its own:
 *
 * | input | typical model | normalized shape | one mean and one variance per |
 * |---|---|---|---|
 * | $[B, C]$ | feed-forward network | $[C]$ | row: the $C$ features of an example |
 * | $[L, B, C]$ | transformer or RNN over $L$ positions | $[C]$ | token: every position of every example |
 * | $[B, C, H, W]$ | convolutional network | $[C, H, W]$ | image: all its channels and pixels |
 *
 * For images this is the transpose of batch normalization, which averages over $B$, $H$ and $W$ and
 * keeps one mean per channel. Here $\gamma$ and $\beta$ have the full normalized shape, one value per
 * element, for example $C \times H \times W$ values for images.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Layer normalization: normalizes every example over its trailing dimensions to zero mean and unit
/// variance, then applies a learned elementwise gain $\gamma$ and shift $\beta$.
/// </summary>
/// <remarks>
/// It computes the same function as TorchSharp's <c>torch.nn.LayerNorm</c> and has the same state-dictionary
/// keys, so the weights of one load into the other.
/// </remarks>
public sealed class LayerNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // `weight` is $\gamma$ and `bias` is $\beta$. `RegisterComponents()` registers parameter fields under
    // their field names, so the state dictionary holds exactly the keys `weight` and `bias`, the names that
    // PyTorch and TorchSharp use. The fields are not `readonly` because converting the module, for example
    // with `to(float64)`, replaces them through reflection. Without the affine transform both stay `null`
    // and nothing is registered.
    private Parameter? weight;
    private Parameter? bias;

    // The configuration never changes after construction. `dims` lists the normalized dimensions counted
    // from the end, $[-k, \dots, -1]$ for a normalized shape of $k$ sizes, so that the same module works
    // for any number of leading dimensions. `groupSize` is $N$, the number of elements normalized together.
    private readonly long[] normalizedShape;
    private readonly long[] dims;
    private readonly long groupSize;
    private readonly double eps;

    /// <summary>Creates a layer normalization over the last dimension, of size <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The size of the last dimension of the input, for example the model width $C$.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <param name="elementwiseAffine">Whether to learn the gain $\gamma$ and the shift $\beta$.</param>
    public LayerNorm(long normalizedShape, double eps = 1e-5, bool elementwiseAffine = true)
        : this([normalizedShape], eps, elementwiseAffine)
    {
    }

    /// <summary>Creates a layer normalization over the trailing dimensions given by <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The sizes of the trailing dimensions that are normalized together, for example $[C, H, W]$.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <param name="elementwiseAffine">Whether to learn the gain $\gamma$ and the shift $\beta$.</param>
    /// <remarks>Throws <c>ArgumentException</c> when the shape is empty, a size is not positive, or <paramref name="eps"/> is not a positive finite number.</remarks>
    public LayerNorm(long[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true)
        : base(nameof(LayerNorm))
    {
        // Bad settings are rejected here, where the caller can still see which argument was wrong, rather
        // than surfacing later as a broadcasting error deep inside `forward`.
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0)
            throw new ArgumentException("the normalized shape must have at least one dimension, got []", nameof(normalizedShape));
        if (normalizedShape.Any(size => size <= 0))
            throw new ArgumentException($"the sizes of the normalized shape must be positive, got {Format(normalizedShape)}", nameof(normalizedShape));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));

        this.normalizedShape = (long[])normalizedShape.Clone();
        this.eps = eps;
        groupSize = normalizedShape.Aggregate(1L, (product, size) => product * size);
        dims = Enumerable.Range(-normalizedShape.Length, normalizedShape.Length).Select(d => (long)d).ToArray();

        // $\gamma = 1$ and $\beta = 0$ make the initial layer a pure normalization. The module owns its
        // parameters, so they are detached from any dispose scope that happens to be open while it is built;
        // otherwise leaving that scope would free them under a module that is still in use.
        if (elementwiseAffine)
        {
            weight = new Parameter(ones(normalizedShape));
            bias = new Parameter(zeros(normalizedShape));
            weight.DetachFromDisposeScope();
            bias.DetachFromDisposeScope();
        }

        RegisterComponents();
    }

    /// <summary>The sizes of the trailing dimensions that are normalized together.</summary>
    public IReadOnlyList<long> NormalizedShape => normalizedShape;

    /// <summary>The constant $\epsilon$ added to the variance.</summary>
    public double Eps => eps;

    /// <summary>The learned gain $\gamma$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Weight => weight;

    /// <summary>The learned shift $\beta$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Bias => bias;

    /// <summary>Normalizes <paramref name="x"/> over its trailing dimensions.</summary>
    /// <param name="x">The input; its last dimensions must equal the normalized shape.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> when the trailing dimensions of <paramref name="x"/> differ from the normalized shape.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);

        // The intermediate tensors below are as large as the input. Autograd keeps what it needs for the
        // backward pass on the native side, so their managed handles can be released as soon as the
        // result exists instead of waiting for the garbage collector.
        using var scope = NewDisposeScope();

        // ### Step 1: the mean
        //
        // For every group, average its $N$ elements over the normalized dimensions. `keepdim` leaves
        // those dimensions in place with size 1, so the result broadcasts back against `x`.
        //
        // $$
        // \mu = \mathbb{E}[X] = \frac{1}{N} \sum_{i=1}^{N} x_i
        // $$
        var mean = x.mean(dims, keepdim: true);

        // ### Step 2: the variance, from the centered values
        //
        // Subtract the mean first, then average the squared deviations:
        //
        // $$
        // \sigma^2 = \mathrm{Var}[X] = \frac{1}{N} \sum_{i=1}^{N} (x_i - \mu)^2
        // $$
        //
        // The sum of squared deviations is the squared Euclidean length of the centered group,
        // $\sum_i (x_i - \mu)^2 = \lVert X - \mu \rVert_2^2$. `vector_norm` computes that length in a
        // single read of `centered` and writes one number per group, where `centered.square().mean(...)`
        // would first write a whole tensor of squares as large as the input, and autograd would keep it
        // until the backward pass. The centered values themselves are needed again in step 3, so the
        // second pass over the data costs no extra tensor.
        //
        // #### Why not $\mathbb{E}[X^2] - \mathbb{E}[X]^2$?
        //
        // On paper the variance also equals
        //
        // $$
        // \mathrm{Var}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2
        // $$
        //
        // which needs a single pass over the data. In floating point it is a trap. A `float32` keeps 24
        // significant bits, about 7 decimal digits. Take features whose mean is $10^4$ and whose spread is
        // $1$: both $\mathbb{E}[X^2]$ and $\mathbb{E}[X]^2$ are close to $10^8$, where neighbouring `float32`
        // values are 8 apart. The true difference, about 1, is smaller than the rounding of either term, so
        // the subtraction returns mostly rounding noise: 0, a multiple of 8, or even a negative number.
        // This is *catastrophic cancellation*.
        //
        // Centering first removes the large common part *before* anything is squared. The deviations
        // $x_i - \mu$ have the size of the spread, and their squares keep almost all their digits. The
        // tests check exactly this case against TorchSharp's own layer normalization. (No formula can be more
        // precise than its input, though: near $10^4$, neighbouring `float32` values are about $10^{-3}$
        // apart, and so is the mean once it is stored as a `float32`. Results agree to about that.)
        var centered = x - mean;
        var variance = linalg.vector_norm(centered, 2, dims, keepdim: true).square() / groupSize;

        // ### Step 3: normalize
        //
        // Divide the centered values by the standard deviation, softened by $\epsilon$:
        //
        // $$
        // \hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}
        // $$
        //
        // `rsqrt` computes $1 / \sqrt{\sigma^2 + \epsilon}$ once per group, on a tensor that is $N$ times
        // smaller than the input, and the large tensor is then only multiplied, never divided.
        var normalized = centered * (variance + eps).rsqrt();

        // ### Step 4: scale and shift
        //
        // Without the affine transform the normalized values are the result. Otherwise
        //
        // $$
        // y_i = \gamma_i \, \hat{x}_i + \beta_i
        // $$
        //
        // $\gamma$ and $\beta$ have the normalized shape, so broadcasting lines them up with the trailing
        // dimensions of `normalized`. `addcmul` does the multiply and the add in one pass over the data.
        var result = weight is null || bias is null ? normalized : addcmul(bias, normalized, weight, 1);
        return result.MoveToOuterDisposeScope();
    }

    // ## Checking the input
    //
    // The trailing dimensions of the input must equal the normalized shape. Broadcasting would otherwise
    // accept some wrong shapes silently (a size-1 dimension stretches), so the check compares the sizes
    // exactly and names both shapes when they differ.
    private void CheckInput(Tensor x)
    {
        var shape = x.shape;
        if (shape.Length < normalizedShape.Length)
            throw new ArgumentException(
                $"expected input with at least {normalizedShape.Length} dimensions and trailing shape {Format(normalizedShape)}, got {Format(shape)}",
                nameof(x));
        if (!shape.AsSpan(shape.Length - normalizedShape.Length).SequenceEqual(normalizedShape))
            throw new ArgumentException(
                $"expected input with trailing shape {Format(normalizedShape)}, got {Format(shape)}",
                nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}
