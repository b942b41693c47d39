using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Independent references for weight standardization: plain loops in float64, and plain tensor operations for autograd.</summary>
internal static class WeightStandardizationCases
{
    /// <summary>Weight shapes of convolutions and of a linear layer.</summary>
    public static TheoryData<long[]> WeightShapes => new()
    {
        new long[] { 8, 3, 3, 3 },
        new long[] { 4, 2, 5, 1 },
        new long[] { 6, 10 },
        new long[] { 2, 1, 1, 2 },
    };

    /// <summary>Standardizes every row of the flattened weight with explicit loops over the numbers, in float64.</summary>
    public static Tensor Loops(Tensor weight, double eps)
    {
        var outputs = (int)weight.shape[0];
        var values = weight.to(ScalarType.Float64).reshape(outputs, -1).data<double>().ToArray();
        var filterSize = values.Length / outputs;
        var result = new double[values.Length];
        for (var o = 0; o < outputs; o++)
        {
            double sum = 0;
            for (var j = 0; j < filterSize; j++) sum += values[o * filterSize + j];
            var mean = sum / filterSize;
            double squares = 0;
            for (var j = 0; j < filterSize; j++) squares += Math.Pow(values[o * filterSize + j] - mean, 2);
            var deviation = Math.Sqrt(squares / filterSize + eps);
            for (var j = 0; j < filterSize; j++) result[o * filterSize + j] = (values[o * filterSize + j] - mean) / deviation;
        }
        return tensor(result, ScalarType.Float64).reshape(weight.shape);
    }

    /// <summary>The same formula with differentiable operations on the flattened weight, for gradient comparisons.</summary>
    public static Tensor Differentiable(Tensor weight, double eps)
    {
        var flat = weight.reshape(weight.shape[0], -1);
        var centered = flat - flat.mean([1], keepdim: true);
        var variance = centered.pow(2).sum([1], keepdim: true) / flat.shape[1];
        return (centered / (variance + eps).sqrt()).reshape(weight.shape);
    }
}
