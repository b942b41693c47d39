using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchNormStateDictTests
{
    [Fact]
    public void Should_Expose_The_PyTorch_Keys_In_The_State_Dict()
    {
        using var scope = NewDisposeScope();
        // Given a module with the affine transform and running statistics
        var module = new BatchNorm(5);

        // When its state dict is taken
        var state = module.state_dict();

        // Then it has the same keys as native, with per-channel shapes and an integer counter
        var native = nn.BatchNorm2d(5).state_dict();
        Assert.Equal(native.Keys.Order(), state.Keys.Order());
        Assert.Equal(["bias", "num_batches_tracked", "running_mean", "running_var", "weight"], state.Keys.Order());
        Assert.Equal([5L], state["running_var"].shape);
        Assert.Equal(ScalarType.Int64, state["num_batches_tracked"].dtype);
        Assert.Empty(state["num_batches_tracked"].shape);
    }

    [Fact]
    public void Should_Keep_An_Integer_Counter_After_Conversion_To_Float64()
    {
        using var scope = NewDisposeScope();
        // Given a module converted to float64
        var module = new BatchNorm(3);
        module.to(ScalarType.Float64);

        // When it trains for a step
        module.forward(randn([4, 3], ScalarType.Float64));

        // Then the statistics are float64 and the counter is still an integer
        Assert.Equal(ScalarType.Float64, module.RunningMean!.dtype);
        Assert.Equal(ScalarType.Int64, module.NumBatchesTracked!.dtype);
    }

    [Fact]
    public void Should_Hold_Only_The_Parameters_Without_Running_Statistics()
    {
        using var scope = NewDisposeScope();
        // Given a module that does not track running statistics
        var module = new BatchNorm(4, trackRunningStats: false);

        // Then its state dict holds the parameters only, and no buffers
        Assert.Equal(["bias", "weight"], module.state_dict().Keys.Order());
        Assert.Empty(module.buffers());
    }

    [Fact]
    public void Should_Reproduce_Native_Output_After_Loading_A_BatchNorm2d_State_Dict()
    {
        using var scope = NewDisposeScope();
        manual_seed(70);
        // Given TorchSharp's BatchNorm2d with random parameters, trained for two steps
        var native = nn.BatchNorm2d(3);
        using (no_grad())
        {
            native.weight!.copy_(randn(3) + 1.0);
            native.bias!.copy_(randn(3));
        }
        native.forward(BatchNormCases.Input([2, 3, 4, 4], ScalarType.Float32));
        native.forward(BatchNormCases.Input([2, 3, 4, 4], ScalarType.Float32));
        var ours = new BatchNorm(3);

        // When its state dict is loaded into ours
        var (missing, unexpected) = ours.load_state_dict(native.state_dict());

        // Then nothing is missing or left over, and both agree in evaluation and training
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Assert.Equal(2L, ours.NumBatchesTracked!.item<long>());
        native.eval();
        ours.eval();
        var x = BatchNormCases.Input([2, 3, 4, 4], ScalarType.Float32);
        TensorAssert.Close(native.forward(x), ours.forward(x), 1e-5, 1e-4, "output in evaluation");
        native.train();
        ours.train();
        TensorAssert.Close(native.forward(x), ours.forward(x), 1e-5, 1e-4, "output in training");
        TensorAssert.Close(native.running_var!, ours.RunningVar!, 1e-6, 1e-5, "running variance");
    }

    [Fact]
    public void Should_Load_Into_Native_BatchNorm1d()
    {
        using var scope = NewDisposeScope();
        manual_seed(71);
        // Given our module trained for a step
        var ours = BatchNormCases.RandomAffine(3, ScalarType.Float32);
        ours.forward(BatchNormCases.Input([4, 3, 5], ScalarType.Float32));
        var native = nn.BatchNorm1d(3);

        // When its state dict is loaded into TorchSharp's BatchNorm1d and both are evaluated
        native.load_state_dict(ours.state_dict());
        native.eval();
        ours.eval();

        // Then both give the same outputs
        var x = BatchNormCases.Input([4, 3, 5], ScalarType.Float32);
        TensorAssert.Close(native.forward(x), ours.forward(x), 1e-5, 1e-4, "output");
    }
}
