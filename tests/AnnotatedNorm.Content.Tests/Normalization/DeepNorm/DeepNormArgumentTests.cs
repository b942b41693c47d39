using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class DeepNormArgumentTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_Reject_An_Alpha_That_Is_Not_A_Positive_Finite_Number(double alpha)
    {
        using var scope = NewDisposeScope();
        // When a residual is built with that alpha
        var error = Assert.Throws<ArgumentException>(() => new DeepNormResidual(nn.Identity(), alpha, new LayerNorm(4)));

        // Then the message names alpha and the value
        Assert.Equal("alpha", error.ParamName);
        Assert.Contains($"got {alpha}", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Should_Reject_A_Beta_That_Is_Not_A_Positive_Finite_Number(double beta)
    {
        using var scope = NewDisposeScope();
        // When a block is built with that beta
        var error = Assert.Throws<ArgumentException>(() => new DeepNormFeedForward(8, 16, new DeepNormScales(2.0, beta)));

        // Then the message names beta and the value
        Assert.Equal("beta", error.ParamName);
        Assert.Contains($"got {beta}", error.Message);
    }

    [Fact]
    public void Should_Reject_Widths_That_Are_Not_Positive()
    {
        using var scope = NewDisposeScope();
        // When a feed-forward network is built with a zero inner width
        var error = Assert.Throws<ArgumentException>(() => new PositionwiseFeedForward(8, 0, 0.5));

        // Then the message shows both widths
        Assert.Equal("hiddenWidth", error.ParamName);
        Assert.Contains("got width 8 and hidden width 0", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Stream_Whose_Width_Differs_From_The_Norm()
    {
        using var scope = NewDisposeScope();
        // Given a block of width 8
        var block = new DeepNormFeedForward(8, 16, DeepNormScales.EncoderOnly(6));

        // When it gets a stream of width 6
        var error = Assert.Throws<ArgumentException>(() => block.forward(zeros(2, 3, 6)));

        // Then the message names both shapes
        Assert.StartsWith("expected input with trailing shape [8], got [2, 3, 6]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_A_Sub_Layer_That_Changes_The_Shape()
    {
        using var scope = NewDisposeScope();
        // Given a residual around a linear layer that maps width 8 to width 1
        var residual = new DeepNormResidual(nn.Linear(8, 1), 2.0, new LayerNorm(8));

        // When it runs (broadcasting would otherwise accept the [2, 1] update)
        var error = Assert.Throws<ArgumentException>(() => residual.forward(zeros(2, 8)));

        // Then the message names both shapes
        Assert.StartsWith("the sub-layer must keep the shape of its input, got [2, 1] from input [2, 8]", error.Message);
    }

    [Fact]
    public void Should_Reject_Missing_Modules()
    {
        // When a residual is built without a sub-layer or a norm
        var noSubLayer = Assert.Throws<ArgumentNullException>(() => new DeepNormResidual(null!, 2.0, new LayerNorm(4)));
        var noNorm = Assert.Throws<ArgumentNullException>(() => new DeepNormResidual(nn.Identity(), 2.0, null!));

        // Then each names the missing argument
        Assert.Equal("subLayer", noSubLayer.ParamName);
        Assert.Equal("norm", noNorm.ParamName);
    }
}
