// ---
// title: Weight Standardization
// summary: A TorchSharp implementation of weight standardization and of a convolution that standardizes its weights on every call, explained line by line.
// ---
//
// # Weight Standardization
//
// This page builds weight standardization and a convolution layer that uses it, and explains each line.
// The method comes from Siyuan Qiao, Huiyu Wang, Chenxi Liu, Wei Shen and Alan Yuille,
// [Micro-Batch Training with Batch-Channel Normalization and Weight Standardization](https://arxiv.org/abs/1903.10520)
// (2019).
//
// Every other page of this chapter normalizes *activations*, the values that flow through the network.
// Weight standardization normalizes the *weights* instead: before a convolution is applied, the filter of
// every output channel is shifted to mean zero and scaled to unit variance. Nothing depends on the batch,
// so the layer behaves identically for a batch of one and a batch of a thousand, in training and in
// evaluation.
//
// ## Why normalize the weights
//
// The authors' argument is about the optimization, not about the distribution of activations:
//
// * **A smoother problem.** The output of a standardized convolution does not change when a filter is
//   shifted by a constant or multiplied by a positive number. Those directions are simply removed from
//   the problem, and the authors show that this bounds how fast the loss and its gradient can change,
//   the same kind of smoothing that batch normalization is now credited with.
// * **Gradients that are already centered.** The gradient that reaches the raw weights has zero mean and,
//   up to the tiny effect of $\epsilon$, no component along the centered filter, for every output
//   channel (the tests check both). The update
//   therefore never wastes its length on changing a filter's offset or scale, which the layer ignores
//   anyway.
// * **No dead channels from scale.** A filter whose weights shrank towards zero still produces outputs of
//   normal size, so a channel cannot switch itself off merely by shrinking.
//
// On its own weight standardization does not control the activations, which is why the paper pairs it
// with an activation normalization: group normalization, or the
// [batch-channel normalization](../batch_channel_norm/BatchChannelNorm.html) of the same paper. The
// combination reaches the accuracy of batch normalization with large batches while training with one or
// two images per device, where batch normalization fails.
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * A convolution weight has the shape $[O, I, k_h, k_w]$: $O$ output channels, each with a filter of
 * $N = I k_h k_w$ numbers (with `groups` $> 1$, $I$ is the number of input channels of one group). For
 * output channel $o$, with the numbers of its filter written $W_{o,1}, \dots, W_{o,N}$:
 *
 * $$
 * \hat{W}_{o,j} = \frac{W_{o,j} - \mu_o}{\sqrt{\sigma_o^2 + \epsilon}}, \qquad
 * \mu_o = \frac{1}{N} \sum_{j=1}^{N} W_{o,j}, \qquad
 * \sigma_o^2 = \frac{1}{N} \sum_{j=1}^{N} (W_{o,j} - \mu_o)^2
 * $$
 *
 * and the layer computes $y = \hat{W} * x + b$, the ordinary convolution with the standardized filters.
 * The raw $W$ is the learned parameter; $\hat{W}$ is recomputed from it on every call, so autograd
 * carries the gradient back through the standardization to $W$.
 *
 * This is layer normalization applied to each filter rather than to each example. The variance divides
 * by $N$ and $\epsilon$ sits under the square root, as in the paper's formula. (The authors' released
 * code instead adds $\epsilon$ to the unbiased standard deviation; the two differ slightly for small
 * filters, and the tests pin down the paper's version.)
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// Weight standardization: rescales every output channel's filter of a weight tensor to zero mean and unit variance.
/// </summary>
public static class WeightStandardization
{
    /// <summary>Returns $\hat{W}$: every slice <c>weight[o]</c> shifted to mean 0 and scaled to variance 1.</summary>
    /// <param name="weight">A weight whose dimension 0 indexes the output channels, for example $[O, I, k_h, k_w]$ or $[O, I]$.</param>
    /// <param name="eps">The constant $\epsilon$ added to the variance; must be positive.</param>
    /// <returns>A tensor with the shape of <paramref name="weight"/>, differentiable with respect to it.</returns>
    /// <remarks>Throws <c>ArgumentException</c> when the weight has fewer than 2 dimensions or a single number per output channel.</remarks>
    public static Tensor Standardize(Tensor weight, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(weight);
        CheckEps(eps);
        var shape = weight.shape;
        if (shape.Length < 2)
            throw new ArgumentException($"expected a weight with at least 2 dimensions [O, I, ...], got {Format(shape)}", nameof(weight));

        // A filter made of a single number, as in a depthwise $1 \times 1$ convolution, has variance zero:
        // standardizing it would turn every weight into $0$ and the layer into a constant. That is a
        // configuration error, so it is refused rather than silently producing zeros.
        var filterSize = weight.numel() / shape[0];
        if (filterSize < 2)
            throw new ArgumentException($"weight standardization needs more than 1 number per output channel, got weight of shape {Format(shape)}", nameof(weight));

        using var scope = NewDisposeScope();

        // ### Step 1: the mean of every filter
        //
        // Every dimension except the first is averaged, leaving one $\mu_o$ per output channel, kept
        // with size-1 dimensions so that it broadcasts back over the filter.
        long[] dims = [.. Enumerable.Range(1, shape.Length - 1).Select(d => (long)d)];
        var mean = weight.mean(dims, keepdim: true);

        // ### Step 2: the variance of every filter
        //
        // As for activations, the variance is taken from the centered values (see the
        // [layer normalization page](../layer_norm/LayerNorm.html) for why), dividing by $N$.
        var centered = weight - mean;
        var variance = centered.square().mean(dims, keepdim: true);

        // ### Step 3: standardize
        //
        // $$
        // \hat{W}_{o,j} = (W_{o,j} - \mu_o) \cdot \frac{1}{\sqrt{\sigma_o^2 + \epsilon}}
        // $$
        //
        // The weights are small numbers (their variance at initialization is about $1 / (3N)$, around
        // $10^{-2}$ to $10^{-4}$), so $\epsilon$ is not negligible next to them. It multiplies every
        // standardized weight by $\sigma_o / \sqrt{\sigma_o^2 + \epsilon} = (1 + \epsilon / \sigma_o^2)^{-1/2}$
        // instead of leaving a unit variance. With the default $10^{-5}$ and freshly initialized filters
        // that factor shrinks the weights by about 0.9 % for a $3 \times 3 \times 64$ filter, 3.3 % for
        // $3 \times 3 \times 256$ and 6.3 % for $3 \times 3 \times 512$; at $\sigma_o^2 = 10^{-4}$ it is
        // 4.7 %. The factor depends on $\sigma_o$, so it differs from filter to filter and changes during
        // training; where the filters must have exactly unit variance, a smaller $\epsilon$ is the choice.
        return (centered * (variance + eps).rsqrt()).MoveToOuterDisposeScope();
    }

    // The example below standardizes a bank of 64 filters of shape $16 \times 3 \times 3$, drawn with a
    // small offset and spread as a trained layer might have them, and gives the filters' mean and standard
    // deviation before and after, averaged over the filters. After standardization every filter has mean 0
    // and a standard deviation just under 1, the shortfall that $\epsilon$ causes.
    [Example]
    internal static Table FilterStatistics()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var weight = randn(64, 16, 3, 3, dtype: float64, generator: generator) * 0.05 + 0.01;
        string[] Row(string name, Tensor w)
        {
            var filters = w.flatten(1);
            var mean = filters.mean([1], keepdim: true);
            var std = (filters - mean).square().mean([1]).sqrt();
            return [name, mean.abs().mean().item<double>().ToString("G3", System.Globalization.CultureInfo.InvariantCulture), std.mean().item<double>().ToString("G5", System.Globalization.CultureInfo.InvariantCulture)];
        }
        return new Table("Statistics of 64 filters, averaged over the filters", ["weights", "|mean|", "standard deviation"],
            [Row("before", weight), Row("after", Standardize(weight))]);
    }

    internal static void CheckEps(double eps)
    {
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));
    }

    internal static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}

/// <summary>
/// A 2-D convolution whose filters are standardized with <see cref="WeightStandardization.Standardize"/> on every forward call.
/// </summary>
/// <remarks>
/// Its parameters have the shapes and state-dictionary keys (<c>weight</c>, <c>bias</c>) of TorchSharp's
/// <c>torch.nn.Conv2d</c>, so the raw weights of an ordinary convolution load into it.
/// </remarks>
public sealed class Conv2dWS : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // The parameters are the raw weight $W$, of shape $[O, I / \text{groups}, k, k]$, and an optional
    // bias $b$ of shape $[O]$, exactly as in an ordinary convolution. The layer adds no state of its own:
    // no running statistics, no extra parameters.
    private Parameter weight;
    private Parameter? bias;

    private readonly long inChannels;
    private readonly long stride;
    private readonly long padding;
    private readonly long dilation;
    private readonly long groups;
    private readonly double eps;

    // ### Which convolution code runs
    //
    // On the CPU, libtorch hands a float32 convolution to oneDNN and a float64 one to its own im2col and
    // matrix-multiply code. On one 2-core AMD EPYC machine, oneDNN's float32 backward pass returned NaN
    // in the input gradient of a $3 \to 8$ channel, $3 \times 3$ convolution in 9 of 11 runs of this
    // page's tests, although no code of ours computes that gradient. The float64 runs there were
    // correct, and so were 20,000 float32 backward passes of the same convolution on another AMD EPYC
    // machine, where oneDNN runs its AVX2 kernels. A layer whose
    // gradients are sometimes NaN cannot be trusted, so the first `Conv2dWS` turns oneDNN off for the
    // process, the switch PyTorch calls `torch.backends.mkldnn.enabled = False`, and every convolution
    // runs the code that float64 always uses. It is slower for large inputs; set
    // `OneDnn.Enabled = true` after creating the layer to measure both on your machine.
    static Conv2dWS() => OneDnn.Enabled = false;

    /// <summary>Creates a convolution from <paramref name="inChannels"/> to <paramref name="outChannels"/> channels with square <paramref name="kernelSize"/> filters.</summary>
    /// <param name="inChannels">The number of input channels $I$.</param>
    /// <param name="outChannels">The number of output channels $O$.</param>
    /// <param name="kernelSize">The height and width $k$ of every filter.</param>
    /// <param name="stride">The step between neighbouring outputs, in both directions.</param>
    /// <param name="padding">The number of zeros added on every side of the input.</param>
    /// <param name="dilation">The spacing between the taps of a filter.</param>
    /// <param name="groups">The number of groups the channels are split into; must divide $I$ and $O$.</param>
    /// <param name="bias">Whether to add a learned bias per output channel.</param>
    /// <param name="eps">The constant $\epsilon$ of the standardization; must be positive.</param>
    /// <remarks>Throws <c>ArgumentException</c> when a size is not positive, the groups do not divide the channels, or the filters would hold a single number.</remarks>
    public Conv2dWS(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long dilation = 1, long groups = 1, bool bias = true, double eps = 1e-5)
        : base(nameof(Conv2dWS))
    {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || stride <= 0 || dilation <= 0 || groups <= 0 || padding < 0)
            throw new ArgumentException(
                $"channels, kernel size, stride, dilation and groups must be positive and padding not negative, got in {inChannels}, out {outChannels}, kernel {kernelSize}, stride {stride}, padding {padding}, dilation {dilation}, groups {groups}");
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"groups must divide both channel counts, got {groups} groups for {inChannels} input and {outChannels} output channels", nameof(groups));
        if (inChannels / groups * kernelSize * kernelSize < 2)
            throw new ArgumentException($"weight standardization needs more than 1 number per filter, got {inChannels / groups} input channel(s) per group and a {kernelSize}x{kernelSize} kernel", nameof(kernelSize));
        WeightStandardization.CheckEps(eps);

        this.inChannels = inChannels;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        this.eps = eps;

        // The initialization is the one of an ordinary convolution (Kaiming-uniform weights, bias uniform in
        // $\pm 1 / \sqrt{N}$). Standardization erases the scale of $W$ in the forward pass, but not in the
        // backward pass: the gradient reaching $W$ is divided by $\sigma_o$, so the initial size of the
        // weights still sets the size of the first updates.
        var fanIn = inChannels / groups * kernelSize * kernelSize;
        this.weight = new Parameter(empty(outChannels, inChannels / groups, kernelSize, kernelSize));
        this.weight.DetachFromDisposeScope();
        nn.init.kaiming_uniform_(this.weight, Math.Sqrt(5));
        if (bias)
        {
            this.bias = new Parameter(empty(outChannels));
            this.bias.DetachFromDisposeScope();
            nn.init.uniform_(this.bias, -1 / Math.Sqrt(fanIn), 1 / Math.Sqrt(fanIn));
        }

        RegisterComponents();
    }

    /// <summary>The raw, unstandardized weight $W$ that the optimizer updates.</summary>
    public Parameter Weight => weight;

    /// <summary>The bias $b$, or <see langword="null"/> without bias.</summary>
    public Parameter? Bias => bias;

    /// <summary>The constant $\epsilon$ of the standardization.</summary>
    public double Eps => eps;

    /// <summary>Convolves <paramref name="x"/> with the standardized filters.</summary>
    /// <param name="x">The input, of shape $[B, I, H, W]$.</param>
    /// <returns>The output, of shape $[B, O, H', W']$.</returns>
    /// <remarks>Throws <c>ArgumentException</c> for another rank or another number of input channels.</remarks>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != inChannels)
            throw new ArgumentException(
                $"expected input of shape [B, {inChannels}, H, W], got {WeightStandardization.Format(x.shape)}", nameof(x));

        // ### Standardize, then convolve
        //
        // The standardization runs on every call, on the $O \times N$ weights only, which is cheap next to
        // the convolution itself. After training, $\hat{W}$ can be computed once and stored in an
        // ordinary convolution, so inference costs nothing extra.
        using var scope = NewDisposeScope();
        var standardized = WeightStandardization.Standardize(weight, eps);
        var result = nn.functional.conv2d(x, standardized, bias,
            strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation], groups: groups);
        return result.MoveToOuterDisposeScope();
    }
}

/// <summary>
/// libtorch's switch for oneDNN (formerly MKL-DNN) on the CPU, which PyTorch exposes as <c>torch.backends.mkldnn.enabled</c>.
/// </summary>
public static class OneDnn
{
    /// <summary>Whether libtorch may run CPU operations such as float32 convolutions with oneDNN.</summary>
    /// <remarks>Settable on Linux and macOS, where libtorch exports the switch under its C++ name; elsewhere always <see langword="true"/> and setting it does nothing.</remarks>
    public static bool Enabled
    {
        get => !Switchable || UserEnabledMkldnn(Context());
        set { if (Switchable) SetUserEnabledMkldnn(Context(), value); }
    }

    // TorchSharp 0.107 does not wrap this switch, so it is called in libtorch itself. `at::globalContext()`
    // returns the one `at::Context` whose flag PyTorch's setting changes; the names are the C++ symbols as the
    // Itanium ABI of Linux and macOS mangles them. Creating a tensor first makes TorchSharp load libtorch.
    private static bool Switchable => !OperatingSystem.IsWindows();

    private static IntPtr Context()
    {
        using (empty(0)) { }
        return GlobalContext();
    }

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport("libtorch_cpu", EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport("libtorch_cpu", EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);
}

// ## When to choose it
//
// Weight standardization is worth using in convolutional networks that must train with very small
// batches, such as detection, segmentation and video models whose inputs are large, or any training
// where batch normalization's statistics are too noisy. It costs almost nothing, has no state and no
// train/evaluation difference, and it combines with any activation normalization. Use it together with
// group normalization or [batch-channel normalization](../batch_channel_norm/BatchChannelNorm.html),
// not instead of them. It matters little when batch normalization already works well with large
// batches, and it is rarely used in transformers, whose linear layers are usually followed by
// [layer normalization](../layer_norm/LayerNorm.html).
