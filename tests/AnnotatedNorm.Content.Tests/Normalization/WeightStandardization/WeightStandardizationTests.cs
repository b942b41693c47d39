using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class WeightStandardizationTests
{
    [Theory]
    [MemberData(nameof(WeightStandardizationCases.WeightShapes), MemberType = typeof(WeightStandardizationCases))]
    public void Should_Give_Every_Output_Channel_Zero_Mean_And_Unit_Variance(long[] shape)
    {
        using var scope = NewDisposeScope();
        manual_seed(80);
        // Given a weight with an offset and a scale per output channel
        var weight = randn(shape, ScalarType.Float64) * 0.05 + 0.3;

        // When it is standardized with a tiny eps
        var standardized = WeightStandardization.Standardize(weight, 1e-14);

        // Then every output channel's filter has mean 0 and biased variance 1
        var flat = standardized.reshape(shape[0], -1);
        var (variance, mean) = var_mean(flat, [1], unbiased: false);
        TensorAssert.Close(zeros(shape[0], ScalarType.Float64), mean, 1e-12, 0, "mean per output channel");
        TensorAssert.Close(ones(shape[0], ScalarType.Float64), variance, 1e-9, 0, "variance per output channel");
    }

    [Theory]
    [InlineData(ScalarType.Float32, 1e-5)]
    [InlineData(ScalarType.Float64, 1e-5)]
    [InlineData(ScalarType.Float64, 1e-2)]
    public void Should_Match_A_Plain_Loop_Reference(ScalarType type, double eps)
    {
        using var scope = NewDisposeScope();
        manual_seed(81);
        // Given a convolution weight whose variance (about 0.01) is comparable to the larger eps
        var weight = randn([5, 3, 3, 3], type) * 0.1 - 0.02;

        // When it is standardized
        var ours = WeightStandardization.Standardize(weight, eps);

        // Then it matches the loop reference, eps under the square root, divisor N
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(WeightStandardizationCases.Loops(weight, eps).to(type), ours, atol, rtol, "standardized weight");
    }

    [Fact]
    public void Should_Ignore_The_Offset_And_Scale_Of_Each_Filter()
    {
        using var scope = NewDisposeScope();
        manual_seed(82);
        // Given a weight and a copy with a different positive scale and offset per output channel
        var weight = randn([4, 3, 3, 3], ScalarType.Float64);
        var scaled = weight * (rand([4, 1, 1, 1], ScalarType.Float64) * 5 + 0.5) + randn([4, 1, 1, 1], ScalarType.Float64);

        // When both are standardized (eps tiny, so that it does not break the scale invariance)
        var a = WeightStandardization.Standardize(weight, 1e-14);
        var b = WeightStandardization.Standardize(scaled, 1e-14);

        // Then the results are the same
        TensorAssert.Close(a, b, 1e-10, 1e-9, "standardized weight");
    }

    [Theory]
    [InlineData(new long[] { 5 })]
    [InlineData(new long[] { 4, 1, 1, 1 })]
    public void Should_Reject_Weights_Without_A_Filter_To_Standardize(long[] shape)
    {
        using var scope = NewDisposeScope();
        // When a vector, or a weight with a single number per output channel, is standardized
        var error = Assert.Throws<ArgumentException>(() => WeightStandardization.Standardize(ones(shape)));

        // Then the message names the shape
        Assert.Contains($"got {(shape.Length == 1 ? "[5]" : "weight of shape [4, 1, 1, 1]")}", error.Message);
        Assert.Equal("weight", error.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Should_Reject_Epsilon_That_Is_Not_Positive(double eps)
    {
        using var scope = NewDisposeScope();
        // When a weight is standardized with that eps
        var error = Assert.Throws<ArgumentException>(() => WeightStandardization.Standardize(ones(3, 4), eps));

        // Then eps is named
        Assert.Equal("eps", error.ParamName);
    }
}
