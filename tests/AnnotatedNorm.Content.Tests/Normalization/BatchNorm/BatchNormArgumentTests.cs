using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchNormArgumentTests
{
    public static TheoryData<long[]> WrongRanks => new() { new long[] { 3 }, new long[] { 2, 3, 4, 5, 6 } };

    [Theory]
    [MemberData(nameof(WrongRanks))]
    public void Should_Reject_Inputs_Of_Another_Rank(long[] shape)
    {
        using var scope = NewDisposeScope();
        // Given a module over 3 channels
        var module = new BatchNorm(3);

        // When it gets a 1-D or a 5-D input
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(shape)));

        // Then the message names the accepted layouts and the actual shape
        Assert.StartsWith("expected input of shape [B, C], [B, C, L] or [B, C, H, W] with C = 3", error.Message);
        Assert.Contains($"got [{string.Join(", ", shape)}]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_Reject_A_Different_Number_Of_Channels(bool training)
    {
        using var scope = NewDisposeScope();
        // Given a module over 3 channels, in either mode
        var module = new BatchNorm(3);
        module.train(training);

        // When it gets images with 4 channels
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(2, 4, 5, 5)));

        // Then the message names both channel counts and the shape
        Assert.StartsWith("expected 3 channels in dimension 1, got 4 in input of shape [2, 4, 5, 5]", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Single_Value_Per_Channel_In_Training_Like_PyTorch()
    {
        using var scope = NewDisposeScope();
        // Given a module in training mode
        var module = new BatchNorm(4);

        // When it gets a batch of one example of shape [1, 4]
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(1, 4)));

        // Then it refuses, and its running statistics are untouched
        Assert.StartsWith("expected more than 1 value per channel when training, got input of shape [1, 4]", error.Message);
        Assert.Equal(0L, module.NumBatchesTracked!.item<long>());
    }

    [Fact]
    public void Should_Accept_A_Single_Example_In_Evaluation()
    {
        using var scope = NewDisposeScope();
        // Given a module in evaluation mode
        var module = new BatchNorm(4);
        module.eval();

        // When it gets a batch of one example
        var y = module.forward(full(1, 4, 2.0f));

        // Then it normalizes it with the initial running estimates (mean 0, variance 1)
        TensorAssert.Close(full(1, 4, 2.0f / MathF.Sqrt(1 + 1e-5f)), y, 1e-6, 1e-6, "output");
    }

    [Theory]
    [InlineData(0L, 1e-5, 0.1)]
    [InlineData(3L, 0.0, 0.1)]
    [InlineData(3L, double.NaN, 0.1)]
    [InlineData(3L, 1e-5, 0.0)]
    [InlineData(3L, 1e-5, 1.5)]
    public void Should_Reject_Settings_Out_Of_Range(long channels, double eps, double momentum)
    {
        // When a module is built with one setting out of range
        var error = Assert.Throws<ArgumentException>(() => new BatchNorm(channels, eps, momentum));

        // Then the message names the parameter and the value
        Assert.Contains("got", error.Message);
        Assert.Contains(error.ParamName!, new[] { "numFeatures", "eps", "momentum" });
    }
}
