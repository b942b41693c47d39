using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Shared inputs for the layer-normalization tests: layouts, random data and the native reference.</summary>
internal static class LayerNormCases
{
    /// <summary>Input shapes [B,C], [L,B,C] and [B,C,H,W] with the number of trailing dimensions normalized.</summary>
    public static TheoryData<long[], int> Layouts => new()
    {
        { [4, 6], 1 },
        { [5, 3, 8], 1 },
        { [5, 3, 8], 2 },
        { [2, 3, 4, 5], 1 },
        { [2, 3, 4, 5], 2 },
        { [2, 3, 4, 5], 3 },
    };

    /// <summary>Every layout in both floating-point types.</summary>
    public static TheoryData<long[], int, ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], int, ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                foreach (var row in Layouts)
                    data.Add((long[])row[0], (int)row[1], type);
            }
            return data;
        }
    }

    public static long[] Trailing(long[] shape, int count) => shape[^count..];

    /// <summary>Random input with a non-zero mean and a spread other than one, so that both statistics matter.</summary>
    public static Tensor Input(long[] shape, ScalarType type) => (randn(shape, type) * 2.5 + 0.7);

    /// <summary>Builds our module and gives its parameters random values, so the affine step is not an identity.</summary>
    public static AnnotatedNorm.Normalization.LayerNorm RandomAffine(long[] normalizedShape, ScalarType type, double eps = 1e-5)
    {
        var module = new AnnotatedNorm.Normalization.LayerNorm(normalizedShape, eps);
        module.to(type);
        using (no_grad())
        {
            module.Weight!.copy_(randn(normalizedShape, type) + 1.0);
            module.Bias!.copy_(randn(normalizedShape, type));
        }
        return module;
    }

    /// <summary>TorchSharp's own layer normalization with copies of our parameters.</summary>
    public static Tensor Native(Tensor x, AnnotatedNorm.Normalization.LayerNorm module) =>
        nn.functional.layer_norm(x, [.. module.NormalizedShape], module.Weight?.detach().clone(), module.Bias?.detach().clone(), module.Eps);
}
