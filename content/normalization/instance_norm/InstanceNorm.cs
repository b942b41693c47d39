// ---
// title: Instance Normalization
// summary: A TorchSharp implementation of instance normalization, which normalizes every channel of every example over its positions, explained step by step.
// ---
//
// # Instance Normalization
//
// This page builds instance normalization as a TorchSharp module. The method comes from Dmitry Ulyanov,
// Andrea Vedaldi and Victor Lempitsky, who introduced it for fast neural style transfer in
// [Instance Normalization: The Missing Ingredient for Fast Stylization](https://arxiv.org/abs/1607.08022)
// (2016).
//
// Instance normalization gives **every channel of every example its own mean and variance**, taken over
// the positions of that channel only: the $H \times W$ pixels of one feature map of one image, or the $L$
// steps of one channel of one signal. Nothing is shared between examples, and nothing is shared between
// channels.
//
// ## Why normalize one feature map at a time
//
// In an image generator the mean and the spread of a feature map carry mostly *global* information: how
// bright the picture is, how strong its contrast is, which colour cast it has. Style transfer wants the
// output to look the same whatever the contrast of the photo that came in. Removing the mean and the
// variance of every feature map discards exactly that information, inside the network, for every image on
// its own. The generator then no longer has to learn to undo contrast changes; it gets them removed for
// free.
//
// The same property makes instance normalization a good fit wherever the *appearance* of an individual
// example should not matter, as in image-to-image translation and many generative models. It is a poor
// fit for classification, where the strength of a feature is often the very thing that tells classes
// apart: normalizing it away per image throws away evidence.
//
// ## No running statistics
//
// Batch normalization needs running averages because its statistics come from the batch, which does not
// exist at inference. Instance normalization computes its statistics from the example it is normalizing,
// so the same rule works in training and at inference and there is nothing to remember. PyTorch's
// `InstanceNorm2d` can still keep running averages (`track_running_stats=True`) and use them in
// evaluation mode, which turns the layer into a batch-normalization-like layer at inference. That option
// removes the reason to choose this method, so this module leaves it out: it has no buffers and no
// training mode.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * For an input of shape $[B, C, H, W]$, take example $b$ and channel $c$, and let
 * $x_{bc1}, \dots, x_{bcN}$ be the values of that channel at its $N = H \times W$ positions (for a
 * sequence $[B, C, L]$, $N = L$). Instance normalization outputs
 *
 * $$
 * y_{bci} = \gamma_c \, \frac{x_{bci} - \mu_{bc}}{\sqrt{\sigma_{bc}^2 + \epsilon}} + \beta_c
 * $$
 *
 * with the mean and the biased variance of those positions,
 *
 * $$
 * \mu_{bc} = \frac{1}{N} \sum_{i=1}^{N} x_{bci}, \qquad \sigma_{bc}^2 = \frac{1}{N} \sum_{i=1}^{N} (x_{bci} - \mu_{bc})^2
 * $$
 *
 * so there are $B \times C$ means and variances. The optional gain $\gamma$ and shift $\beta$ have one
 * value per channel, $C$ each, shared by all examples and all positions, as in batch normalization. They
 * are off by default, as in PyTorch. The formula in the paper has no $\gamma$ or $\beta$, although the
 * code the authors released applied an affine transform by default.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Instance normalization: normalizes each channel of each example over its positions to zero mean and
/// unit variance, then optionally applies a per-channel gain $\gamma$ and shift $\beta$.
/// </summary>
/// <remarks>
/// It accepts sequences $[B, C, L]$ and images $[B, C, H, W]$ and computes the same function as
/// TorchSharp's <c>functional.instance_norm</c> without running statistics. With the affine transform
/// its state-dictionary keys are <c>weight</c> and <c>bias</c>, as in PyTorch's <c>InstanceNorm2d</c>.
/// </remarks>
public sealed class InstanceNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // $\gamma$ is `weight` and $\beta$ is `bias`, with shape $[C]$; both stay `null` without the affine
    // transform. There are no buffers: with no running statistics the module has no state besides them.
    private Parameter? weight;
    private Parameter? bias;

    private readonly long numChannels;
    private readonly double eps;

    /// <summary>Creates an instance normalization for inputs with <paramref name="numChannels"/> channels.</summary>
    /// <param name="numChannels">The number of channels $C$, the size of dimension 1 of the input.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <param name="affine">Whether to learn a per-channel gain $\gamma$ and shift $\beta$.</param>
    /// <remarks>Throws <c>ArgumentException</c> when <paramref name="numChannels"/> is not positive or <paramref name="eps"/> is not a positive finite number.</remarks>
    public InstanceNorm(long numChannels, double eps = 1e-5, bool affine = false)
        : base(nameof(InstanceNorm))
    {
        if (numChannels <= 0)
            throw new ArgumentException($"the number of channels must be positive, got {numChannels}", nameof(numChannels));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));

        this.numChannels = numChannels;
        this.eps = eps;

        // $\gamma = 1$ and $\beta = 0$ start as the identity. As in layer normalization, the parameters are
        // detached from any dispose scope open during construction, because the module outlives it.
        if (affine)
        {
            weight = new Parameter(ones(numChannels));
            bias = new Parameter(zeros(numChannels));
            weight.DetachFromDisposeScope();
            bias.DetachFromDisposeScope();
        }

        RegisterComponents();
    }

    /// <summary>The number of channels $C$.</summary>
    public long NumChannels => numChannels;

    /// <summary>The constant $\epsilon$ added to the variance.</summary>
    public double Eps => eps;

    /// <summary>The per-channel gain $\gamma$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Weight => weight;

    /// <summary>The per-channel shift $\beta$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Bias => bias;

    /// <summary>Normalizes every channel of every example of <paramref name="x"/> over its positions.</summary>
    /// <param name="x">A sequence batch $[B, C, L]$ or an image batch $[B, C, H, W]$.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> for another rank, a channel count other than $C$, or a single position per channel.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();

        // The positions are every dimension after the channel: $[2]$ for a sequence, $[2, 3]$ for an
        // image. The batch and channel dimensions are kept, so each $(b, c)$ pair is a separate group.
        var positions = Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d).ToArray();
        var count = positions.Aggregate(1L, (product, d) => product * x.shape[d]);

        // ### Step 1: the mean of each channel of each example
        //
        // $$
        // \mu_{bc} = \frac{1}{N} \sum_{i=1}^{N} x_{bci}
        // $$
        //
        // `keepdim` leaves the mean with shape $[B, C, 1, 1]$, ready to broadcast against the input.
        var mean = x.mean(positions, keepdim: true);

        // ### Step 2: the variance, from centered values
        //
        // $$
        // \sigma_{bc}^2 = \frac{1}{N} \sum_{i=1}^{N} (x_{bci} - \mu_{bc})^2
        // $$
        //
        // As in [layer normalization](../layer_norm/LayerNorm.html), the mean is subtracted before
        // anything is squared, so large offsets do not cancel catastrophically in `float32`, and the sum of
        // squares is taken as a squared Euclidean length, which avoids writing a tensor of squares.
        var centered = x - mean;
        var variance = linalg.vector_norm(centered, 2, positions, keepdim: true).square() / count;

        // ### Step 3: normalize
        //
        // $$
        // \hat{x}_{bci} = \frac{x_{bci} - \mu_{bc}}{\sqrt{\sigma_{bc}^2 + \epsilon}}
        // $$
        var normalized = centered * (variance + eps).rsqrt();

        // ### Step 4: the per-channel gain and shift
        //
        // $$
        // y_{bci} = \gamma_c \, \hat{x}_{bci} + \beta_c
        // $$
        //
        // $\gamma$ and $\beta$ have shape $[C]$, but broadcasting aligns shapes from the *last* dimension.
        // Viewing them as $[C, 1]$ or $[C, 1, 1]$ puts the channel axis in front of the positions, where
        // it belongs.
        if (weight is null || bias is null)
            return normalized.MoveToOuterDisposeScope();
        var channelShape = new long[x.dim() - 1];
        Array.Fill(channelShape, 1L);
        channelShape[0] = numChannels;
        return addcmul(bias.view(channelShape), normalized, weight.view(channelShape), 1).MoveToOuterDisposeScope();
    }

    // ### Contrast is removed, measured
    //
    // The example below normalizes an image and a copy of it with three times the contrast and a brighter
    // background, $3x + 2$. Each point of the figure is one pixel: its normalized value in the first image
    // against its normalized value in the second. All the points lie on the diagonal: after instance
    // normalization the two images are the same.
    [Example]
    internal static Figure ContrastRemoved()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var image = randn(1, 1, 8, 8, dtype: float64, generator: generator);
        var norm = new InstanceNorm(1).to(float64);
        var first = norm.forward(image).flatten().data<double>().ToArray();
        var second = norm.forward(image * 3 + 2).flatten().data<double>().ToArray();
        return new Figure(FigureKind.Scatter, "One pixel per point", "normalized pixel of x", "normalized pixel of 3x + 2",
            [new Series("", first, second)]);
    }

    // ## Checking the input
    //
    // The input must be $[B, C, L]$ or $[B, C, H, W]$ with the configured $C$. A channel of a single
    // position has variance zero, so its normalized value would be $0$ whatever the input; the layer would
    // output $\beta$ and pass no gradient back. That is always a mistake (often a feature map shrunk to
    // $1 \times 1$ by pooling), so it is rejected rather than computed.
    private void CheckInput(Tensor x)
    {
        var shape = x.shape;
        if (shape.Length is not (3 or 4))
            throw new ArgumentException(
                $"expected input [B, C, L] or [B, C, H, W] with C = {numChannels}, got {shape.Length} dimensions {Format(shape)}", nameof(x));
        if (shape[1] != numChannels)
            throw new ArgumentException(
                $"expected {numChannels} channels in dimension 1, got {shape[1]} in input {Format(shape)}", nameof(x));
        if (shape.Skip(2).Aggregate(1L, (product, size) => product * size) <= 1)
            throw new ArgumentException(
                $"expected more than one position per channel, got input {Format(shape)}", nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}
