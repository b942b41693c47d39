using System.Reflection;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>
/// The reference for RMS normalization. TorchSharp 0.107.0 has no <c>functional.rms_norm</c> (checked by
/// reflection in a test), so the reference is written here plainly, in float64.
/// </summary>
internal static class RmsNormReference
{
    public static MethodInfo? NativeRmsNorm =>
        typeof(nn.functional).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(method => method.Name is "rms_norm" or "RMSNorm");

    /// <summary>RMS normalization with loops over rows of the flattened input, in double precision.</summary>
    public static double[] Loops(Tensor x, long groupSize, Tensor? weight, double eps)
    {
        var values = x.to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var gain = weight?.to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var result = new double[values.Length];
        for (long row = 0; row < values.Length / groupSize; row++)
        {
            var sumOfSquares = 0.0;
            for (long i = 0; i < groupSize; i++)
                sumOfSquares += values[row * groupSize + i] * values[row * groupSize + i];
            var scale = 1.0 / Math.Sqrt(sumOfSquares / groupSize + eps);
            for (long i = 0; i < groupSize; i++)
                result[row * groupSize + i] = values[row * groupSize + i] * scale * (gain?[i] ?? 1.0);
        }
        return result;
    }

    /// <summary>The same formula from elementary differentiable operations, for gradient checks.</summary>
    public static Tensor Ops(Tensor x, long[] dims, Tensor? weight, double eps)
    {
        var normalized = x / (x * x).mean(dims, keepdim: true).add(eps).sqrt();
        return weight is null ? normalized : normalized * weight;
    }

    public static long[] TrailingDims(int count) => Enumerable.Range(-count, count).Select(d => (long)d).ToArray();
}
