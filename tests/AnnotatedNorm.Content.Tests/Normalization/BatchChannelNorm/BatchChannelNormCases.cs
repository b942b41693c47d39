using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>Shared inputs and independent references for the batch-channel normalization tests.</summary>
internal static class BatchChannelNormCases
{
    /// <summary>Input shapes [B,C], [B,C,L], [B,C,H,W] (including a single image) with C = 4, and the number of groups.</summary>
    public static TheoryData<long[], long> Layouts => new()
    {
        { [6, 4], 2 },
        { [3, 4, 5], 2 },
        { [2, 4, 3, 5], 2 },
        { [1, 4, 3, 3], 1 },
        { [2, 4, 3, 3], 4 },
    };

    /// <summary>Every layout in both floating-point types.</summary>
    public static TheoryData<long[], long, ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], long, ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                foreach (var row in Layouts)
                    data.Add((long[])row[0], (long)row[1], type);
            }
            return data;
        }
    }

    /// <summary>A module converted to the type, with random parameters in both steps and estimates other than 0 and 1.</summary>
    public static BatchChannelNorm Random(long channels, long groups, ScalarType type, double momentum = 0.1)
    {
        var module = new BatchChannelNorm(channels, groups, momentum: momentum);
        module.to(type);
        using (no_grad())
        {
            module.BatchWeight.copy_(randn(channels, type) + 1.0);
            module.BatchBias.copy_(randn(channels, type));
            module.ChannelWeight.copy_(randn(channels, type) + 1.0);
            module.ChannelBias.copy_(randn(channels, type));
            module.RunningMean.copy_(randn(channels, type));
            module.RunningVar.copy_(rand(channels, type) * 2.0 + 0.5);
        }
        return module;
    }

    /// <summary>The estimates after one training batch, computed channel by channel in float64.</summary>
    public static (double[] Mean, double[] Var) UpdatedEstimates(Tensor x, double[] mean, double[] variance, double momentum)
    {
        var channels = (int)x.shape[1];
        var newMean = new double[channels];
        var newVar = new double[channels];
        for (var c = 0; c < channels; c++)
        {
            var values = x.select(1, c).to(ScalarType.Float64).flatten().data<double>().ToArray();
            var m = values.Average();
            var unbiased = values.Sum(v => (v - m) * (v - m)) / (values.Length - 1);
            newMean[c] = (1 - momentum) * mean[c] + momentum * m;
            newVar[c] = (1 - momentum) * variance[c] + momentum * unbiased;
        }
        return (newMean, newVar);
    }

    /// <summary>Both steps written out with loops over examples, channels and groups, in float64.</summary>
    public static Tensor Loops(Tensor x, double[] mean, double[] variance, BatchChannelNorm module)
    {
        var eps = module.Eps;
        var gammaB = Values(module.BatchWeight);
        var betaB = Values(module.BatchBias);
        var gammaG = Values(module.ChannelWeight);
        var betaG = Values(module.ChannelBias);
        var batch = (int)x.shape[0];
        var channels = (int)x.shape[1];
        var positions = (int)(x.numel() / (batch * channels));
        var input = x.to(ScalarType.Float64).contiguous().flatten().data<double>().ToArray();
        var afterBatch = new double[input.Length];
        for (var n = 0; n < batch; n++)
        for (var c = 0; c < channels; c++)
        for (var p = 0; p < positions; p++)
        {
            var i = (n * channels + c) * positions + p;
            afterBatch[i] = gammaB[c] * (input[i] - mean[c]) / Math.Sqrt(variance[c] + eps) + betaB[c];
        }

        var output = new double[input.Length];
        var perGroup = channels / (int)module.Groups;
        for (var n = 0; n < batch; n++)
        for (var g = 0; g < module.Groups; g++)
        {
            var indices = Enumerable.Range(g * perGroup, perGroup)
                .SelectMany(c => Enumerable.Range(0, positions).Select(p => (c, i: (n * channels + c) * positions + p)))
                .ToArray();
            var m = indices.Average(e => afterBatch[e.i]);
            var v = indices.Average(e => (afterBatch[e.i] - m) * (afterBatch[e.i] - m));
            foreach (var (c, i) in indices)
                output[i] = gammaG[c] * (afterBatch[i] - m) / Math.Sqrt(v + eps) + betaG[c];
        }
        return tensor(output, ScalarType.Float64).reshape(x.shape);
    }

    public static double[] Values(Tensor t) => t.detach().to(ScalarType.Float64).data<double>().ToArray();

    /// <summary>The same function from native operations: batch_norm with fixed statistics, then group_norm.</summary>
    public static Tensor Native(Tensor x, Tensor mean, Tensor variance, Tensor batchWeight, Tensor batchBias, Tensor channelWeight, Tensor channelBias, long groups, double eps) =>
        nn.functional.group_norm(
            nn.functional.batch_norm(x, mean, variance, batchWeight, batchBias, training: false, eps: eps),
            groups, channelWeight, channelBias, eps);
}
