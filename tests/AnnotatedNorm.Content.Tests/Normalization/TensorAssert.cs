using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Tensor comparisons that report the largest error when they fail.</summary>
internal static class TensorAssert
{
    /// <summary>Asserts |actual - expected| &lt;= atol + rtol * |expected| elementwise, with equal shapes.</summary>
    public static void Close(Tensor expected, Tensor actual, double atol, double rtol, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.Equal(expected.dtype, actual.dtype);
        using var error = (actual - expected).abs();
        using var allowed = expected.abs() * rtol + atol;
        var worst = error.max().ToDouble();
        Assert.True(error.le(allowed).all().ToBoolean(),
            $"{what}: largest absolute error {worst:G3} exceeds atol {atol:G3} + rtol {rtol:G3} * |expected|");
    }

    public static (double Atol, double Rtol) Tolerance(ScalarType type) =>
        type == ScalarType.Float64 ? (1e-10, 1e-9) : (1e-5, 1e-4);
}
