using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class GroupNormArgumentTests
{
    [Theory]
    [InlineData(4L, 6L)]
    [InlineData(5L, 3L)]
    public void Should_Reject_A_Group_Count_That_Does_Not_Divide_The_Channels(long groups, long channels)
    {
        // When a module is built with groups that do not divide the channels
        var error = Assert.Throws<ArgumentException>(() => new GroupNorm(groups, channels));

        // Then the message names both counts
        Assert.Equal("numGroups", error.ParamName);
        Assert.StartsWith($"the number of groups must divide the number of channels, got {groups} groups for {channels} channels", error.Message);
    }

    [Theory]
    [InlineData(0L, 4L, "numGroups")]
    [InlineData(2L, -2L, "numChannels")]
    public void Should_Reject_Counts_That_Are_Not_Positive(long groups, long channels, string parameter)
    {
        // When a module is built with a count that is not positive
        var error = Assert.Throws<ArgumentException>(() => new GroupNorm(groups, channels));

        // Then the message names the parameter
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("must be positive", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 6 })]
    [InlineData(new long[0])]
    public void Should_Reject_Input_Without_Batch_And_Channel_Dimensions(long[] shape)
    {
        using var scope = NewDisposeScope();
        // Given a module for 6 channels
        var module = new GroupNorm(2, 6);

        // When it gets an input of rank below 2
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(shape)));

        // Then the message names the expected layout and the shape that came
        Assert.StartsWith($"expected input [B, C, ...] with at least 2 dimensions and C = 6, got [{string.Join(", ", shape)}]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_Input_With_Another_Number_Of_Channels_Even_When_It_Would_Reshape()
    {
        using var scope = NewDisposeScope();
        // Given a module for 6 channels in 2 groups
        var module = new GroupNorm(2, 6, affine: false);

        // When it gets 4 channels, which would still split into 2 rows
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 4, 3, 3)));

        // Then it refuses, naming both counts and the shape
        Assert.StartsWith("expected 6 channels in dimension 1, got 4 in input [2, 4, 3, 3]", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_Reject_Epsilon_That_Is_Not_A_Positive_Finite_Number(double eps)
    {
        // When a module is built with that eps
        var error = Assert.Throws<ArgumentException>(() => new GroupNorm(2, 4, eps));

        // Then the message names eps and the value
        Assert.Equal("eps", error.ParamName);
        Assert.Contains($"got {eps}", error.Message);
    }
}
