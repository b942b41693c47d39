using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>The hand-derived backward pass of LayerNormFunction against autograd on the step-by-step formula.</summary>
public class LayerNormBackwardTests
{
    /// <summary>Every layout, with and without the affine transform.</summary>
    public static TheoryData<long[], int, bool> LayoutsWithAndWithoutAffine
    {
        get
        {
            var data = new TheoryData<long[], int, bool>();
            foreach (var affine in new[] { true, false })
            {
                foreach (var row in LayerNormCases.Layouts)
                    data.Add((long[])row[0], (int)row[1], affine);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LayoutsWithAndWithoutAffine))]
    public void Should_Match_Autograd_Of_The_Step_By_Step_Formula_In_Float64(long[] shape, int trailing, bool affine)
    {
        using var scope = NewDisposeScope();
        manual_seed(20);
        // Given our module in float64 and the same parameters as separate leaves for the formula
        var normalizedShape = LayerNormCases.Trailing(shape, trailing);
        var module = affine
            ? LayerNormCases.RandomAffine(normalizedShape, ScalarType.Float64)
            : new LayerNorm(normalizedShape, elementwiseAffine: false);
        module.to(ScalarType.Float64);
        var input = LayerNormCases.Input(shape, ScalarType.Float64);
        var upstream = randn(shape, ScalarType.Float64);
        var ourInput = input.clone().requires_grad_();
        var formulaInput = input.clone().requires_grad_();
        var formulaWeight = module.Weight?.detach().clone().requires_grad_();
        var formulaBias = module.Bias?.detach().clone().requires_grad_();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        StepByStep(formulaInput, normalizedShape.Length, formulaWeight, formulaBias, module.Eps).backward([upstream]);

        // Then every gradient agrees to float64 rounding
        TensorAssert.Close(formulaInput.grad!, ourInput.grad!, 1e-12, 1e-10, "input gradient");
        if (affine)
        {
            TensorAssert.Close(formulaWeight!.grad!, module.Weight!.grad!, 1e-12, 1e-10, "weight gradient");
            TensorAssert.Close(formulaBias!.grad!, module.Bias!.grad!, 1e-12, 1e-10, "bias gradient");
        }
    }

    [Fact]
    public void Should_Match_Autograd_For_A_Non_Contiguous_Input_And_Upstream_Gradient()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        // Given a transposed input [B, C] and the gradient of a sum, which autograd passes as an expanded tensor
        var module = LayerNormCases.RandomAffine([6], ScalarType.Float64);
        var input = LayerNormCases.Input([6, 4], ScalarType.Float64).t();
        var ourInput = input.clone().requires_grad_();
        var transposedLeaf = input.detach().t().clone().requires_grad_();
        var formulaWeight = module.Weight!.detach().clone().requires_grad_();
        var formulaBias = module.Bias!.detach().clone().requires_grad_();
        Assert.False(input.is_contiguous());

        // When both are reduced with a weighted sum and differentiated
        var weights = arange(24, ScalarType.Float64).reshape(4, 6);
        (module.forward(ourInput) * weights).sum().backward();
        (StepByStep(transposedLeaf.t(), 1, formulaWeight, formulaBias, module.Eps) * weights).sum().backward();

        // Then the gradients agree
        TensorAssert.Close(transposedLeaf.grad!.t(), ourInput.grad!.contiguous(), 1e-12, 1e-10, "input gradient");
        TensorAssert.Close(formulaWeight.grad!, module.Weight.grad!, 1e-12, 1e-10, "weight gradient");
        TensorAssert.Close(formulaBias.grad!, module.Bias.grad!, 1e-12, 1e-10, "bias gradient");
    }

    [Fact]
    public void Should_Return_First_Derivatives_That_Are_Not_Differentiable_Again()
    {
        using var scope = NewDisposeScope();
        manual_seed(22);
        // Given an input gradient computed with create_graph, as a gradient penalty would
        var module = LayerNormCases.RandomAffine([8], ScalarType.Float64);
        var input = LayerNormCases.Input([3, 8], ScalarType.Float64).requires_grad_();
        var output = module.forward(input);
        var inputGrad = autograd.grad([output.pow(3).sum()], [input], create_graph: true)[0];

        // When that gradient is differentiated again
        var secondDerivative = Record.Exception(() => inputGrad.sum().backward());

        // Then the backward pass, computed without tracking, refuses instead of returning a wrong second
        // derivative (the page says so); the native layer_norm is the one to use for gradients of gradients
        Assert.False(inputGrad.requires_grad);
        Assert.NotNull(secondDerivative);
    }

    [Fact]
    public void Should_Leave_No_Graph_When_Gradients_Are_Off()
    {
        using var scope = NewDisposeScope();
        manual_seed(23);
        // Given a module whose parameters require gradients
        var module = LayerNormCases.RandomAffine([8], ScalarType.Float32);
        var input = randn(3, 8);

        // When it runs under no_grad, as in inference
        Tensor output;
        using (no_grad())
            output = module.forward(input);

        // Then the output has no autograd history and still matches the native operation
        Assert.False(output.requires_grad);
        TensorAssert.Close(LayerNormCases.Native(input, module), output, 1e-5, 1e-4, "output");
    }

    // The formula of the page, one differentiable tensor operation per step, over the last `count` dimensions.
    private static Tensor StepByStep(Tensor x, int count, Tensor? weight, Tensor? bias, double eps)
    {
        var dims = Enumerable.Range(-count, count).Select(d => (long)d).ToArray();
        var mean = x.mean(dims, keepdim: true);
        var centered = x - mean;
        var variance = centered.square().mean(dims, keepdim: true);
        var normalized = centered / (variance + eps).sqrt();
        return weight is null || bias is null ? normalized : normalized * weight + bias;
    }
}
