using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Shared inputs for the instance-normalization tests: layouts, random modules and the native reference.</summary>
internal static class InstanceNormCases
{
    /// <summary>Sequence [B,C,L] and image [B,C,H,W] shapes, in both floating-point types.</summary>
    public static TheoryData<long[], ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                data.Add([4, 3, 10], type);
                data.Add([2, 5, 4, 6], type);
                data.Add([1, 2, 7, 3], type);
            }
            return data;
        }
    }

    /// <summary>Input whose channels have different means and spreads, so per-channel statistics matter.</summary>
    public static Tensor Input(long[] shape, ScalarType type)
    {
        var channelShape = new long[shape.Length];
        Array.Fill(channelShape, 1L);
        channelShape[1] = shape[1];
        var offsets = arange(shape[1], type).view(channelShape) * 1.5 - 2.0;
        return randn(shape, type) * 2.5 + offsets + 0.7;
    }

    /// <summary>Our module with random gain and shift, so the affine step is not an identity.</summary>
    public static AnnotatedNorm.Normalization.InstanceNorm RandomAffine(long channels, ScalarType type, double eps = 1e-5)
    {
        var module = new AnnotatedNorm.Normalization.InstanceNorm(channels, eps, affine: true);
        module.to(type);
        using (no_grad())
        {
            module.Weight!.copy_(randn(channels, type) + 1.0);
            module.Bias!.copy_(randn(channels, type));
        }
        return module;
    }

    /// <summary>TorchSharp's own instance normalization with copies of our parameters, without running statistics.</summary>
    public static Tensor Native(Tensor x, Tensor? weight, Tensor? bias, double eps) =>
        nn.functional.instance_norm(x, null, null, weight, bias, true, 0.1, eps);
}
