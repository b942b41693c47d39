using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchChannelNormForwardTests
{
    [Theory]
    [MemberData(nameof(BatchChannelNormCases.LayoutsAndTypes), MemberType = typeof(BatchChannelNormCases))]
    public void Should_Match_The_Loop_Reference_In_Training_With_Freshly_Updated_Estimates(long[] shape, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(100);
        // Given a module in training mode with random parameters and estimates, and a batch
        var module = BatchChannelNormCases.Random(shape[1], groups, type, momentum: 0.3);
        var x = randn(shape, type) * 1.7 + 0.4;
        var (mean, variance) = BatchChannelNormCases.UpdatedEstimates(
            x, BatchChannelNormCases.Values(module.RunningMean), BatchChannelNormCases.Values(module.RunningVar), 0.3);

        // When it normalizes the batch
        var ours = module.forward(x);

        // Then the estimates moved towards the batch, and the output used the moved estimates
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(tensor(mean, ScalarType.Float64).to(type), module.RunningMean, atol, rtol, "estimated mean");
        TensorAssert.Close(tensor(variance, ScalarType.Float64).to(type), module.RunningVar, atol, rtol, "estimated variance");
        TensorAssert.Close(BatchChannelNormCases.Loops(x, mean, variance, module).to(type), ours, atol * 10, rtol * 10, "output in training");
    }

    [Theory]
    [MemberData(nameof(BatchChannelNormCases.LayoutsAndTypes), MemberType = typeof(BatchChannelNormCases))]
    public void Should_Match_The_Loop_Reference_In_Evaluation_Without_Moving_The_Estimates(long[] shape, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(101);
        // Given a module in evaluation mode with random parameters and estimates
        var module = BatchChannelNormCases.Random(shape[1], groups, type);
        module.eval();
        var mean = BatchChannelNormCases.Values(module.RunningMean);
        var variance = BatchChannelNormCases.Values(module.RunningVar);
        var x = randn(shape, type) * 1.7 + 0.4;

        // When it normalizes a batch
        var ours = module.forward(x);

        // Then it matches the reference with the stored estimates, which did not change
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(BatchChannelNormCases.Loops(x, mean, variance, module).to(type), ours, atol * 10, rtol * 10, "output in evaluation");
        Assert.Equal(mean, BatchChannelNormCases.Values(module.RunningMean));
        Assert.Equal(0L, module.NumBatchesTracked.item<long>());
    }

    [Fact]
    public void Should_Compute_The_Same_Function_In_Training_And_Evaluation_Once_The_Estimates_Are_Updated()
    {
        using var scope = NewDisposeScope();
        manual_seed(102);
        // Given a module that trained on one batch
        var module = BatchChannelNormCases.Random(4, 2, ScalarType.Float64);
        var x = randn([2, 4, 3, 3], ScalarType.Float64);
        var inTraining = module.forward(x);

        // When the same batch goes through it in evaluation mode
        module.eval();
        var inEvaluation = module.forward(x);

        // Then the outputs are identical: the estimates, not the batch statistics, normalized both
        TensorAssert.Close(inTraining, inEvaluation, 1e-12, 0, "output");
    }

    [Fact]
    public void Should_Track_The_Same_Estimates_As_Native_Batch_Norm()
    {
        using var scope = NewDisposeScope();
        manual_seed(103);
        // Given ours and TorchSharp's BatchNorm2d with the same momentum
        var module = new BatchChannelNorm(4, 2, momentum: 0.2);
        module.to(ScalarType.Float64);
        var native = nn.BatchNorm2d(4, momentum: 0.2);
        native.to(ScalarType.Float64);

        // When both train on the same four batches
        for (var step = 0; step < 4; step++)
        {
            var x = randn([2, 4, 3, 3], ScalarType.Float64) * (step + 1) + step;
            module.forward(x);
            native.forward(x);
        }

        // Then the estimates and the counter agree
        TensorAssert.Close(native.running_mean!, module.RunningMean, 1e-12, 1e-10, "estimated mean");
        TensorAssert.Close(native.running_var!, module.RunningVar, 1e-12, 1e-10, "estimated variance");
        Assert.Equal(4L, module.NumBatchesTracked.item<long>());
    }

    [Fact]
    public void Should_Give_Every_Group_Of_Every_Example_Zero_Mean_And_Unit_Variance_With_Default_Parameters()
    {
        using var scope = NewDisposeScope();
        manual_seed(104);
        // Given a new module with 2 groups and a single image far from standard
        var module = new BatchChannelNorm(6, 2, eps: 1e-12);
        module.to(ScalarType.Float64);
        var x = randn([1, 6, 4, 4], ScalarType.Float64) * 5 + 3;

        // When it normalizes the image in training mode
        var y = module.forward(x).reshape(1, 2, -1);

        // Then every group has mean 0 and variance 1
        var (variance, mean) = var_mean(y, [2], unbiased: false);
        TensorAssert.Close(zeros([1, 2], ScalarType.Float64), mean, 1e-12, 0, "mean per group");
        TensorAssert.Close(ones([1, 2], ScalarType.Float64), variance, 1e-9, 0, "variance per group");
    }

    [Fact]
    public void Should_Keep_Its_State_After_The_Dispose_Scope_It_Was_Created_In_And_Expose_Its_Keys()
    {
        BatchChannelNorm module;
        // Given a module created inside a dispose scope that then ends
        using (NewDisposeScope())
        {
            module = new BatchChannelNorm(4, 2);
        }

        // When it trains for a step afterwards
        using var scope = NewDisposeScope();
        module.forward(randn(2, 4, 3));

        // Then its state is alive, with one key per parameter and buffer
        Assert.Equal(1L, module.NumBatchesTracked.item<long>());
        Assert.Equal(
            ["batch_bias", "batch_weight", "channel_bias", "channel_weight", "num_batches_tracked", "running_mean", "running_var"],
            module.state_dict().Keys.Order());
        Assert.Equal(4, module.parameters().Count());
    }
}
