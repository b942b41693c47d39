using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class RmsNormGradientTests
{
    [Theory]
    [MemberData(nameof(RmsNormForwardTests.LayoutsAndTypes), MemberType = typeof(RmsNormForwardTests))]
    public void Should_Match_The_Float64_Reference_Gradients_Of_Input_And_Weight(long[] shape, int trailing, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(65);
        // Given our module in the type under test, and the plain formula in float64 on the same values
        var normalizedShape = shape[^trailing..];
        var module = RmsNormForwardTests.RandomGain(normalizedShape, type);
        var input = randn(shape, type) * 2.5 + 0.7;
        var upstream = randn(shape, type);
        var ourInput = input.clone().requires_grad_();
        var referenceInput = input.to(ScalarType.Float64).requires_grad_();
        var referenceWeight = module.Weight!.detach().to(ScalarType.Float64).requires_grad_();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        RmsNormReference.Ops(referenceInput, RmsNormReference.TrailingDims(trailing), referenceWeight, module.Eps)
            .backward([upstream.to(ScalarType.Float64)]);

        // Then the gradients of the input and the gain agree within the tolerance of the type
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(referenceInput.grad!.to(type), ourInput.grad!, atol, rtol, "input gradient");
        TensorAssert.Close(referenceWeight.grad!.to(type), module.Weight.grad!, atol, rtol, "weight gradient");
    }

    [Fact]
    public void Should_Give_No_Gradient_Along_The_Input_Direction()
    {
        using var scope = NewDisposeScope();
        manual_seed(66);
        // Given a module without gain, where scaling the input does not change the output
        var module = new AnnotatedNorm.Normalization.RmsNorm(16, eps: 1e-12, elementwiseAffine: false);
        var input = (randn([4, 16], ScalarType.Float64) + 1.0).requires_grad_();

        // When any upstream gradient flows back
        module.forward(input).backward([randn([4, 16], ScalarType.Float64)]);

        // Then the input gradient of every row is orthogonal to the row itself
        var dot = (input.grad! * input.detach()).sum([1]);
        TensorAssert.Close(zeros(4, ScalarType.Float64), dot, 1e-9, 0, "gradient along the input");
    }
}
