// ---
// title: DeepNorm
// summary: A TorchSharp implementation of DeepNorm, the up-scaled post-norm residual connection and initialization that let transformers train with a thousand layers.
// ---
//
// # DeepNorm
//
// This page builds DeepNorm in TorchSharp: a residual connection for post-norm transformers together with
// an initialization rule. It comes from Hongyu Wang, Shuming Ma, Li Dong, Shaohan Huang, Dongdong Zhang
// and Furu Wei, [DeepNet: Scaling Transformers to 1,000 Layers](https://arxiv.org/abs/2203.00555) (2022),
// who used it to train transformers of up to 1,000 layers (2,500 attention and feed-forward sub-layers)
// without the training blowing up.
//
// DeepNorm is not a new way to compute statistics: the normalization inside it is plain
// [layer normalization](../layer_norm/LayerNorm.html). What it changes is *where the residual stream is
// scaled*, and *how small the sub-layers start*.
//
// ## Post-norm and pre-norm
//
// A transformer layer wraps each sub-layer $G$ (attention, or the feed-forward network) in a residual
// connection and a layer normalization. There are two ways to arrange them:
//
// * **Post-norm**, the original transformer: $x_{l+1} = \text{LN}(x_l + G(x_l))$. The normalization sits
//   on the main path, so every layer rescales the whole stream.
// * **Pre-norm**: $x_{l+1} = x_l + G(\text{LN}(x_l))$. The main path is an untouched sum.
//
// Post-norm models tend to reach better quality when they train at all, but deep ones are fragile: they
// need long learning-rate warm-up and still diverge beyond a few dozen layers. Pre-norm models are
// stable at any depth, but the untouched sum lets the stream grow with depth, so the last layers
// contribute relatively little, and they usually end a little behind.
//
// ## What goes wrong in deep post-norm models
//
// The DeepNet authors tracked the size of each layer's *change of output* during the first steps of
// training. In a deep post-norm model the early updates change the output by a large amount; the inputs
// of the layer normalizations then swing widely, their gradients become tiny, and training gets stuck or
// diverges. Their analysis shows that the size of that early change grows with the number of layers
// unless each sub-layer's contribution is kept small relative to the residual stream.
//
// DeepNorm does exactly that with two constants that depend only on the depth:
//
// * $\alpha > 1$ **up-weights the residual** before the normalization, so the sub-layer's output is a
//   smaller share of what gets normalized;
// * $\beta < 1$ **shrinks the initial weights** of the sub-layers, so their outputs start small.
//
// Together they bound the size of the model update by a constant independent of depth. The result keeps
// post-norm's quality with pre-norm's stability.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * Each residual connection of the model computes
 *
 * $$
 * x_{l+1} = \text{LN}(\alpha \, x_l + G_l(x_l; \theta_l))
 * $$
 *
 * where $\text{LN}$ is an ordinary layer normalization and $G_l$ is the sub-layer with parameters
 * $\theta_l$. With $\alpha = 1$ this is the original post-norm connection.
 *
 * At initialization, the weights of the feed-forward networks and the value and output projections of
 * attention are drawn from Xavier-normal initialization with gain $\beta$:
 *
 * $$
 * W \sim \mathcal{N}\left(0, \; \beta^2 \cdot \frac{2}{n_{\text{in}} + n_{\text{out}}}\right)
 * $$
 *
 * The query and key projections keep gain 1: they only decide where attention looks, and scaling them does
 * not change the size of the sub-layer's output.
 *
 * ### The constants
 *
 * For a model with only an encoder, or only a decoder, of $N$ layers:
 *
 * $$
 * \alpha = (2N)^{1/4}, \qquad \beta = (8N)^{-1/4}
 * $$
 *
 * For an encoder-decoder with $N$ encoder layers and $M$ decoder layers, the two stacks get different
 * values, because the decoder's cross-attention also feeds on the encoder's output:
 *
 * | stack | $\alpha$ | $\beta$ |
 * |---|---|---|
 * | encoder | $0.81 \, (N^4 M)^{1/16}$ | $0.87 \, (N^4 M)^{-1/16}$ |
 * | decoder | $(3M)^{1/4}$ | $(12M)^{-1/4}$ |
 *
 * For a 6-layer encoder-only model $\alpha \approx 1.86$ and $\beta \approx 0.38$; for 1,000 layers
 * $\alpha \approx 6.69$ and $\beta \approx 0.106$. $\alpha$ grows and $\beta$ shrinks with depth, both
 * slowly, as fourth roots: the analysis asks for just enough damping to keep the update bounded.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>The DeepNorm constants: $\alpha$ scales the residual stream, $\beta$ the initial sub-layer weights.</summary>
/// <param name="Alpha">The factor $\alpha$ applied to $x_l$ before the layer normalization.</param>
/// <param name="Beta">The Xavier-normal gain $\beta$ of the sub-layers' projection weights.</param>
public readonly record struct DeepNormScales(double Alpha, double Beta)
{
    /// <summary>The constants for an encoder-only model of <paramref name="layers"/> layers: $\alpha = (2N)^{1/4}$, $\beta = (8N)^{-1/4}$.</summary>
    /// <param name="layers">The number of layers $N$; each holds an attention and a feed-forward sub-layer.</param>
    public static DeepNormScales EncoderOnly(int layers)
    {
        CheckLayers(layers, nameof(layers));
        return new(Math.Pow(2.0 * layers, 0.25), Math.Pow(8.0 * layers, -0.25));
    }

    // The example below tabulates nothing by hand: it evaluates the two formulas for depths from 6 to 1,000
    // layers. $\alpha$ grows and $\beta$ shrinks as the model gets deeper, both slowly, as a fourth root.
    [Example]
    internal static Figure ConstantsByDepth()
    {
        double[] depths = [6, 12, 24, 48, 100, 200, 500, 1000];
        var scales = depths.Select(n => EncoderOnly((int)n)).ToArray();
        return new Figure(FigureKind.Line, "DeepNorm constants of an encoder-only model", "layers N", "value",
        [
            new Series("α", depths, [.. scales.Select(s => s.Alpha)]),
            new Series("β", depths, [.. scales.Select(s => s.Beta)]),
        ]);
    }

    /// <summary>The constants for a decoder-only model of <paramref name="layers"/> layers, the same as for an encoder-only one.</summary>
    /// <param name="layers">The number of layers $N$.</param>
    public static DeepNormScales DecoderOnly(int layers) => EncoderOnly(layers);

    /// <summary>The constants for the encoder of an encoder-decoder model: $\alpha = 0.81 (N^4 M)^{1/16}$, $\beta = 0.87 (N^4 M)^{-1/16}$.</summary>
    /// <param name="encoderLayers">The number of encoder layers $N$.</param>
    /// <param name="decoderLayers">The number of decoder layers $M$.</param>
    public static DeepNormScales EncoderOfEncoderDecoder(int encoderLayers, int decoderLayers)
    {
        CheckLayers(encoderLayers, nameof(encoderLayers));
        CheckLayers(decoderLayers, nameof(decoderLayers));

        // $(N^4 M)^{1/16}$ is computed as $N^{1/4} M^{1/16}$: the same number, without forming $N^4 M$,
        // which would overflow `int` for a few hundred layers.
        var depth = Math.Pow(encoderLayers, 0.25) * Math.Pow(decoderLayers, 1.0 / 16);
        return new(0.81 * depth, 0.87 / depth);
    }

    /// <summary>The constants for the decoder of an encoder-decoder model: $\alpha = (3M)^{1/4}$, $\beta = (12M)^{-1/4}$.</summary>
    /// <param name="decoderLayers">The number of decoder layers $M$.</param>
    public static DeepNormScales DecoderOfEncoderDecoder(int decoderLayers)
    {
        CheckLayers(decoderLayers, nameof(decoderLayers));
        return new(Math.Pow(3.0 * decoderLayers, 0.25), Math.Pow(12.0 * decoderLayers, -0.25));
    }

    private static void CheckLayers(int layers, string name)
    {
        if (layers <= 0)
            throw new ArgumentException($"the number of layers must be positive, got {layers}", name);
    }
}

/// <summary>
/// The DeepNorm residual connection $x \mapsto \text{LN}(\alpha x + G(x))$ around any sub-layer $G$ that
/// keeps the shape of its input.
/// </summary>
public sealed class DeepNormResidual : nn.Module<Tensor, Tensor>
{
    // ## The residual connection
    //
    // The sub-layer and the normalization are fields of module type, so `RegisterComponents()` registers
    // them as submodules: their parameters appear in the state dictionary under `subLayer.` and `norm.`,
    // and move with the module in `to(...)`.
    private nn.Module<Tensor, Tensor> subLayer;
    private LayerNorm norm;
    private readonly double alpha;

    /// <summary>Wraps <paramref name="subLayer"/> in a DeepNorm residual connection.</summary>
    /// <param name="subLayer">The sub-layer $G$; its output must have the shape of its input.</param>
    /// <param name="alpha">The residual scale $\alpha$; must be a positive finite number (DeepNet uses $\alpha \ge 1$).</param>
    /// <param name="norm">The layer normalization applied after the sum.</param>
    /// <remarks>Throws <c>ArgumentException</c> for a null module or an <paramref name="alpha"/> that is not a positive finite number.</remarks>
    public DeepNormResidual(nn.Module<Tensor, Tensor> subLayer, double alpha, LayerNorm norm)
        : base(nameof(DeepNormResidual))
    {
        ArgumentNullException.ThrowIfNull(subLayer);
        ArgumentNullException.ThrowIfNull(norm);
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new ArgumentException($"alpha must be a positive finite number, got {alpha}", nameof(alpha));

        this.subLayer = subLayer;
        this.norm = norm;
        this.alpha = alpha;
        RegisterComponents();
    }

    /// <summary>The residual scale $\alpha$.</summary>
    public double Alpha => alpha;

    /// <summary>The wrapped sub-layer $G$.</summary>
    public nn.Module<Tensor, Tensor> SubLayer => subLayer;

    /// <summary>The layer normalization applied after the sum.</summary>
    public LayerNorm Norm => norm;

    /// <summary>Computes $\text{LN}(\alpha x + G(x))$.</summary>
    /// <param name="x">The residual stream; its trailing dimensions must equal the normalization's shape.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> when the trailing shape of <paramref name="x"/> does not fit the normalization, or when the sub-layer changes the shape.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();

        // ### Step 1: the sub-layer
        //
        // $G$ sees the residual stream *unscaled*: $\alpha$ only weights the skip path. Its output must
        // have the shape of its input, or the sum below would broadcast into something else.
        var update = subLayer.forward(x);
        if (!update.shape.SequenceEqual(x.shape))
            throw new ArgumentException(
                $"the sub-layer must keep the shape of its input, got {Format(update.shape)} from input {Format(x.shape)}", nameof(x));

        // ### Step 2: the up-weighted sum
        //
        // $$
        // s = \alpha \, x_l + G(x_l)
        // $$
        //
        // `add` with a scale computes $G(x) + \alpha x$ in one pass, without a separate tensor for
        // $\alpha x$.
        var sum = update.add(x, alpha);

        // ### Step 3: normalize
        //
        // $$
        // x_{l+1} = \text{LN}(s)
        // $$
        //
        // The normalization removes the factor $\alpha$ from the scale of the stream again, so the next
        // layer sees inputs of the usual size; what $\alpha$ changed is the *mix*: the residual now
        // outweighs the sub-layer's update by a factor that grows with depth.
        return norm.forward(sum).MoveToOuterDisposeScope();
    }

    // The normalization's own check would also catch a wrong width, but only after the sub-layer ran
    // and failed with a less helpful message of its own, so the width is checked first.
    private void CheckInput(Tensor x)
    {
        var expected = norm.NormalizedShape.ToArray();
        var shape = x.shape;
        if (shape.Length < expected.Length || !shape.AsSpan(shape.Length - expected.Length).SequenceEqual(expected))
            throw new ArgumentException($"expected input with trailing shape {Format(expected)}, got {Format(shape)}", nameof(x));
    }

    private static string Format(long[] shape) => $"[{string.Join(", ", shape)}]";
}

/// <summary>The position-wise feed-forward network of a transformer, $G(x) = W_2 \, \text{GELU}(W_1 x + b_1) + b_2$.</summary>
public sealed class PositionwiseFeedForward : nn.Module<Tensor, Tensor>
{
    // ## The sub-layer
    //
    // The feed-forward network widens each token to `hiddenWidth` features, applies a non-linearity, and
    // projects back to the model width. Both projections are linear layers whose weights DeepNorm
    // initializes with gain $\beta$; the biases start at zero.
    private Linear expand;
    private Linear project;

    /// <summary>Creates the network with Xavier-normal weights of gain <paramref name="beta"/> and zero biases.</summary>
    /// <param name="width">The model width $d$, the size of the last dimension of the input.</param>
    /// <param name="hiddenWidth">The inner width, typically $4d$.</param>
    /// <param name="beta">The Xavier-normal gain $\beta$ of both weight matrices; must be a positive finite number.</param>
    /// <remarks>Throws <c>ArgumentException</c> for widths that are not positive or a <paramref name="beta"/> that is not a positive finite number.</remarks>
    public PositionwiseFeedForward(long width, long hiddenWidth, double beta)
        : base(nameof(PositionwiseFeedForward))
    {
        if (width <= 0 || hiddenWidth <= 0)
            throw new ArgumentException($"the widths must be positive, got width {width} and hidden width {hiddenWidth}", width <= 0 ? nameof(width) : nameof(hiddenWidth));
        if (!(beta > 0) || double.IsInfinity(beta))
            throw new ArgumentException($"beta must be a positive finite number, got {beta}", nameof(beta));

        expand = nn.Linear(width, hiddenWidth);
        project = nn.Linear(hiddenWidth, width);

        // ### The DeepNorm initialization
        //
        // `xavier_normal_` with gain $\beta$ draws every weight with standard deviation
        // $\beta \sqrt{2 / (n_{\text{in}} + n_{\text{out}})}$: the usual Xavier scale, shrunk by $\beta$.
        // The initialization must not be recorded by autograd, hence `no_grad`.
        using (no_grad())
        {
            nn.init.xavier_normal_(expand.weight!, beta);
            nn.init.xavier_normal_(project.weight!, beta);
            nn.init.zeros_(expand.bias!);
            nn.init.zeros_(project.bias!);
        }

        RegisterComponents();
    }

    /// <summary>The first projection $W_1$, from the model width to the inner width.</summary>
    public Linear Expand => expand;

    /// <summary>The second projection $W_2$, back to the model width.</summary>
    public Linear Project => project;

    /// <summary>Computes $W_2 \, \text{GELU}(W_1 x + b_1) + b_2$ for every position of <paramref name="x"/>.</summary>
    /// <param name="x">An input whose last dimension is the model width.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return project.forward(nn.functional.gelu(expand.forward(x))).MoveToOuterDisposeScope();
    }
}

/// <summary>A post-norm transformer feed-forward sub-layer with the DeepNorm residual connection and initialization.</summary>
public sealed class DeepNormFeedForward : nn.Module<Tensor, Tensor>
{
    // ## Putting it together
    //
    // The block is the residual connection around the feed-forward network, with $\alpha$ and $\beta$
    // taken from the same `DeepNormScales`, so the two constants always belong to the same depth. The
    // attention sub-layer of a layer would be wrapped the same way.
    private DeepNormResidual residual;

    /// <summary>Creates the block for a model of width <paramref name="width"/> with the given DeepNorm constants.</summary>
    /// <param name="width">The model width $d$.</param>
    /// <param name="hiddenWidth">The inner width of the feed-forward network.</param>
    /// <param name="scales">$\alpha$ and $\beta$, for example <c>DeepNormScales.EncoderOnly(layers)</c>.</param>
    /// <param name="eps">The $\epsilon$ of the layer normalization.</param>
    public DeepNormFeedForward(long width, long hiddenWidth, DeepNormScales scales, double eps = 1e-5)
        : base(nameof(DeepNormFeedForward))
    {
        residual = new DeepNormResidual(new PositionwiseFeedForward(width, hiddenWidth, scales.Beta), scales.Alpha, new LayerNorm(width, eps));
        RegisterComponents();
    }

    /// <summary>The residual connection, with its $\alpha$ and layer normalization.</summary>
    public DeepNormResidual Residual => residual;

    /// <summary>The feed-forward network $G$ inside the residual connection.</summary>
    public PositionwiseFeedForward FeedForward => (PositionwiseFeedForward)residual.SubLayer;

    /// <summary>Computes $\text{LN}(\alpha x + G(x))$ with the feed-forward network as $G$.</summary>
    /// <param name="x">The residual stream, with the model width as last dimension.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    public override Tensor forward(Tensor x) => residual.forward(x);
}
