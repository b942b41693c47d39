using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchNormRunningStatisticsTests
{
    public static TheoryData<long[], double> LayoutsAndMomenta => new()
    {
        { [8, 3], 0.1 },
        { [4, 3, 7], 0.1 },
        { [4, 3, 7], 0.3 },
        { [2, 3, 4, 5], 0.1 },
        { [2, 3, 4, 5], 0.75 },
    };

    private static (Tensor Mean, Tensor Var, Tensor Count) NativeState(long[] shape, double momentum, Tensor[] batches)
    {
        // TorchSharp's own modules: BatchNorm1d for [B,C] and [B,C,L], BatchNorm2d for images.
        if (shape.Length == 4)
        {
            var native2d = nn.BatchNorm2d(shape[1], momentum: momentum);
            native2d.to(ScalarType.Float64);
            foreach (var batch in batches) native2d.forward(batch);
            return (native2d.running_mean!, native2d.running_var!, native2d.num_batches_tracked!);
        }
        var native1d = nn.BatchNorm1d(shape[1], momentum: momentum);
        native1d.to(ScalarType.Float64);
        foreach (var batch in batches) native1d.forward(batch);
        return (native1d.running_mean!, native1d.running_var!, native1d.num_batches_tracked!);
    }

    [Theory]
    [MemberData(nameof(LayoutsAndMomenta))]
    public void Should_Track_The_Same_Running_Statistics_As_Native_Modules(long[] shape, double momentum)
    {
        using var scope = NewDisposeScope();
        manual_seed(60);
        // Given five different training batches
        var batches = Enumerable.Range(0, 5).Select(_ => BatchNormCases.Input(shape, ScalarType.Float64) * 1.3 + 0.4).ToArray();
        var module = new BatchNorm(shape[1], momentum: momentum);
        module.to(ScalarType.Float64);

        // When ours and TorchSharp's module both train on them
        foreach (var batch in batches) module.forward(batch);
        var (mean, variance, count) = NativeState(shape, momentum, batches);

        // Then the running mean, the running variance and the counter agree
        TensorAssert.Close(mean, module.RunningMean!, 1e-12, 1e-10, "running mean");
        TensorAssert.Close(variance, module.RunningVar!, 1e-12, 1e-10, "running variance");
        Assert.Equal(count.item<long>(), module.NumBatchesTracked!.item<long>());
        Assert.Equal(5L, module.NumBatchesTracked.item<long>());
    }

    [Fact]
    public void Should_Average_All_Batches_Equally_When_Momentum_Is_Null()
    {
        using var scope = NewDisposeScope();
        manual_seed(61);
        // Given a module with a cumulative average and four batches
        var shape = new long[] { 4, 3, 6 };
        var batches = Enumerable.Range(0, 4).Select(_ => BatchNormCases.Input(shape, ScalarType.Float64)).ToArray();
        var module = new BatchNorm(3, momentum: null);
        module.to(ScalarType.Float64);

        // When it trains on them
        foreach (var batch in batches) module.forward(batch);

        // Then the estimates are the plain averages of the batch means and of the unbiased batch variances
        var expectedMean = stack(batches.Select(b => b.mean([0, 2])).ToArray()).mean([0]);
        var expectedVariance = stack(batches.Select(b => b.var([0, 2], unbiased: true)).ToArray()).mean([0]);
        TensorAssert.Close(expectedMean, module.RunningMean!, 1e-12, 1e-10, "running mean");
        TensorAssert.Close(expectedVariance, module.RunningVar!, 1e-12, 1e-10, "running variance");
    }

    [Fact]
    public void Should_Store_The_Unbiased_Variance_After_One_Step_With_Full_Momentum()
    {
        using var scope = NewDisposeScope();
        manual_seed(62);
        // Given a module that replaces its estimates with each batch (momentum 1)
        var x = BatchNormCases.Input([3, 2, 4], ScalarType.Float64);
        var module = new BatchNorm(2, momentum: 1.0);
        module.to(ScalarType.Float64);

        // When it trains on one batch of 12 values per channel
        var y = module.forward(x);

        // Then the stored variance divides by 11, while the output was normalized with the variance that divides by 12
        TensorAssert.Close(x.var([0, 2], unbiased: true), module.RunningVar!, 1e-12, 1e-10, "running variance");
        var biased = x.var([0, 2], unbiased: false).reshape(1, 2, 1);
        var expected = (x - x.mean([0, 2], keepdim: true)) / (biased + module.Eps).sqrt();
        TensorAssert.Close(expected, y, 1e-10, 1e-9, "output");
    }

    [Fact]
    public void Should_Use_The_Running_Statistics_Learned_In_Training_After_Eval()
    {
        using var scope = NewDisposeScope();
        manual_seed(63);
        // Given ours and TorchSharp's BatchNorm2d trained on the same batches, then both switched to evaluation
        var batches = Enumerable.Range(0, 3).Select(_ => BatchNormCases.Input([2, 3, 4, 4], ScalarType.Float64)).ToArray();
        var module = new BatchNorm(3);
        module.to(ScalarType.Float64);
        var native = nn.BatchNorm2d(3);
        native.to(ScalarType.Float64);
        foreach (var batch in batches)
        {
            module.forward(batch);
            native.forward(batch);
        }
        module.eval();
        native.eval();

        // When both normalize a new batch
        var x = BatchNormCases.Input([2, 3, 4, 4], ScalarType.Float64) + 5.0;
        var ours = module.forward(x);

        // Then they agree, and the running estimates did not move in evaluation
        TensorAssert.Close(native.forward(x), ours, 1e-10, 1e-9, "output in evaluation");
        Assert.Equal(3L, module.NumBatchesTracked!.item<long>());
        TensorAssert.Close(native.running_mean!, module.RunningMean!, 1e-12, 1e-10, "running mean");
    }

    [Fact]
    public void Should_Not_Record_A_Graph_For_The_Running_Statistics()
    {
        using var scope = NewDisposeScope();
        manual_seed(64);
        // Given an input that requires a gradient
        var module = new BatchNorm(3);
        var x = randn(4, 3).requires_grad_();

        // When the module trains on it
        module.forward(x).sum().backward();

        // Then the buffers are plain tensors outside autograd
        Assert.False(module.RunningMean!.requires_grad);
        Assert.False(module.RunningVar!.requires_grad);
    }
}
