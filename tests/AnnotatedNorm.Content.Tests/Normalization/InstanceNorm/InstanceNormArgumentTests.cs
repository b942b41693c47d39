using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class InstanceNormArgumentTests
{
    [Theory]
    [InlineData(new long[] { 2, 3 })]
    [InlineData(new long[] { 2, 3, 4, 5, 6 })]
    public void Should_Reject_Input_That_Is_Neither_A_Sequence_Nor_An_Image_Batch(long[] shape)
    {
        using var scope = NewDisposeScope();
        // Given a module for 3 channels
        var module = new InstanceNorm(3);

        // When it gets an input of another rank
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(shape)));

        // Then the message names the accepted layouts and the shape that came
        Assert.Contains("expected input [B, C, L] or [B, C, H, W] with C = 3", error.Message);
        Assert.Contains($"got {shape.Length} dimensions [{string.Join(", ", shape)}]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_Input_With_Another_Number_Of_Channels()
    {
        using var scope = NewDisposeScope();
        // Given a module for 3 channels
        var module = new InstanceNorm(3, affine: true);

        // When it gets 4 channels
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 4, 5, 5)));

        // Then the message names both counts and the shape
        Assert.StartsWith("expected 3 channels in dimension 1, got 4 in input [2, 4, 5, 5]", error.Message);
    }

    [Fact]
    public void Should_Reject_Channels_With_A_Single_Position()
    {
        using var scope = NewDisposeScope();
        // Given a module for 3 channels
        var module = new InstanceNorm(3);

        // When every channel has a single position
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 3, 1, 1)));

        // Then it refuses instead of returning constant zeros
        Assert.StartsWith("expected more than one position per channel, got input [2, 3, 1, 1]", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_Reject_Epsilon_That_Is_Not_A_Positive_Finite_Number(double eps)
    {
        // When a module is built with that eps
        var error = Assert.Throws<ArgumentException>(() => new InstanceNorm(3, eps));

        // Then the message names eps and the value
        Assert.Equal("eps", error.ParamName);
        Assert.Contains($"got {eps}", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Channel_Count_That_Is_Not_Positive()
    {
        // When a module is built for zero channels
        var error = Assert.Throws<ArgumentException>(() => new InstanceNorm(0));

        // Then the message says so
        Assert.Equal("numChannels", error.ParamName);
        Assert.Contains("got 0", error.Message);
    }
}
