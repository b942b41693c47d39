using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class LayerNormForwardTests
{
    [Theory]
    [MemberData(nameof(LayerNormCases.LayoutsAndTypes), MemberType = typeof(LayerNormCases))]
    public void Should_Match_Native_Layer_Norm_With_Random_Weight_And_Bias(long[] shape, int trailing, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        // Given an input and a module whose gain and shift are not 1 and 0
        var x = LayerNormCases.Input(shape, type);
        var module = LayerNormCases.RandomAffine(LayerNormCases.Trailing(shape, trailing), type);

        // When both implementations normalize it
        var ours = module.forward(x);
        var native = LayerNormCases.Native(x, module);

        // Then they agree within the tolerance of the type
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol, rtol, "output");
    }

    [Theory]
    [MemberData(nameof(LayerNormCases.Layouts), MemberType = typeof(LayerNormCases))]
    public void Should_Match_Native_Layer_Norm_Without_Affine_Transform(long[] shape, int trailing)
    {
        using var scope = NewDisposeScope();
        manual_seed(2);
        // Given a module without gain and shift
        var x = LayerNormCases.Input(shape, ScalarType.Float64);
        var module = new LayerNorm(LayerNormCases.Trailing(shape, trailing), elementwiseAffine: false);
        module.to(ScalarType.Float64);

        // When both implementations normalize the input
        var ours = module.forward(x);
        var native = nn.functional.layer_norm(x, LayerNormCases.Trailing(shape, trailing));

        // Then they agree
        TensorAssert.Close(native, ours, 1e-10, 1e-9, "output");
    }

    [Theory]
    [InlineData(1e-5)]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    [InlineData(2.0)]
    public void Should_Match_Native_Layer_Norm_For_Each_Epsilon(double eps)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        // Given an input whose variance (about 1e-4) is small enough for every eps to change the result
        var x = randn([6, 10, 16]) * 0.01 + 3.0;
        var module = LayerNormCases.RandomAffine([16], ScalarType.Float32, eps);

        // When both implementations normalize it with that eps
        var ours = module.forward(x);
        var native = LayerNormCases.Native(x, module);

        // Then they agree
        TensorAssert.Close(native, ours, 1e-4, 1e-4, $"output with eps {eps}");
    }

    [Fact]
    public void Should_Give_Every_Group_Zero_Mean_And_Unit_Variance_Before_The_Affine_Step()
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        // Given images [B,C,H,W] normalized over [C,H,W] by a new module (gain 1, shift 0)
        var x = randn([3, 4, 5, 6], ScalarType.Float64) * 7.0 - 2.0;
        var module = new LayerNorm([4, 5, 6], eps: 1e-12);
        module.to(ScalarType.Float64);

        // When it normalizes them
        var y = module.forward(x);

        // Then each image has mean 0 and biased variance 1
        var (variance, mean) = var_mean(y, [1, 2, 3], unbiased: false);
        TensorAssert.Close(zeros(3, ScalarType.Float64), mean, 1e-12, 0, "mean per image");
        TensorAssert.Close(ones(3, ScalarType.Float64), variance, 1e-9, 0, "variance per image");
    }

    [Fact]
    public void Should_Start_With_Unit_Weight_And_Zero_Bias()
    {
        using var scope = NewDisposeScope();
        // Given a new module over [C,H,W] = [2,3,4]
        var module = new LayerNorm([2, 3, 4]);

        // Then the gain is all ones and the shift all zeros, with the normalized shape
        Assert.Equal([2L, 3, 4], module.Weight!.shape);
        Assert.True(module.Weight.eq(1).all().ToBoolean());
        Assert.Equal([2L, 3, 4], module.Bias!.shape);
        Assert.True(module.Bias.eq(0).all().ToBoolean());
        Assert.True(module.Weight.requires_grad && module.Bias.requires_grad);
    }

    [Fact]
    public void Should_Keep_Its_Parameters_After_The_Dispose_Scope_It_Was_Created_In()
    {
        LayerNorm module;
        // Given a module created inside a dispose scope that then ends
        using (NewDisposeScope())
        {
            module = new LayerNorm(8);
        }

        // When it is used afterwards
        using var scope = NewDisposeScope();
        var y = module.forward(randn(2, 8));

        // Then its parameters are still alive
        Assert.Equal([2L, 8], y.shape);
        Assert.Equal(8.0, module.Weight!.sum().ToDouble());
    }
}
