// ---
// title: RMS Normalization
// summary: A TorchSharp implementation of root-mean-square normalization, layer normalization without the mean, as used in LLaMA-style language models.
// ---
//
// # Root Mean Square Layer Normalization
//
// This page builds RMS normalization as a TorchSharp module. Biao Zhang and Rico Sennrich proposed it in
// [Root Mean Square Layer Normalization](https://arxiv.org/abs/1910.07467) (2019).
//
// RMS normalization is [layer normalization](../layer_norm/LayerNorm.html) with one step removed: it
// does **not subtract the mean**. It divides every group of features by their root mean square, the typical
// size of a value, and multiplies by a learned gain. There is no shift.
//
// ## Why drop the mean?
//
// Layer normalization does two things to a vector of features: it *re-centers* it (subtracts the mean)
// and it *re-scales* it (divides by the standard deviation). Zhang and Sennrich asked which of the two
// makes training work, and their experiments point to the scaling. Dividing by a measure of size makes the
// output independent of how large the input and the incoming weights are, which is what keeps the
// gradients in a sensible range; removing the mean turned out not to matter much in practice.
//
// Dropping the mean saves real work. Layer normalization reads the features to compute their mean, and
// then needs the centered values to compute the variance; RMS normalization needs a single statistic, the
// mean of the squares, and no centered copy of the input. The paper reports that whole models ran 7% to
// 64% faster with RMS normalization than with layer normalization, depending on the model, at the same
// quality; those are times of the whole network, not of the normalization step alone.
//
// ## Where it is used
//
// Large language models normalize every token twice per layer, so a cheaper normalization adds up. Since
// T5 and then LLaMA, most open language models (LLaMA, Mistral, Qwen, Gemma and their relatives) use RMS
// normalization, placed before each attention and feed-forward block, with a gain and no bias.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

/*
 * ## The formula
 *
 * For a group $X$ of $N$ values $x_1, \dots, x_N$ (the features of one token, say), RMS normalization
 * outputs
 *
 * $$
 * \text{RMSNorm}(X) = \gamma \odot \frac{X}{\sqrt{\frac{1}{N} \sum_{i=1}^{N} x_i^2 + \epsilon}}
 * $$
 *
 * The square root without $\epsilon$ is the root mean square,
 * $\mathrm{RMS}(X) = \sqrt{\frac{1}{N} \sum_i x_i^2}$. When the values happen to have mean zero it
 * equals the standard deviation, and RMS normalization then computes exactly what layer normalization
 * does. Otherwise it also keeps the mean, scaled like everything else: the output has RMS 1, not
 * variance 1.
 *
 * $\gamma$ is a learned gain with the normalized shape, starting at 1. The paper allows a shift as well,
 * but the models that adopted the method leave it out, and so does this module.
 *
 * ### Properties
 *
 * * **Invariant to rescaling the input**: $\text{RMSNorm}(a X) = \text{RMSNorm}(X)$ for any $a > 0$ (up
 *   to $\epsilon$), the property that makes the training dynamics insensitive to the size of the weights.
 * * **Not invariant to shifting the input**: adding the same constant to every $x_i$ changes the result,
 *   unlike layer normalization. The network has to tolerate offsets instead of having them removed.
 *
 * The paper also describes *partial* RMS normalization, which estimates the RMS from only the first few
 * percent of the features. It is rarely used and is not implemented here.
 */
namespace AnnotatedNorm.Normalization;

/// <summary>
/// RMS normalization: divides every example by the root mean square of its trailing dimensions, then
/// applies a learned elementwise gain $\gamma$; it subtracts no mean and adds no shift.
/// </summary>
/// <remarks>
/// The state dictionary holds the single key <c>weight</c>, as PyTorch's <c>RMSNorm</c>. TorchSharp 0.107.0
/// has no RMS normalization of its own, so the tests compare this module with a plain reference.
/// </remarks>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    // ## State
    //
    // Only the gain $\gamma$, called `weight`, with the normalized shape; it stays `null` without the
    // affine transform. There is no `bias`.
    private Parameter? weight;

    // `dims` are the normalized dimensions counted from the end, so any number of leading dimensions
    // works; `groupSize` is $N$.
    private readonly long[] normalizedShape;
    private readonly long[] dims;
    private readonly long groupSize;
    private readonly double eps;

    /// <summary>Creates an RMS normalization over the last dimension, of size <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The size of the last dimension of the input, for example the model width.</param>
    /// <param name="eps">The constant $\epsilon$ added to the mean square; must be positive.</param>
    /// <param name="elementwiseAffine">Whether to learn the gain $\gamma$.</param>
    public RmsNorm(long normalizedShape, double eps = 1e-6, bool elementwiseAffine = true)
        : this([normalizedShape], eps, elementwiseAffine)
    {
    }

    /// <summary>Creates an RMS normalization over the trailing dimensions given by <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The sizes of the trailing dimensions that are normalized together.</param>
    /// <param name="eps">The constant $\epsilon$ added to the mean square; must be positive.</param>
    /// <param name="elementwiseAffine">Whether to learn the gain $\gamma$.</param>
    /// <remarks>Throws <c>ArgumentException</c> when the shape is empty, a size is not positive, or <paramref name="eps"/> is not a positive finite number.</remarks>
    public RmsNorm(long[] normalizedShape, double eps = 1e-6, bool elementwiseAffine = true)
        : base(nameof(RmsNorm))
    {
        ArgumentNullException.ThrowIfNull(normalizedShape);
        if (normalizedShape.Length == 0)
            throw new ArgumentException("the normalized shape must have at least one dimension, got []", nameof(normalizedShape));
        if (normalizedShape.Any(size => size <= 0))
            throw new ArgumentException($"the sizes of the normalized shape must be positive, got {Format(normalizedShape)}", nameof(normalizedShape));

        // The default $\epsilon = 10^{-6}$ is the value LLaMA-style models use. Its only job is to keep the
        // division finite for an all-zero input, which, without a mean to subtract, is the one case where
        // the mean square vanishes.
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"eps must be a positive finite number, got {eps}", nameof(eps));

        this.normalizedShape = (long[])normalizedShape.Clone();
        this.eps = eps;
        groupSize = normalizedShape.Aggregate(1L, (product, size) => product * size);
        dims = Enumerable.Range(-normalizedShape.Length, normalizedShape.Length).Select(d => (long)d).ToArray();

        // $\gamma = 1$, detached from any dispose scope open during construction.
        if (elementwiseAffine)
        {
            weight = new Parameter(ones(normalizedShape));
            weight.DetachFromDisposeScope();
        }

        RegisterComponents();
    }

    /// <summary>The sizes of the trailing dimensions that are normalized together.</summary>
    public IReadOnlyList<long> NormalizedShape => normalizedShape;

    /// <summary>The constant $\epsilon$ added to the mean square.</summary>
    public double Eps => eps;

    /// <summary>The learned gain $\gamma$, or <see langword="null"/> without the affine transform.</summary>
    public Parameter? Weight => weight;

    /// <summary>Divides <paramref name="x"/> by the root mean square of its trailing dimensions and applies the gain.</summary>
    /// <param name="x">The input; its last dimensions must equal the normalized shape.</param>
    /// <returns>A tensor with the shape of <paramref name="x"/>.</returns>
    /// <remarks>Throws <c>ArgumentException</c> when the trailing dimensions of <paramref name="x"/> differ from the normalized shape.</remarks>
    public override Tensor forward(Tensor x)
    {
        CheckInput(x);
        using var scope = NewDisposeScope();

        // ### Step 1: the mean square
        //
        // $$
        // \overline{x^2} = \frac{1}{N} \sum_{i=1}^{N} x_i^2
        // $$
        //
        // This is the only statistic. The sum of squares is the squared Euclidean length
        // $\lVert X \rVert_2^2$, which `vector_norm` computes in one read of `x` without writing a tensor
        // of squares. There is nothing to center, so the variance trap of layer normalization,
        // $\mathbb{E}[X^2] - \mathbb{E}[X]^2$, does not arise: a sum of squares never cancels.
        var meanSquare = linalg.vector_norm(x, 2, dims, keepdim: true).square() / groupSize;

        // ### Step 2: divide by the root mean square
        //
        // $$
        // \hat{x}_i = \frac{x_i}{\sqrt{\overline{x^2} + \epsilon}}
        // $$
        //
        // As in layer normalization, `rsqrt` is taken once per group and the large tensor is only
        // multiplied.
        var normalized = x * (meanSquare + eps).rsqrt();

        // ### Step 3: the gain
        //
        // $$
        // y_i = \gamma_i \, \hat{x}_i
        // $$
        var result = weight is null ? normalized : normalized * weight;
        return result.MoveToOuterDisposeScope();
    }

    // ### What it leaves out, seen on numbers
    //
    // The example below feeds the same activations, 4 rows of 64 values with mean 5 and standard
    // deviation 1, to RMS normalization and to layer normalization. Layer normalization returns values with
    // mean 0 and standard deviation 1. RMS normalization only rescales: the mean of its output stays far
    // from 0, because the root mean square of the input is dominated by its mean.
    [Example]
    internal static TensorSummary[] KeepsTheMean()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var x = randn(4, 64, dtype: float64, generator: generator) + 5;
        return
        [
            TensorSummary.Of("input", x),
            TensorSummary.Of("RmsNorm(input)", new RmsNorm(64).to(float64).forward(x)),
            TensorSummary.Of("LayerNorm(input)", new LayerNorm(64).to(float64).forward(x)),
        ];
    }

    // ## Checking the input
    //
    // The trailing dimensions must equal the normalized shape exactly; a size-1 dimension would otherwise
    // broadcast against $\gamma$ and hide the mistake.
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
