using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class RmsNormForwardTests
{
    public static TheoryData<long[], int, ScalarType> LayoutsAndTypes
    {
        get
        {
            var data = new TheoryData<long[], int, ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                data.Add([4, 6], 1, type);
                data.Add([5, 3, 8], 1, type);
                data.Add([5, 3, 8], 2, type);
                data.Add([2, 3, 4, 5], 3, type);
            }
            return data;
        }
    }

    internal static RmsNorm RandomGain(long[] normalizedShape, ScalarType type, double eps = 1e-6)
    {
        var module = new RmsNorm(normalizedShape, eps);
        module.to(type);
        using (no_grad())
            module.Weight!.copy_(randn(normalizedShape, type) + 1.0);
        return module;
    }

    [Fact]
    public void Should_Find_No_Native_Rms_Norm_In_This_TorchSharp_Version()
    {
        // When TorchSharp's functional API is searched for an RMS normalization
        var native = RmsNormReference.NativeRmsNorm;

        // Then there is none, so the plain reference is the right comparison (switch to native if this fails)
        Assert.Null(native);
    }

    [Theory]
    [MemberData(nameof(LayoutsAndTypes))]
    public void Should_Match_The_Loop_Reference_With_A_Random_Gain(long[] shape, int trailing, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(60);
        // Given an input with a non-zero mean and a module with a random gain
        var normalizedShape = shape[^trailing..];
        var x = randn(shape, type) * 2.5 + 0.7;
        var module = RandomGain(normalizedShape, type);

        // When it normalizes the input, and the loops compute the formula in float64
        var ours = module.forward(x);
        var expected = RmsNormReference.Loops(x, normalizedShape.Aggregate(1L, (p, s) => p * s), module.Weight, module.Eps);

        // Then they agree within the tolerance of the type
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(tensor(expected, shape, ScalarType.Float64).to(type), ours, atol, rtol, "output");
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-2)]
    [InlineData(1.0)]
    public void Should_Match_The_Loop_Reference_Without_Gain_For_Each_Epsilon(double eps)
    {
        using var scope = NewDisposeScope();
        manual_seed(61);
        // Given small values (mean square about 1e-2) so that eps matters, and no gain
        var x = randn([6, 16], ScalarType.Float64) * 0.1;
        var module = new RmsNorm(16, eps, elementwiseAffine: false);

        // When it normalizes them
        var ours = module.forward(x);
        var expected = RmsNormReference.Loops(x, 16, null, eps);

        // Then the loops agree
        TensorAssert.Close(tensor(expected, [6, 16], ScalarType.Float64), ours, 1e-10, 1e-9, $"output with eps {eps}");
    }

    [Fact]
    public void Should_Not_Subtract_The_Mean()
    {
        using var scope = NewDisposeScope();
        manual_seed(62);
        // Given rows with a large common offset
        var x = randn([4, 32], ScalarType.Float64) + 5.0;
        var module = new RmsNorm(32, eps: 1e-12);

        // When they are normalized
        var y = module.forward(x);

        // Then every row has RMS 1 but keeps a clearly positive mean, and differs from layer normalization
        var rms = y.square().mean([1]).sqrt();
        TensorAssert.Close(ones(4, ScalarType.Float64), rms, 1e-10, 0, "RMS per row");
        Assert.True(y.mean([1]).min().ToDouble() > 0.9, "the offset survives");
        var layerNorm = nn.functional.layer_norm(x, [32]);
        Assert.True((y - layerNorm).abs().max().ToDouble() > 0.5, "RMS norm is not layer norm for a non-centered input");
    }

    [Fact]
    public void Should_Equal_Layer_Norm_Without_Affine_For_Centered_Input()
    {
        using var scope = NewDisposeScope();
        manual_seed(63);
        // Given rows that already have mean zero
        var x = randn([5, 24], ScalarType.Float64) * 3.0;
        x = x - x.mean([1], keepdim: true);

        // When RMS normalization and layer normalization process them with the same eps
        var rms = new RmsNorm(24, eps: 1e-5, elementwiseAffine: false).forward(x);
        var layer = new LayerNorm(24, eps: 1e-5, elementwiseAffine: false).forward(x);

        // Then they agree: the RMS of centered values is their standard deviation
        TensorAssert.Close(layer, rms, 1e-10, 1e-9, "centered input");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(7.0)]
    [InlineData(1e4)]
    public void Should_Not_Change_When_The_Input_Is_Scaled(double factor)
    {
        using var scope = NewDisposeScope();
        manual_seed(64);
        // Given an input and the same input scaled by a positive factor
        var x = randn([3, 40], ScalarType.Float64) + 0.3;
        var module = RandomGain([40], ScalarType.Float64, eps: 1e-12);

        // When both are normalized
        var y = module.forward(x);
        var scaled = module.forward(x * factor);

        // Then the outputs are the same
        TensorAssert.Close(y, scaled, 1e-8, 1e-8, $"scaled by {factor}");
    }

    [Fact]
    public void Should_Map_An_All_Zero_Row_To_Zeros_Thanks_To_Epsilon()
    {
        using var scope = NewDisposeScope();
        // Given a row of zeros in float32
        var x = zeros(2, 8);

        // When it is normalized
        var y = new RmsNorm(8).forward(x);

        // Then the result is zeros, not NaN
        Assert.True(y.eq(0).all().ToBoolean());
    }

    [Fact]
    public void Should_Expose_Only_A_Weight_In_The_State_Dict()
    {
        using var scope = NewDisposeScope();
        // Given modules with and without the gain
        var withGain = new RmsNorm([4, 5]);
        var plain = new RmsNorm(5, elementwiseAffine: false);

        // Then the gain is the only state, of the normalized shape and starting at one
        Assert.Equal(["weight"], withGain.state_dict().Keys);
        Assert.Equal([4L, 5], withGain.Weight!.shape);
        Assert.True(withGain.Weight.eq(1).all().ToBoolean());
        Assert.Empty(plain.state_dict());
    }
}
