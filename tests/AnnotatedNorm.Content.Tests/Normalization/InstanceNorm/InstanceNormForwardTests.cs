using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class InstanceNormForwardTests
{
    [Theory]
    [MemberData(nameof(InstanceNormCases.LayoutsAndTypes), MemberType = typeof(InstanceNormCases))]
    public void Should_Match_Native_Instance_Norm_With_Random_Weight_And_Bias(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(40);
        // Given an input and a module with a random per-channel gain and shift
        var x = InstanceNormCases.Input(shape, type);
        var module = InstanceNormCases.RandomAffine(shape[1], type);

        // When both implementations normalize it
        var ours = module.forward(x);
        var native = InstanceNormCases.Native(x, module.Weight!.detach(), module.Bias!.detach(), module.Eps);

        // Then they agree within the tolerance of the type
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output");
    }

    [Theory]
    [MemberData(nameof(InstanceNormCases.LayoutsAndTypes), MemberType = typeof(InstanceNormCases))]
    public void Should_Match_Native_Instance_Norm_Without_Affine_Transform(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(41);
        // Given a module without gain and shift (the default)
        var x = InstanceNormCases.Input(shape, type);
        var module = new InstanceNorm(shape[1]);

        // When both implementations normalize the input
        var ours = module.forward(x);
        var native = InstanceNormCases.Native(x, null, null, module.Eps);

        // Then they agree
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.5)]
    public void Should_Match_Native_Instance_Norm_For_Each_Epsilon(double eps)
    {
        using var scope = NewDisposeScope();
        manual_seed(42);
        // Given an input whose variance (about 1e-4) is small enough for eps to change the result
        var x = randn([2, 3, 8, 8], ScalarType.Float64) * 0.01 + 3.0;
        var module = InstanceNormCases.RandomAffine(3, ScalarType.Float64, eps);

        // When both implementations normalize it with that eps
        var ours = module.forward(x);
        var native = InstanceNormCases.Native(x, module.Weight!.detach(), module.Bias!.detach(), eps);

        // Then they agree
        TensorAssert.Close(native, ours, 1e-10, 1e-9, $"output with eps {eps}");
    }

    [Fact]
    public void Should_Give_Each_Channel_Of_Each_Example_Zero_Mean_And_Unit_Variance()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        // Given images with different statistics per channel
        var x = InstanceNormCases.Input([3, 4, 5, 6], ScalarType.Float64);
        var module = new InstanceNorm(4, eps: 1e-12);

        // When they are normalized
        var y = module.forward(x);

        // Then every (example, channel) pair has mean 0 and biased variance 1 over its positions
        var (variance, mean) = var_mean(y, [2, 3], unbiased: false);
        TensorAssert.Close(zeros([3, 4], ScalarType.Float64), mean, 1e-12, 0, "mean per channel");
        TensorAssert.Close(ones([3, 4], ScalarType.Float64), variance, 1e-9, 0, "variance per channel");
    }

    [Fact]
    public void Should_Not_Let_One_Example_Change_Another()
    {
        using var scope = NewDisposeScope();
        manual_seed(44);
        // Given a batch, and the same batch with its second example scaled and shifted
        var x = InstanceNormCases.Input([2, 3, 4, 4], ScalarType.Float64);
        var changed = x.clone();
        changed[1].mul_(100.0).add_(-7.0);
        var module = new InstanceNorm(3);

        // When both are normalized
        var y = module.forward(x);
        var z = module.forward(changed);

        // Then the first example is untouched
        TensorAssert.Close(y[0], z[0], 1e-12, 0, "first example");
    }

    [Fact]
    public void Should_Have_No_Buffers_And_Only_Weight_And_Bias_As_State()
    {
        using var scope = NewDisposeScope();
        // Given modules with and without the affine transform
        var affine = new InstanceNorm(5, affine: true);
        var plain = new InstanceNorm(5);

        // Then neither keeps running statistics, and the affine one has the PyTorch keys of shape [C]
        Assert.Empty(affine.buffers());
        Assert.Equal(["bias", "weight"], affine.state_dict().Keys.Order());
        Assert.Equal([5L], affine.Weight!.shape);
        Assert.Empty(plain.state_dict());
    }
}
