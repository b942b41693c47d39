using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class InstanceNormGradientTests
{
    [Theory]
    [MemberData(nameof(InstanceNormCases.LayoutsAndTypes), MemberType = typeof(InstanceNormCases))]
    public void Should_Match_Native_Gradients_Of_Input_Weight_And_Bias(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(45);
        // Given the same input, parameters and upstream gradient for both implementations
        var module = InstanceNormCases.RandomAffine(shape[1], type);
        var input = InstanceNormCases.Input(shape, type);
        var upstream = randn(shape, type);
        var ourInput = input.clone().requires_grad_();
        var nativeInput = input.clone().requires_grad_();
        var nativeWeight = module.Weight!.detach().clone().requires_grad_();
        var nativeBias = module.Bias!.detach().clone().requires_grad_();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        InstanceNormCases.Native(nativeInput, nativeWeight, nativeBias, module.Eps).backward([upstream]);

        // Then the gradients of the input, the gain and the shift agree
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(nativeInput.grad!, ourInput.grad!, atol, rtol, "input gradient");
        TensorAssert.Close(nativeWeight.grad!, module.Weight.grad!, atol, rtol, "weight gradient");
        TensorAssert.Close(nativeBias.grad!, module.Bias.grad!, atol, rtol, "bias gradient");
    }
}
