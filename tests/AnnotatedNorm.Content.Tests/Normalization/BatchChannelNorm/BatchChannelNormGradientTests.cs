using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchChannelNormGradientTests
{
    [Theory]
    [MemberData(nameof(BatchChannelNormCases.LayoutsAndTypes), MemberType = typeof(BatchChannelNormCases))]
    public void Should_Match_Native_Batch_Norm_Then_Group_Norm_In_Output_And_Gradients(long[] shape, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(110);
        // Given a module in training mode and the same input and upstream gradient for the native composition
        var module = BatchChannelNormCases.Random(shape[1], groups, type);
        var input = randn(shape, type) * 1.5 - 0.3;
        var upstream = randn(shape, type);
        var ourInput = input.clone().requires_grad_();
        var nativeInput = input.clone().requires_grad_();
        Tensor Copy(Tensor p) => p.detach().clone().requires_grad_();
        var (batchWeight, batchBias) = (Copy(module.BatchWeight), Copy(module.BatchBias));
        var (channelWeight, channelBias) = (Copy(module.ChannelWeight), Copy(module.ChannelBias));

        // When ours runs forward (updating its estimates) and backward, and the composition runs with the updated estimates
        var ours = module.forward(ourInput);
        ours.backward([upstream]);
        var native = BatchChannelNormCases.Native(nativeInput, module.RunningMean.clone(), module.RunningVar.clone(),
            batchWeight, batchBias, channelWeight, channelBias, groups, module.Eps);
        native.backward([upstream]);

        // Then outputs and every gradient agree, and the gradients are finite
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(native.detach(), ours.detach(), atol, rtol, "output");
        TensorAssert.Close(nativeInput.grad!, ourInput.grad!, atol, rtol, "input gradient");
        TensorAssert.Close(batchWeight.grad!, module.BatchWeight.grad!, atol, rtol, "batch weight gradient");
        TensorAssert.Close(batchBias.grad!, module.BatchBias.grad!, atol, rtol, "batch bias gradient");
        TensorAssert.Close(channelWeight.grad!, module.ChannelWeight.grad!, atol, rtol, "channel weight gradient");
        TensorAssert.Close(channelBias.grad!, module.ChannelBias.grad!, atol, rtol, "channel bias gradient");
        Assert.True(ourInput.grad!.isfinite().all().ToBoolean(), "input gradient is finite");
    }

    [Fact]
    public void Should_Not_Pass_Gradients_Into_The_Estimates()
    {
        using var scope = NewDisposeScope();
        manual_seed(111);
        // Given a module in training mode and an input that requires a gradient
        var module = BatchChannelNormCases.Random(4, 2, ScalarType.Float64);
        var x = randn([2, 4, 3], ScalarType.Float64).requires_grad_();

        // When a loss is back-propagated
        module.forward(x).square().sum().backward();

        // Then the estimates are plain tensors outside autograd
        Assert.False(module.RunningMean.requires_grad);
        Assert.False(module.RunningVar.requires_grad);
        Assert.True(x.grad!.abs().sum().ToDouble() > 0);
    }
}
