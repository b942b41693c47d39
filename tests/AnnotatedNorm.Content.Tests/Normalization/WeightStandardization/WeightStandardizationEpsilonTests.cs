using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>The numbers the weight-standardization page states about the effect of eps on fresh filters.</summary>
public class WeightStandardizationEpsilonTests
{
    private const double DefaultEps = 1e-5;

    [Theory]
    [InlineData(64, 0.9)]
    [InlineData(256, 3.3)]
    [InlineData(512, 6.3)]
    public void Should_Shrink_Fresh_3x3_Filters_By_The_Percentage_The_Page_States(long inChannels, double statedPercent)
    {
        using var scope = NewDisposeScope();
        manual_seed(90);
        // Given a freshly initialized 3x3 convolution with the default eps, whose filters hold N = 9 I numbers
        var convolution = new Conv2dWS(inChannels, 64, 3);
        var n = 9.0 * inChannels;
        var filters = convolution.Weight.detach().reshape(64, -1).to(ScalarType.Float64);

        // When the factor (1 + eps / sigma^2)^(-1/2) is computed from the initialization's variance 1 / (3N)
        var factor = Math.Pow(1 + DefaultEps * 3 * n, -0.5);

        // Then the initialization has that variance, the page's rounded percentage is 1 - factor, and the
        // standardized filters really have a standard deviation of about that factor instead of 1
        var variance = filters.var([1], unbiased: false).mean().ToDouble();
        Assert.InRange(variance * 3 * n, 0.95, 1.05);
        Assert.Equal(statedPercent, Math.Round(100 * (1 - factor), 1));
        var standardized = WeightStandardization.Standardize(filters, DefaultEps);
        var deviation = standardized.std([1], unbiased: false);
        var expectedDeviation = filters.var([1], unbiased: false).div(filters.var([1], unbiased: false) + DefaultEps).sqrt();
        TensorAssert.Close(expectedDeviation, deviation, 1e-12, 1e-9, "standard deviation of the standardized filters");
        Assert.InRange(deviation.mean().ToDouble(), factor - 0.005, factor + 0.005);
    }

    [Fact]
    public void Should_Shrink_Filters_Of_Variance_1e_Minus_4_By_4_7_Percent()
    {
        // When the factor is computed for sigma^2 = 1e-4 and the default eps
        var factor = Math.Pow(1 + DefaultEps / 1e-4, -0.5);

        // Then it takes 4.7 % off, as the page says
        Assert.Equal(4.7, Math.Round(100 * (1 - factor), 1));
    }
}
