using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class LayerNormStateDictTests
{
    [Fact]
    public void Should_Expose_Exactly_Weight_And_Bias_In_The_State_Dict()
    {
        using var scope = NewDisposeScope();
        // Given a module with the affine transform
        var module = new LayerNorm([4, 5]);

        // When its state dict is taken
        var state = module.state_dict();

        // Then it has the PyTorch keys and the normalized shape
        Assert.Equal(["bias", "weight"], state.Keys.Order());
        Assert.Equal([4L, 5], state["weight"].shape);
        Assert.Equal([4L, 5], state["bias"].shape);
    }

    [Fact]
    public void Should_Have_An_Empty_State_Dict_Without_Affine_Transform()
    {
        using var scope = NewDisposeScope();
        // Given a module without the affine transform
        var module = new LayerNorm(6, elementwiseAffine: false);

        // Then it has neither state nor parameters
        Assert.Empty(module.state_dict());
        Assert.Empty(module.parameters());
        Assert.Null(module.Weight);
        Assert.Null(module.Bias);
    }

    [Fact]
    public void Should_Reproduce_Native_Output_After_Loading_A_Native_State_Dict()
    {
        using var scope = NewDisposeScope();
        manual_seed(20);
        // Given TorchSharp's own LayerNorm with random weights
        var native = nn.LayerNorm([4, 5]);
        using (no_grad())
        {
            native.weight!.copy_(randn(4, 5));
            native.bias!.copy_(randn(4, 5));
        }
        var ours = new LayerNorm([4, 5]);

        // When its state dict is loaded into ours
        var (missing, unexpected) = ours.load_state_dict(native.state_dict());

        // Then nothing is missing or left over, and both give identical outputs
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        var x = randn(3, 4, 5) * 2.0 + 1.0;
        TensorAssert.Close(native.forward(x), ours.forward(x), 1e-5, 1e-5, "output");
        Assert.True(ours.Weight!.eq(native.weight!).all().ToBoolean());
    }

    [Fact]
    public void Should_Load_Into_Native_LayerNorm()
    {
        using var scope = NewDisposeScope();
        manual_seed(21);
        // Given our module with random weights
        var ours = LayerNormCases.RandomAffine([8], ScalarType.Float32);
        var native = nn.LayerNorm(8);

        // When its state dict is loaded into TorchSharp's own LayerNorm
        native.load_state_dict(ours.state_dict());

        // Then both give the same outputs
        var x = randn(2, 3, 8);
        TensorAssert.Close(native.forward(x), ours.forward(x), 1e-5, 1e-5, "output");
    }
}
