using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class LayerNormGradientTests
{
    [Theory]
    [MemberData(nameof(LayerNormCases.LayoutsAndTypes), MemberType = typeof(LayerNormCases))]
    public void Should_Match_Native_Gradients_Of_Input_Weight_And_Bias(long[] shape, int trailing, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(10);
        // Given the same input, parameters and upstream gradient for both implementations
        var normalizedShape = LayerNormCases.Trailing(shape, trailing);
        var module = LayerNormCases.RandomAffine(normalizedShape, type);
        var input = LayerNormCases.Input(shape, type);
        var upstream = randn(shape, type);
        var ourInput = input.clone().requires_grad_();
        var nativeInput = input.clone().requires_grad_();
        var nativeWeight = module.Weight!.detach().clone().requires_grad_();
        var nativeBias = module.Bias!.detach().clone().requires_grad_();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        nn.functional.layer_norm(nativeInput, normalizedShape, nativeWeight, nativeBias, module.Eps).backward([upstream]);

        // Then the gradients of the input, the gain and the shift agree
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(nativeInput.grad!, ourInput.grad!, atol, rtol, "input gradient");
        TensorAssert.Close(nativeWeight.grad!, module.Weight.grad!, atol, rtol, "weight gradient");
        TensorAssert.Close(nativeBias.grad!, module.Bias.grad!, atol, rtol, "bias gradient");
    }

    [Fact]
    public void Should_Match_Native_Input_Gradient_Without_Affine_Transform()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        // Given a sequence [L,B,C] normalized over [B,C] without gain and shift
        var module = new LayerNorm([3, 8], elementwiseAffine: false);
        module.to(ScalarType.Float64);
        var input = randn([5, 3, 8], ScalarType.Float64);
        var upstream = randn([5, 3, 8], ScalarType.Float64);
        var ourInput = input.clone().requires_grad_();
        var nativeInput = input.clone().requires_grad_();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        nn.functional.layer_norm(nativeInput, [3, 8]).backward([upstream]);

        // Then the input gradients agree
        TensorAssert.Close(nativeInput.grad!, ourInput.grad!, 1e-10, 1e-8, "input gradient");
    }
}
