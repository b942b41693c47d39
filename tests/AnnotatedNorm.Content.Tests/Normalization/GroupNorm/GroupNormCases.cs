using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Shared inputs for the group-normalization tests: layouts, random modules and the native reference.</summary>
internal static class GroupNormCases
{
    /// <summary>Shapes [B,C], [B,C,L] and [B,C,H,W] with a group count, in both floating-point types.</summary>
    public static TheoryData<long[], long, ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], long, ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                data.Add([4, 6], 3, type);
                data.Add([3, 8, 10], 4, type);
                data.Add([2, 6, 4, 5], 2, type);
                data.Add([2, 6, 4, 5], 3, type);
                data.Add([1, 12, 3, 3], 4, type);
            }
            return data;
        }
    }

    /// <summary>Input whose channels have different means and spreads, so the grouping matters.</summary>
    public static Tensor Input(long[] shape, ScalarType type)
    {
        var channelShape = new long[shape.Length];
        Array.Fill(channelShape, 1L);
        channelShape[1] = shape[1];
        var offsets = arange(shape[1], type).view(channelShape);
        return randn(shape, type) * (offsets * 0.5 + 1.0) + offsets * 1.3 - 2.0;
    }

    /// <summary>Our module with random gain and shift, so the affine step is not an identity.</summary>
    public static AnnotatedNorm.Normalization.GroupNorm RandomAffine(long groups, long channels, ScalarType type, double eps = 1e-5)
    {
        var module = new AnnotatedNorm.Normalization.GroupNorm(groups, channels, eps);
        module.to(type);
        using (no_grad())
        {
            module.Weight!.copy_(randn(channels, type) + 1.0);
            module.Bias!.copy_(randn(channels, type));
        }
        return module;
    }
}
