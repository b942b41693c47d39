using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>
/// float32 rows with a large mean and unit spread, the case where Var = E[X²] - E[X]² cancels.
/// The tolerances follow the input: near 1e3 neighbouring float32 values are 6e-5 apart, near 1e4 about 1e-3,
/// and no implementation that stores the mean in float32 (native included) is closer than that to the exact result.
/// </summary>
public class LayerNormStabilityTests
{
    public static TheoryData<double, double> LargeMeans => new()
    {
        { 1e3, 1e-3 },
        { 1e4, 5e-3 },
    };

    private static Tensor LargeMeanInput(double mean)
    {
        manual_seed(30);
        return randn([16, 512]) + mean;
    }

    [Theory]
    [MemberData(nameof(LargeMeans))]
    public void Should_Stay_Close_To_Native_When_The_Mean_Is_Large_In_Float32(double mean, double tolerance)
    {
        using var scope = NewDisposeScope();
        // Given float32 rows with a large mean and spread 1
        var x = LargeMeanInput(mean);

        // When both implementations normalize them
        var ours = new LayerNorm(512).forward(x);
        var native = nn.functional.layer_norm(x, [512]);

        // Then ours stays within the tolerance of native
        TensorAssert.Close(native, ours, tolerance, 0, $"output with mean {mean}");
    }

    [Theory]
    [MemberData(nameof(LargeMeans))]
    public void Should_Stay_Close_To_The_Exact_Result_When_The_Mean_Is_Large_In_Float32(double mean, double tolerance)
    {
        using var scope = NewDisposeScope();
        // Given float32 rows with a large mean, and their normalization computed in float64
        var x = LargeMeanInput(mean);
        var exact = nn.functional.layer_norm(x.to(ScalarType.Float64), [512]);

        // When ours normalizes them in float32
        var ours = new LayerNorm(512).forward(x);

        // Then it stays within the tolerance of the float64 result
        TensorAssert.Close(exact, ours.to(ScalarType.Float64), tolerance, 0, $"output with mean {mean}");
    }

    [Theory]
    [MemberData(nameof(LargeMeans))]
    public void Should_Show_That_The_Textbook_Variance_Fails_On_The_Same_Input(double mean, double tolerance)
    {
        using var scope = NewDisposeScope();
        // Given the same input
        var x = LargeMeanInput(mean);

        // When it is normalized with the one-pass Var = E[X²] - E[X]²
        var average = x.mean([-1], keepdim: true);
        var textbookVariance = x.square().mean([-1], keepdim: true) - average.square();
        var textbook = (x - average) * (textbookVariance + 1e-5).rsqrt();
        var native = nn.functional.layer_norm(x, [512]);

        // Then it misses native by far more than the tolerance ours meets (a NaN counts as a miss)
        var error = (textbook - native).abs().nan_to_num(double.PositiveInfinity).max().ToDouble();
        Assert.True(error > 20 * tolerance, $"textbook variance error {error:G3} should exceed {20 * tolerance}");
    }
}
