using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class LayerNormArgumentTests
{
    [Fact]
    public void Should_Reject_Input_With_A_Different_Trailing_Shape()
    {
        using var scope = NewDisposeScope();
        // Given a module over [4,5]
        var module = new LayerNorm([4, 5]);

        // When it gets an input ending in [3,6]
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 3, 6)));

        // Then the message names both shapes
        Assert.StartsWith("expected input with trailing shape [4, 5], got [2, 3, 6]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_A_Size_One_Dimension_That_Broadcasting_Would_Accept()
    {
        using var scope = NewDisposeScope();
        // Given a module over [5]
        var module = new LayerNorm(5);

        // When it gets an input whose last dimension has size 1
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 1)));

        // Then it refuses instead of broadcasting
        Assert.StartsWith("expected input with trailing shape [5], got [2, 1]", error.Message);
    }

    [Fact]
    public void Should_Reject_Input_With_Fewer_Dimensions_Than_The_Normalized_Shape()
    {
        using var scope = NewDisposeScope();
        // Given a module over [4,5]
        var module = new LayerNorm([4, 5]);

        // When it gets a vector of 5
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(5)));

        // Then the message says how many dimensions were expected and what came
        Assert.Contains("at least 2 dimensions", error.Message);
        Assert.Contains("[4, 5]", error.Message);
        Assert.Contains("got [5]", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_Reject_Epsilon_That_Is_Not_A_Positive_Finite_Number(double eps)
    {
        // When a module is built with that eps
        var error = Assert.Throws<ArgumentException>(() => new LayerNorm(8, eps));

        // Then the message names eps and the value
        Assert.Equal("eps", error.ParamName);
        Assert.Contains($"got {eps}", error.Message);
    }

    [Fact]
    public void Should_Reject_An_Empty_Normalized_Shape()
    {
        // When a module is built over no dimensions
        var error = Assert.Throws<ArgumentException>(() => new LayerNorm(Array.Empty<long>()));

        // Then the message says so
        Assert.Equal("normalizedShape", error.ParamName);
        Assert.Contains("at least one dimension, got []", error.Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void Should_Reject_Non_Positive_Sizes(long size)
    {
        // When a module is built with a size that is not positive
        var error = Assert.Throws<ArgumentException>(() => new LayerNorm([4, size]));

        // Then the message shows the shape
        Assert.Equal("normalizedShape", error.ParamName);
        Assert.Contains($"got [4, {size}]", error.Message);
    }
}
