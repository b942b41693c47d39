using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Shared inputs for the batch-normalization tests: layouts, random data and the native reference.</summary>
internal static class BatchNormCases
{
    /// <summary>Input shapes [B,C], [B,C,L] and [B,C,H,W], all with C = 3 channels.</summary>
    public static TheoryData<long[]> Layouts => new() { new long[] { 8, 3 }, new long[] { 4, 3, 7 }, new long[] { 2, 3, 4, 5 } };

    /// <summary>Every layout in both floating-point types.</summary>
    public static TheoryData<long[], ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                foreach (var row in Layouts)
                    data.Add(row, type);
            }
            return data;
        }
    }

    /// <summary>Random input whose channels have different means and spreads, so per-channel statistics matter.</summary>
    public static Tensor Input(long[] shape, ScalarType type)
    {
        long[] channelShape = [1, shape[1], .. Enumerable.Repeat(1L, shape.Length - 2)];
        var spread = arange(1, shape[1] + 1, type).reshape(channelShape);
        var offset = arange(shape[1], type).reshape(channelShape) * 1.5 - 1.0;
        return randn(shape, type) * spread + offset;
    }

    /// <summary>Our module converted to the type, with random gain and shift so the affine step is not an identity.</summary>
    public static BatchNorm RandomAffine(long channels, ScalarType type, double? momentum = 0.1, double eps = 1e-5)
    {
        var module = new BatchNorm(channels, eps, momentum);
        module.to(type);
        using (no_grad())
        {
            module.Weight!.copy_(randn(channels, type) + 1.0);
            module.Bias!.copy_(randn(channels, type));
        }
        return module;
    }

    /// <summary>Gives the running estimates values other than 0 and 1, so evaluation really uses them.</summary>
    public static void RandomRunningStatistics(BatchNorm module)
    {
        using (no_grad())
        {
            module.RunningMean!.copy_(randn(module.NumFeatures) * 2.0);
            module.RunningVar!.copy_(rand(module.NumFeatures) * 3.0 + 0.5);
        }
    }

    /// <summary>TorchSharp's own batch normalization with copies of our parameters and running estimates.</summary>
    public static Tensor Native(Tensor x, BatchNorm module, bool training) =>
        nn.functional.batch_norm(
            x,
            module.RunningMean!.clone(),
            module.RunningVar!.clone(),
            module.Weight?.detach().clone(),
            module.Bias?.detach().clone(),
            training,
            module.Momentum ?? 0.1,
            module.Eps);
}
