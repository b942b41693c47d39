using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class RmsNormArgumentTests
{
    [Fact]
    public void Should_Reject_Input_With_A_Different_Trailing_Shape()
    {
        using var scope = NewDisposeScope();
        // Given a module over [4,5]
        var module = new RmsNorm([4, 5]);

        // When it gets an input ending in [5,4]
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(2, 5, 4)));

        // Then the message names both shapes
        Assert.StartsWith("expected input with trailing shape [4, 5], got [2, 5, 4]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_A_Size_One_Dimension_That_Broadcasting_Would_Accept()
    {
        using var scope = NewDisposeScope();
        // Given a module over [8]
        var module = new RmsNorm(8);

        // When the last dimension has size 1
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(3, 1)));

        // Then it refuses
        Assert.StartsWith("expected input with trailing shape [8], got [3, 1]", error.Message);
    }

    [Fact]
    public void Should_Reject_Input_With_Fewer_Dimensions_Than_The_Normalized_Shape()
    {
        using var scope = NewDisposeScope();
        // Given a module over [4,5]
        var module = new RmsNorm([4, 5]);

        // When it gets a vector
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(5)));

        // Then the message says what was expected and what came
        Assert.StartsWith("expected input with at least 2 dimensions and trailing shape [4, 5], got [5]", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-6)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Should_Reject_Epsilon_That_Is_Not_A_Positive_Finite_Number(double eps)
    {
        // When a module is built with that eps
        var error = Assert.Throws<ArgumentException>(() => new RmsNorm(8, eps));

        // Then the message names eps and the value
        Assert.Equal("eps", error.ParamName);
        Assert.Contains($"got {eps}", error.Message);
    }

    [Fact]
    public void Should_Reject_An_Empty_Or_Non_Positive_Normalized_Shape()
    {
        // When modules are built over no dimensions or a zero size
        var empty = Assert.Throws<ArgumentException>(() => new RmsNorm(Array.Empty<long>()));
        var zero = Assert.Throws<ArgumentException>(() => new RmsNorm([3, 0]));

        // Then both messages show the shape
        Assert.Contains("at least one dimension, got []", empty.Message);
        Assert.Contains("got [3, 0]", zero.Message);
    }
}
