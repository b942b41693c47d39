using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class BatchChannelNormArgumentTests
{
    [Theory]
    [InlineData(new long[] { 4 })]
    [InlineData(new long[] { 1, 4, 2, 2, 2 })]
    public void Should_Reject_Inputs_Of_Another_Rank(long[] shape)
    {
        using var scope = NewDisposeScope();
        // Given a module over 4 channels
        var module = new BatchChannelNorm(4, 2);

        // When it gets a 1-D or a 5-D input
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(shape)));

        // Then the message names the accepted layouts and the actual shape
        Assert.StartsWith("expected input of shape [B, C], [B, C, L] or [B, C, H, W] with C = 4", error.Message);
        Assert.Contains($"got [{string.Join(", ", shape)}]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void Should_Reject_A_Different_Number_Of_Channels()
    {
        using var scope = NewDisposeScope();
        // Given a module over 4 channels
        var module = new BatchChannelNorm(4, 2);

        // When it gets images with 6 channels
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(2, 6, 3, 3)));

        // Then the message names both counts
        Assert.StartsWith("expected 4 channels in dimension 1, got 6 in input of shape [2, 6, 3, 3]", error.Message);
    }

    [Fact]
    public void Should_Reject_A_Single_Value_Per_Channel_In_Training_But_Not_In_Evaluation()
    {
        using var scope = NewDisposeScope();
        // Given a module in training mode
        var module = new BatchChannelNorm(4, 1);

        // When it gets a single vector [1, 4]
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(1, 4)));

        // Then it refuses in training, without touching the estimates, and accepts it in evaluation
        Assert.StartsWith("expected more than 1 value per channel when training, got input of shape [1, 4]", error.Message);
        Assert.Equal(0L, module.NumBatchesTracked.item<long>());
        module.eval();
        Assert.True(module.forward(randn(1, 4)).isfinite().all().ToBoolean());
    }

    [Theory]
    [InlineData(6L, 4L, 1e-5, 0.1, "groups")]
    [InlineData(6L, 0L, 1e-5, 0.1, "groups")]
    [InlineData(0L, 1L, 1e-5, 0.1, "numFeatures")]
    [InlineData(6L, 3L, 0.0, 0.1, "eps")]
    [InlineData(6L, 3L, 1e-5, 0.0, "momentum")]
    [InlineData(6L, 3L, 1e-5, 1.5, "momentum")]
    public void Should_Reject_Settings_Out_Of_Range(long channels, long groups, double eps, double momentum, string parameter)
    {
        // When a module is built with one setting out of range
        var error = Assert.Throws<ArgumentException>(() => new BatchChannelNorm(channels, groups, eps, momentum));

        // Then the message names the parameter and the value
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("got", error.Message);
    }
}
