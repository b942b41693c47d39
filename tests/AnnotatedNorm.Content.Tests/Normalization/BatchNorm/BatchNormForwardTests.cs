using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchNormForwardTests
{
    [Theory]
    [MemberData(nameof(BatchNormCases.LayoutsAndTypes), MemberType = typeof(BatchNormCases))]
    public void Should_Match_Native_Batch_Norm_In_Training_Mode(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(40);
        // Given a module in training mode with random gain and shift
        var module = BatchNormCases.RandomAffine(shape[1], type);
        var x = BatchNormCases.Input(shape, type);
        var native = BatchNormCases.Native(x, module, training: true);

        // When it normalizes a batch
        var ours = module.forward(x);

        // Then it agrees with native batch normalization using the batch statistics
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output in training");
    }

    [Theory]
    [MemberData(nameof(BatchNormCases.LayoutsAndTypes), MemberType = typeof(BatchNormCases))]
    public void Should_Match_Native_Batch_Norm_In_Evaluation_Mode(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        // Given a module in evaluation mode whose running estimates are not 0 and 1
        var module = BatchNormCases.RandomAffine(shape[1], type);
        BatchNormCases.RandomRunningStatistics(module);
        module.eval();
        var x = BatchNormCases.Input(shape, type);

        // When it normalizes a batch
        var ours = module.forward(x);

        // Then it agrees with native batch normalization using the same running estimates
        var native = BatchNormCases.Native(x, module, training: false);
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output in evaluation");
    }

    [Fact]
    public void Should_Give_Every_Channel_Zero_Mean_And_Unit_Variance_In_Training()
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        // Given a new module (gain 1, shift 0) and images whose channels are far from standard
        var module = new BatchNorm(3, eps: 1e-12);
        module.to(ScalarType.Float64);
        var x = BatchNormCases.Input([5, 3, 4, 4], ScalarType.Float64) * 4.0 + 9.0;

        // When it normalizes them in training mode
        var y = module.forward(x);

        // Then every channel has mean 0 and biased variance 1 over batch and positions
        var (variance, mean) = var_mean(y, [0, 2, 3], unbiased: false);
        TensorAssert.Close(zeros(3, ScalarType.Float64), mean, 1e-12, 0, "mean per channel");
        TensorAssert.Close(ones(3, ScalarType.Float64), variance, 1e-9, 0, "variance per channel");
    }

    [Fact]
    public void Should_Give_An_Example_The_Same_Output_Alone_Or_In_A_Batch_In_Evaluation()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        // Given a module in evaluation mode and a batch of images
        var module = BatchNormCases.RandomAffine(3, ScalarType.Float64);
        BatchNormCases.RandomRunningStatistics(module);
        module.eval();
        var batch = BatchNormCases.Input([4, 3, 5, 5], ScalarType.Float64);

        // When the first image is normalized alone and within the batch
        var alone = module.forward(batch[..1]);
        var together = module.forward(batch)[..1];

        // Then the outputs are identical
        TensorAssert.Close(together, alone, 1e-12, 0, "first image");
    }

    [Fact]
    public void Should_Use_Batch_Statistics_In_Evaluation_Without_Running_Estimates()
    {
        using var scope = NewDisposeScope();
        manual_seed(44);
        // Given a module that does not track running statistics, in evaluation mode
        var module = new BatchNorm(3, trackRunningStats: false);
        module.to(ScalarType.Float64);
        module.eval();
        var x = BatchNormCases.Input([6, 3, 4], ScalarType.Float64);

        // When it normalizes a batch
        var ours = module.forward(x);

        // Then it uses the batch statistics, like native batch normalization without running estimates
        var native = nn.functional.batch_norm(x, null, null, module.Weight!.detach(), module.Bias!.detach(), training: true);
        TensorAssert.Close(native, ours, 1e-10, 1e-9, "output");
        Assert.Null(module.RunningMean);
    }

    [Fact]
    public void Should_Keep_Its_Parameters_And_Buffers_After_The_Dispose_Scope_It_Was_Created_In()
    {
        BatchNorm module;
        // Given a module created inside a dispose scope that then ends
        using (NewDisposeScope())
        {
            module = new BatchNorm(4);
        }

        // When it is trained for a step afterwards
        using var scope = NewDisposeScope();
        var y = module.forward(randn(5, 4));

        // Then its parameters and buffers are still alive
        Assert.Equal([5L, 4], y.shape);
        Assert.Equal(4.0, module.Weight!.sum().ToDouble());
        Assert.Equal(1L, module.NumBatchesTracked!.item<long>());
    }
}
