using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchNormGradientTests
{
    public static TheoryData<long[], ScalarType, bool> Cases
    {
        get
        {
            var data = new TheoryData<long[], ScalarType, bool>();
            foreach (var training in new[] { true, false })
            {
                foreach (var row in BatchNormCases.LayoutsAndTypes)
                    data.Add((long[])row[0], (ScalarType)row[1], training);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Match_Native_Gradients_Of_Input_Weight_And_Bias(long[] shape, ScalarType type, bool training)
    {
        using var scope = NewDisposeScope();
        manual_seed(50);
        // Given the same input, parameters, running estimates and upstream gradient for both implementations
        var module = BatchNormCases.RandomAffine(shape[1], type);
        BatchNormCases.RandomRunningStatistics(module);
        module.train(training);
        var input = BatchNormCases.Input(shape, type);
        var upstream = randn(shape, type);
        var ourInput = input.clone().requires_grad_();
        var nativeInput = input.clone().requires_grad_();
        var nativeWeight = module.Weight!.detach().clone().requires_grad_();
        var nativeBias = module.Bias!.detach().clone().requires_grad_();
        var runningMean = module.RunningMean!.clone();
        var runningVar = module.RunningVar!.clone();

        // When both run forward and backward
        module.forward(ourInput).backward([upstream]);
        nn.functional.batch_norm(nativeInput, runningMean, runningVar, nativeWeight, nativeBias, training, 0.1, module.Eps)
            .backward([upstream]);

        // Then the gradients of the input, the gain and the shift agree
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(nativeInput.grad!, ourInput.grad!, atol, rtol, "input gradient");
        TensorAssert.Close(nativeWeight.grad!, module.Weight.grad!, atol, rtol, "weight gradient");
        TensorAssert.Close(nativeBias.grad!, module.Bias.grad!, atol, rtol, "bias gradient");
    }
}
