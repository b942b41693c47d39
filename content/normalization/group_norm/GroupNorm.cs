// ---
// title: Group Normalization
// summary: A TorchSharp implementation of group normalization, which normalizes groups of channels of one example, with layer and instance normalization as its two limits.
// ---
//
// # Group Normalization
//
// This page builds group normalization as a TorchSharp module. Yuxin Wu and Kaiming He proposed it in
// [Group Normalization](https://arxiv.org/abs/1803.08494) (2018), for convolutional networks that have to
// be trained with small batches, such as detectors and segmenters working on large images.
//
// Group normalization splits the $C$ channels of an example into $G$ groups of $C / G$ consecutive
// channels, and normalizes each group over all its channels and all their positions. Like layer and
// instance normalization it works on one example at a time; what it chooses is *how many channels share a
// mean and a variance*.
//
// ## Why groups of channels
//
// Batch normalization is hard to beat for image models as long as each device sees a few dozen images.
// When it sees only one or two, for example because the images are large, the batch statistics become
// noisy and accuracy drops sharply. The two per-example methods do not have that problem, but each goes
// too far in one direction for convolutional features:
//
// * [Layer normalization](../layer_norm/LayerNorm.html) pools *all* channels together. Channels of a
//   convolutional network measure very different things (edges, colours, textures) at very different
//   scales, so one mean and one variance for all of them fits none of them well.
// * [Instance normalization](../instance_norm/InstanceNorm.html) gives *every* channel its own
//   statistics, which erases how strongly each channel responds to the image, often useful evidence.
//
// Groups sit in between. Channels are often related (one filter and its rotated or recoloured variant
// tend to be learned together), so normalizing a few of them jointly keeps their relative strength while
// still giving each group a scale of its own. The paper uses $G = 32$ by default and reports accuracy
// that barely changes with the batch size, where batch normalization falls off at small batches.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * Take an input of shape $[B, C, H, W]$ and $G$ groups, with $G$ dividing $C$. For example $b$ and group
 * $g$, let $S_{bg}$ be the set of the $N = (C / G) \times H \times W$ values of channels
 * $g \cdot C/G, \dots, (g + 1) \cdot C/G - 1$ at every position. Group normalization outputs
 *
 * $$
 * y_{bchw} = \gamma_c \, \frac{x_{bchw} - \mu_{bg}}{\sqrt{\sigma_{bg}^2 + \epsilon}} + \beta_c
 * \qquad \text{for channel } c \text{ in group } g
 * $$
 *
 * where $\mu_{bg}$ and $\sigma_{bg}^2$ are the mean and the biased variance of $S_{bg}$. The statistics are
 * per group, but the gain $\gamma$ and the shift $\beta$ are per *channel*, $C$ values each, as in batch
 * and instance normalization.
 *
 * ### The two limits
 *
 * * With $G = 1$ there is a single group holding all of $C \times H \times W$: these are the statistics of
 *   layer normalization over $[C, H, W]$. The results are equal when layer normalization has no
 *   elementwise affine transform, since group normalization's gain and shift are per channel rather than
 *   per element.
 * * With $G = C$ every group is one channel over $H \times W$: this is exactly instance normalization
 *   with an affine transform.
 *
 * The tests check both identities numerically.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Group normalization: splits the channels of each example into groups, normalizes each group over its
/// channels and positions, then applies a per-channel gain $\gamma$ and shift $\beta$.
/// </summary>
/// <remarks>
/// It accepts inputs $[B, C, \dots]$ with any number of trailing positions (including none) and computes
/// the same function as TorchSharp's <c>functional.group_norm</c>, with the state-dictionary keys
/// <c>weight</c> and <c>bias</c> of PyTorch's <c>GroupNorm</c>.
/// </remarks>
public sealed class GroupNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // $\gamma$ and $\beta$ have shape $[C]$. Unlike instance normalization, PyTorch turns them on by
    // default here, and so does this module.
    private Parameter? weight;
    private Parameter? bias;

    private readonly long numGroups;
    private readonly long numChannels;
    private readonly double eps;

    /// <summary>Creates a group normalization of <paramref name="numChannels"/> channels in <paramref name="numGroups"/> groups.</summary>
    /// <param name="numGroups">The number of groups $G$; must divide <paramref name="numChannels"/>.</param>
    /// <param name="numChannels">The number of channels $C$, the size of dimension 1 of the input.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <param name="affine">Whether to learn a per-channel gain $\gamma$ and shift $\beta$.</param>
    /// <remarks>Throws <c>ArgumentException</c> when a count is not positive, when $G$ does not divide $C$, or when <paramref name="eps"/> is not a positive finite number.</remarks>
    public GroupNorm(long numGroups, long numChannels, double eps = 1e-5, bool affine = true)
        : base(nameof(GroupNorm))
    {
        if (numGroups <= 0)
            throw new ArgumentException($"the number of groups must be positive, got {numGroups}", nameof(numGroups));
        if (numChannels <= 0)
            throw new ArgumentException($"the number of channels must be positive, got {numChannels}", nameof(numChannels));

        // Groups of unequal sizes would be possible, but every implementation, PyTorch included, requires
        // equal groups, so that one reshape can form them. Saying so here beats a reshape error later.
        if (numChannels % numGroups != 0)
            throw new ArgumentException(
                $"the number of groups must divide the number of channels, got {numGroups} groups for {numChannels} channels", nameof(numGroups));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));

        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;

        // $\gamma = 1$ and $\beta = 0$, detached from any dispose scope open during construction.
        if (affine)
        {
            weight = new Parameter(ones(numChannels));
            bias = new Parameter(zeros(numChannels));
            weight.DetachFromDisposeScope();
            bias.DetachFromDisposeScope();
        }

        RegisterComponents();
    }

    /// <summary>The number of groups $G$.</summary>
    public long NumGroups => numGroups;

    /// <summary>The number of channels $C$.</summary>
    public long NumChannels => numChannels;

    /// <summary>The constant $\epsilon$ added to the variance.</summary>
    public double Eps => eps;

    /// <summary>The per-channel gain $\gamma$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Weight => weight;

    /// <summary>The per-channel shift $\beta$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Bias => bias;

    /// <summary>Normalizes every group of channels of every example of <paramref name="x"/>.</summary>
    /// <param name="x">An input $[B, C, \dots]$, for example $[B, C, H, W]$.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> for fewer than two dimensions or a channel count other than $C$.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();

        // ### Step 1: gather each group into one row
        //
        // Channels of a group are consecutive, and in a contiguous $[B, C, H, W]$ tensor the values of
        // consecutive channels are consecutive in memory. Reshaping to $[B, G, N]$ with
        // $N = (C / G) \times H \times W$ therefore puts exactly the set $S_{bg}$ in row $(b, g)$, without
        // moving any data. The statistics of a group are then plain statistics over the last dimension.
        var batch = x.shape[0];
        var grouped = x.reshape(batch, numGroups, -1);
        var count = grouped.shape[2];

        // ### Step 2: the mean and the variance of each group
        //
        // $$
        // \mu_{bg} = \frac{1}{N} \sum_{x \in S_{bg}} x, \qquad
        // \sigma_{bg}^2 = \frac{1}{N} \sum_{x \in S_{bg}} (x - \mu_{bg})^2
        // $$
        //
        // The variance comes from centered values, for the same `float32` reason as in
        // [layer normalization](../layer_norm/LayerNorm.html).
        var mean = grouped.mean([-1], keepdim: true);
        var centered = grouped - mean;
        var variance = linalg.vector_norm(centered, 2, [-1], keepdim: true).square() / count;

        // ### Step 3: normalize, and restore the shape
        //
        // $$
        // \hat{x} = \frac{x - \mu_{bg}}{\sqrt{\sigma_{bg}^2 + \epsilon}}
        // $$
        //
        // Undoing the reshape gives back $[B, C, H, W]$, with every value normalized by the statistics of
        // its own group.
        var normalized = (centered * (variance + eps).rsqrt()).reshape(x.shape);

        // ### Step 4: the per-channel gain and shift
        //
        // $$
        // y_{bchw} = \gamma_c \, \hat{x}_{bchw} + \beta_c
        // $$
        //
        // Viewing $\gamma$ and $\beta$ as $[C, 1, 1]$ (one trailing 1 per position dimension) lines them
        // up with the channel axis.
        if (weight is null || bias is null)
            return normalized.MoveToOuterDisposeScope();
        var channelShape = new long[x.dim() - 1];
        Array.Fill(channelShape, 1L);
        channelShape[0] = numChannels;
        return addcmul(bias.view(channelShape), normalized, weight.view(channelShape), 1).MoveToOuterDisposeScope();
    }

    // ### Independent of the batch, measured
    //
    // The example below normalizes the first image of a batch of 32 images, and then the same image in
    // smaller batches made of the first 1, 2, 4, 8 or 16 images. The table gives the largest change of its
    // output, against the batch of 32. Group normalization gives exactly the same output whatever the
    // batch; batch normalization in training gives a different output for every batch size.
    [Example]
    internal static Table BatchIndependence()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var images = randn(32, 8, 4, 4, dtype: float64, generator: generator) * 2 + 1;
        var group = new GroupNorm(4, 8).to(float64);
        var batch = new BatchNorm(8, trackRunningStats: false).to(float64);
        var (groupAll, batchAll) = (group.forward(images)[0], batch.forward(images)[0]);
        var rows = new long[] { 1, 2, 4, 8, 16 }.Select(size =>
        {
            var part = images[..(int)size];
            var groupChange = (group.forward(part)[0] - groupAll).abs().max().item<double>();
            var batchChange = size == 1 ? "—" : (batch.forward(part)[0] - batchAll).abs().max().item<double>().ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
            return new[] { size.ToString(System.Globalization.CultureInfo.InvariantCulture), groupChange.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), batchChange };
        }).ToArray();
        return new Table("Largest change of the first image's output against a batch of 32", ["batch size", "group normalization", "batch normalization"], rows);
    }

    // ## Checking the input
    //
    // The input needs a batch and a channel dimension, and the channel count the module was built for.
    // A wrong count could otherwise still reshape into $G$ rows and silently mix channels across groups.
    private void CheckInput(Tensor x)
    {
        var shape = x.shape;
        if (shape.Length < 2)
            throw new ArgumentException(
                $"expected input [B, C, ...] with at least 2 dimensions and C = {numChannels}, got {Format(shape)}", nameof(x));
        if (shape[1] != numChannels)
            throw new ArgumentException(
                $"expected {numChannels} channels in dimension 1, got {shape[1]} in input {Format(shape)}", nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}
