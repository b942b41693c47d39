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
//   from batch to batch. With one example of shape $[1, C]$ every feature has a single value, and its
//   variance across the batch is simply zero; one image still gives $H \times W$ values per channel, an
//   estimate noisier than that of a whole batch. Large models that only fit small batches in memory
//   suffer the most.
// * **Distributed training has to synchronize.** When a batch is split across devices, each device only
//   sees its share; exact batch statistics require exchanging them between devices at every
//   normalization layer.
//
// Because layer normalization looks at one example only, it computes the same function in training and
// in inference, at every time step of a sequence, for any batch size, and on each device without any
// communication. This is why transformers use it, from the original transformer to BERT and GPT-2. Many
// recent language models use a cheaper relative instead, [RMS normalization](../rms_norm/RmsNorm.html).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using AnnotatedNorm.Examples;

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

    // The configuration never changes after construction. `groupSize` is $N$, the number of elements
    // normalized together; with it the input can be viewed as one group per row, whatever the number of
    // leading dimensions.
    private readonly long[] normalizedShape;
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

        // The four steps below and the gradients that undo them live in `LayerNormFunction`, a custom
        // autograd function further down this page. The module only hands it the input, its parameters and
        // its configuration. Autograd takes its own references to the tensors the function saves once the
        // function has returned, so their handles are released here, when this scope ends, and not inside
        // the function.
        using var scope = NewDisposeScope();
        return LayerNormFunction.apply(x, weight, bias, groupSize, eps).MoveToOuterDisposeScope();
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

// ## The computation as one autograd node
//
// Written as separate tensor operations, the four steps would each become a node of the autograd graph,
// and autograd would keep the inputs of every node, several tensors as large as the input, until the
// backward pass walks them all back. A custom autograd function is one node instead: its `forward` runs
// with gradient tracking off, keeps exactly what its own `backward` needs, and its `backward` computes the
// gradients from a formula derived by hand below.
//
// The function works on `rows`, the input reshaped to a matrix $[M, N]$ with one group per row ($M$ is the
// number of groups, the product of the leading dimensions). For a contiguous input this reshape is a view,
// not a copy, and it turns every reduction over the normalized dimensions into a reduction over the last
// dimension.
//
// ### What it costs
//
// On `bench/LayerNormBenchmark` (a `float32` activation $[32, 128, 768]$ on two CPU threads) this module
// takes about 4 to 4.7 times as long as TorchSharp's native `functional.layer_norm` for a forward and
// backward pass, and 5 to 6 times for the forward pass alone (eight runs on a two-core machine, each the
// median of 100 alternating measurements). Each step below is a separate TorchSharp operation that reads
// or writes a whole tensor as large as the input, and each starts its own parallel loop;
// the native kernel handles each row in fused loops while the row is in the cache.
internal sealed class LayerNormFunction : autograd.SingleTensorFunction<LayerNormFunction>
{
    public override string Name => nameof(LayerNormFunction);

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (x, weight, bias) = ((Tensor)vars[0], vars[1] as Tensor, vars[2] as Tensor);
        var groupSize = (long)vars[3];
        var eps = (double)vars[4];

        // Every tensor made here is released when the function returns, except the result and the two
        // tensors saved for the backward pass, which the module releases once autograd has taken them.
        using var scope = NewDisposeScope();
        var rows = x.reshape(-1, groupSize);

        // ### Step 1: the mean
        //
        // For every group, one row of `rows`, average its $N$ elements. `keepdim` leaves the averaged
        // dimension in place with size 1, so the result broadcasts back against the rows.
        //
        // $$
        // \mu = \mathbb{E}[X] = \frac{1}{N} \sum_{i=1}^{N} x_i
        // $$
        var mean = rows.mean([-1], keepdim: true);

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
        // would first write a whole tensor of squares as large as the input. The centered values themselves
        // are needed again in step 3, so the second pass over the data costs no extra tensor.
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
        // the subtraction returns mostly rounding noise: 0, a multiple of 8, or even a negative number (the
        // example below gets {{CancellationError.onePass4}} where the true variance is {{CancellationError.exact4}}).
        // This is *catastrophic cancellation*.
        //
        // Centering first removes the large common part *before* anything is squared. The deviations
        // $x_i - \mu$ have the size of the spread, and their squares keep almost all their digits. The
        // tests check exactly this case against TorchSharp's own layer normalization. (No formula can be more
        // precise than its input, though: near $10^4$, neighbouring `float32` values are about $10^{-3}$
        // apart, and so is the mean once it is stored as a `float32`. Results agree to about that.)
        var centered = rows - mean;
        var variance = linalg.vector_norm(centered, 2, [-1], keepdim: true).pow_(2).div_(groupSize);

        // ### Step 3: normalize
        //
        // Divide the centered values by the standard deviation, softened by $\epsilon$:
        //
        // $$
        // \hat{x}_i = \frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}
        // $$
        //
        // `rsqrt` computes $1 / \sqrt{\sigma^2 + \epsilon}$ once per group, on a tensor that is $N$ times
        // smaller than the input, and the large tensor is then only multiplied, never divided. The product
        // is written over `centered`, which is not needed afterwards: the input is read, and one tensor of
        // its size is written, to hold $\hat{x}$.
        var inverseStd = variance.add_(eps).rsqrt_();
        var normalized = centered.mul_(inverseStd);

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
        var shaped = normalized.view(x.shape);
        var result = weight is null || bias is null ? shaped : addcmul(bias, shaped, weight, 1);

        // The backward pass needs $\hat{x}$, $1 / \sqrt{\sigma^2 + \epsilon}$ and $\gamma$, nothing else:
        // not the input, not the mean, not the result. $\gamma$ is a parameter that exists anyway, so
        // the memory kept for training is one tensor the size of the input plus one number per group.
        ctx.save_for_backward([normalized.MoveToOuterDisposeScope(), inverseStd.MoveToOuterDisposeScope(), weight!]);
        ctx.save_data(nameof(groupSize), groupSize);
        return result.MoveToOuterDisposeScope();
    }

    // ### The cancellation, measured
    //
    // The example below builds groups of 4,096 `float32` values with a spread of 1 around a mean that
    // grows from 1 to $10^5$, and computes their variance both ways in `float32`. The error is measured
    // against the same variance computed in `float64`. Around a mean of 1 both formulas are exact to
    // rounding; from a mean of about $10^3$ on, the one-pass formula loses every digit of the true
    // variance of 1, while the centered formula stays close to it.
    [Example]
    internal static object[] CancellationError()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(20);
        var means = new[] { 1.0, 10, 100, 1e3, 1e4, 1e5 };
        var (onePass, centered) = (new double[means.Length], new double[means.Length]);
        var rows = new List<string[]>();
        for (var i = 0; i < means.Length; i++)
        {
            var x = (randn(4096, dtype: float64, generator: generator) + means[i]).to(float32);
            var wide = x.to(float64);
            var exact = (wide - wide.mean()).square().mean().item<double>();
            var naive = (x.square().mean() - x.mean().square()).item<float>();
            var twoPass = (x - x.mean()).square().mean().item<float>();
            onePass[i] = Math.Abs(naive - exact);
            centered[i] = Math.Abs(twoPass - exact);
            rows.Add([means[i].ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), exact.ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
                naive.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), twoPass.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)]);
        }
        // A logarithmic axis cannot show an error of exactly 0; $10^{-8}$ is below the rounding of `float32` near 1.
        var floor = 1e-8;
        var exponents = means.Select(Math.Log10).ToArray();
        return
        [
            new Figure(FigureKind.Line, "Error of the variance in float32", "log10 of the mean", "absolute error",
            [
                new Series("E[X²] − E[X]²", exponents, [.. onePass.Select(e => Math.Max(e, floor))]),
                new Series("centered", exponents, [.. centered.Select(e => Math.Max(e, floor))]),
            ], LogY: true),
            new Table("The variance of 4,096 values with spread 1", ["mean", "exact", "E[X²] − E[X]²", "centered"], [.. rows]),
            new NamedValue("onePass4", rows[4][2]),
            new NamedValue("exact4", rows[4][1]),
        ];
    }

    // ## The backward pass by hand
    //
    // Autograd hands `backward` the gradient of the loss $L$ with respect to the output,
    // $g_i = \partial L / \partial y_i$, for every element of every group, and expects the gradients with
    // respect to each input of `forward` in return. Within one group, write $r = 1 / \sqrt{\sigma^2 + \epsilon}$, so
    // that $\hat{x}_i = (x_i - \mu)\, r$.
    //
    // ### The shift and the gain
    //
    // $y_i = \gamma_i \hat{x}_i + \beta_i$, and the same $\gamma_i$ and $\beta_i$ serve every group, so their
    // gradients add up the contributions of all $M$ groups:
    //
    // $$
    // \frac{\partial L}{\partial \beta_i} = \sum_{\text{groups}} g_i
    // \qquad
    // \frac{\partial L}{\partial \gamma_i} = \sum_{\text{groups}} g_i \, \hat{x}_i
    // $$
    //
    // ### The input
    //
    // The gradient reaches $\hat{x}$ first: $\hat{g}_j = \partial L / \partial \hat{x}_j = g_j \gamma_j$
    // (just $g_j$ without the affine transform). Every $\hat{x}_j$ of a group depends on every $x_i$ of
    // it, through $\mu$ and through $r$. The mean moves with each element by
    // $\partial \mu / \partial x_i = 1 / N$. The variance moves by $\partial \sigma^2 / \partial x_i = \frac{2}{N}(x_i - \mu)$: the
    // dependence through $\mu$ drops out because the deviations sum to zero. Hence
    //
    // $$
    // \frac{\partial r}{\partial x_i} = -\frac{1}{2} (\sigma^2 + \epsilon)^{-3/2} \, \frac{2}{N} (x_i - \mu)
    // = -\frac{r^2 \hat{x}_i}{N}
    // $$
    //
    // and, by the product rule on $\hat{x}_j = (x_j - \mu)\, r$, with $\delta_{ij}$ equal to 1 when $i = j$
    // and 0 otherwise,
    //
    // $$
    // \frac{\partial \hat{x}_j}{\partial x_i} = r \left( \delta_{ij} - \frac{1}{N} - \frac{\hat{x}_i \hat{x}_j}{N} \right)
    // $$
    //
    // Summing over $j$ with the weights $\hat{g}_j$ gives the gradient of the input:
    //
    // $$
    // \frac{\partial L}{\partial x_i} = r \left( \hat{g}_i - \frac{1}{N} \sum_{j=1}^{N} \hat{g}_j
    // - \hat{x}_i \, \frac{1}{N} \sum_{j=1}^{N} \hat{g}_j \hat{x}_j \right)
    // $$
    //
    // It reads as a projection: from the incoming gradient, remove its mean (a shift of all inputs of a
    // group does not change the output) and its component along $\hat{x}$ (nor does a scaling of the
    // centered input, up to $\epsilon$), then scale by $r$. Nothing in it needs $x$ or $\mu$ again, which is
    // why the forward pass kept only $\hat{x}$ and $r$.
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        // The gradients are computed with tracking off, so they are not differentiable in turn: this
        // function supports first derivatives only. A gradient of a gradient, for example a gradient
        // penalty, needs the native `functional.layer_norm`, whose backward pass is itself differentiable.
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var saved = ctx.get_saved_variables();
        var (normalized, inverseStd, weight) = (saved[0], saved[1], saved[2]);
        var groupSize = (long)ctx.get_data("groupSize");
        var upstream = gradOutput.reshape(-1, groupSize);

        // The two sums over $j$ are one number per group. With a gain, both are products of a matrix
        // with the vector $\gamma$, $\sum_j g_j \gamma_j$ and $\sum_j (g_j \hat{x}_j) \gamma_j$, which `mv`
        // computes without writing $\hat{g}$ as a tensor. The products $g_j \hat{x}_j$ are also what
        // $\partial L / \partial \gamma$ sums, so they are written once and serve both.
        var product = upstream * normalized;
        Tensor? weightGrad = null, biasGrad = null, gamma = null;
        Tensor meanGrad, projection;
        if (weight is null)
        {
            meanGrad = upstream.mean([-1], keepdim: true);
            projection = product.mean([-1], keepdim: true);
        }
        else
        {
            gamma = weight.reshape(groupSize);
            meanGrad = upstream.mv(gamma).div_(groupSize).unsqueeze(-1);
            projection = product.mv(gamma).div_(groupSize).unsqueeze(-1);

            // The sums over the groups are products with a vector of ones as well. `mv` is one call into
            // the BLAS library, which on the benchmark costs a fraction of `sum([0])`, a reduction down the
            // columns of the matrix.
            var ones = torch.ones(upstream.shape[0], upstream.dtype, upstream.device);
            weightGrad = product.t().mv(ones).view(weight.shape).MoveToOuterDisposeScope();
            biasGrad = upstream.t().mv(ones).view(weight.shape).MoveToOuterDisposeScope();
        }

        // The input gradient is assembled in place, in the tensor that held the products $g_j \hat{x}_j$,
        // which are not needed any more: first the two per-group terms,
        // $-\frac{1}{N}\sum_j \hat{g}_j - \hat{x}_i \frac{1}{N}\sum_j \hat{g}_j \hat{x}_j$, then $\hat{g}_i$,
        // then the factor $r$. The backward pass so allocates one tensor as large as the input, not two.
        var inputGrad = product.copy_(meanGrad.neg().expand_as(product)).addcmul_(normalized, projection, -1);
        if (gamma is null)
            inputGrad.add_(upstream);
        else
            inputGrad.addcmul_(upstream, gamma, 1);
        inputGrad.mul_(inverseStd);

        // One gradient per argument of `forward`, in order; the configuration values get none.
        return [inputGrad.view(gradOutput.shape).MoveToOuterDisposeScope(), weightGrad!, biasGrad!, null!, null!];
    }
}
