using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class DeepNormResidualTests
{
    [Theory]
    [InlineData(ScalarType.Float32, 1.0)]
    [InlineData(ScalarType.Float32, 2.5)]
    [InlineData(ScalarType.Float64, 1.8612097182)]
    [InlineData(ScalarType.Float64, 6.7)]
    public void Should_Equal_Layer_Norm_Of_Alpha_X_Plus_The_Sub_Layer(ScalarType type, double alpha)
    {
        using var scope = NewDisposeScope();
        manual_seed(70);
        // Given a feed-forward block and a stream of 2 sequences of 5 tokens of width 16
        var block = new DeepNormFeedForward(16, 64, new DeepNormScales(alpha, 0.5));
        block.to(type);
        using (no_grad())
        {
            block.Residual.Norm.Weight!.copy_(randn(16, type) + 1.0);
            block.Residual.Norm.Bias!.copy_(randn(16, type));
        }
        var x = randn([2, 5, 16], type) * 2.0 + 0.3;

        // When it runs, and the formula is written out with TorchSharp's own operations
        var ours = block.forward(x);
        var ff = block.FeedForward;
        var g = nn.functional.linear(nn.functional.gelu(nn.functional.linear(x, ff.Expand.weight!, ff.Expand.bias!)), ff.Project.weight!, ff.Project.bias!);
        var expected = nn.functional.layer_norm(alpha * x + g, [16], block.Residual.Norm.Weight!.detach(), block.Residual.Norm.Bias!.detach(), 1e-5);

        // Then they agree
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(expected, ours, atol, 10 * rtol, $"output with alpha {alpha}");
    }

    [Fact]
    public void Should_Apply_Alpha_To_The_Skip_Path_Only()
    {
        using var scope = NewDisposeScope();
        manual_seed(71);
        // Given a residual around a sub-layer that records its input and returns zeros
        Tensor? seen = null;
        var recorder = new RecordingZeroLayer(input => seen = input.detach().clone().DetachFromDisposeScope());
        var residual = new DeepNormResidual(recorder, 3.0, new LayerNorm(8, elementwiseAffine: false));
        var x = randn([4, 8], ScalarType.Float64);

        // When it runs
        var y = residual.forward(x);

        // Then the sub-layer saw the unscaled input, and the output is LN(3x) = LN(x) up to eps
        using var recorded = seen!;
        TensorAssert.Close(x, recorded, 0, 0, "sub-layer input");
        TensorAssert.Close(nn.functional.layer_norm(3.0 * x, [8]), y, 1e-12, 1e-10, "output");
    }

    [Fact]
    public void Should_Register_The_Sub_Layer_And_The_Norm_In_The_State_Dict()
    {
        using var scope = NewDisposeScope();
        // Given a feed-forward block
        var block = new DeepNormFeedForward(8, 32, DeepNormScales.EncoderOnly(6));

        // When its state dict is taken
        var keys = block.state_dict().Keys.Order().ToArray();

        // Then it holds both projections and the layer norm, once each
        Assert.Equal(
            ["residual.norm.bias", "residual.norm.weight",
             "residual.subLayer.expand.bias", "residual.subLayer.expand.weight",
             "residual.subLayer.project.bias", "residual.subLayer.project.weight"],
            keys);
    }

    /// <summary>A sub-layer that hands its input to a callback and contributes nothing.</summary>
    private sealed class RecordingZeroLayer(Action<Tensor> record) : nn.Module<Tensor, Tensor>("RecordingZeroLayer")
    {
        public override Tensor forward(Tensor input)
        {
            record(input);
            return zeros_like(input);
        }
    }
}
