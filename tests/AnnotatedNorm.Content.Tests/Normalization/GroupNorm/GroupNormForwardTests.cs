using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class GroupNormForwardTests
{
    [Theory]
    [MemberData(nameof(GroupNormCases.LayoutsAndTypes), MemberType = typeof(GroupNormCases))]
    public void Should_Match_Native_Group_Norm_With_Random_Weight_And_Bias(long[] shape, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(50);
        // Given an input and a module with a random per-channel gain and shift
        var x = GroupNormCases.Input(shape, type);
        var module = GroupNormCases.RandomAffine(groups, shape[1], type);

        // When both implementations normalize it
        var ours = module.forward(x);
        var native = nn.functional.group_norm(x, groups, module.Weight!.detach(), module.Bias!.detach(), module.Eps);

        // Then they agree within the tolerance of the type
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output");
    }

    [Theory]
    [MemberData(nameof(GroupNormCases.LayoutsAndTypes), MemberType = typeof(GroupNormCases))]
    public void Should_Match_Native_Group_Norm_Without_Affine_Transform(long[] shape, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(51);
        // Given a module without gain and shift
        var x = GroupNormCases.Input(shape, type);
        var module = new GroupNorm(groups, shape[1], affine: false);

        // When both implementations normalize the input
        var ours = module.forward(x);
        var native = nn.functional.group_norm(x, groups, null, null, module.Eps);

        // Then they agree
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.5)]
    public void Should_Match_Native_Group_Norm_For_Each_Epsilon(double eps)
    {
        using var scope = NewDisposeScope();
        manual_seed(52);
        // Given an input whose variance (about 1e-4) is small enough for eps to change the result
        var x = randn([2, 8, 5, 5], ScalarType.Float64) * 0.01 + 3.0;
        var module = GroupNormCases.RandomAffine(4, 8, ScalarType.Float64, eps);

        // When both implementations normalize it with that eps
        var ours = module.forward(x);
        var native = nn.functional.group_norm(x, 4, module.Weight!.detach(), module.Bias!.detach(), eps);

        // Then they agree
        TensorAssert.Close(native, ours, 1e-10, 1e-9, $"output with eps {eps}");
    }

    [Fact]
    public void Should_Give_Each_Group_Zero_Mean_And_Unit_Variance()
    {
        using var scope = NewDisposeScope();
        manual_seed(53);
        // Given images of 6 channels in 3 groups of 2
        var x = GroupNormCases.Input([2, 6, 4, 4], ScalarType.Float64);
        var module = new GroupNorm(3, 6, eps: 1e-12, affine: false);

        // When they are normalized
        var y = module.forward(x);

        // Then each group (2 channels x 16 positions) has mean 0 and variance 1, but single channels do not
        var (variance, mean) = var_mean(y.reshape(2, 3, 32), [2], unbiased: false);
        TensorAssert.Close(zeros([2, 3], ScalarType.Float64), mean, 1e-12, 0, "mean per group");
        TensorAssert.Close(ones([2, 3], ScalarType.Float64), variance, 1e-9, 0, "variance per group");
        var channelMeans = y.mean([2, 3]);
        Assert.True(channelMeans.abs().max().ToDouble() > 0.1, "channels inside a group keep their own offsets");
    }
}
