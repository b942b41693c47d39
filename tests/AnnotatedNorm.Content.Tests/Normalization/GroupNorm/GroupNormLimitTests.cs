using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

/// <summary>The two limits of group normalization: one group is layer normalization, one channel per group is instance normalization.</summary>
public class GroupNormLimitTests
{
    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void Should_Equal_Layer_Norm_Over_Channels_And_Positions_With_One_Group(ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(54);
        // Given one group over 6 channels, and our layer normalization over [C,H,W] without elementwise affine
        var x = GroupNormCases.Input([3, 6, 4, 5], type);
        var groupNorm = new GroupNorm(1, 6, affine: false);
        var layerNorm = new LayerNorm([6, 4, 5], elementwiseAffine: false);

        // When both normalize the same images
        var grouped = groupNorm.forward(x);
        var layered = layerNorm.forward(x);

        // Then the results are equal
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(layered, grouped, atol, rtol, "one group vs layer norm");
    }

    [Fact]
    public void Should_Equal_Layer_Norm_Followed_By_A_Per_Channel_Affine_With_One_Group()
    {
        using var scope = NewDisposeScope();
        manual_seed(55);
        // Given one group with a random per-channel gain and shift
        var x = GroupNormCases.Input([2, 4, 3, 3], ScalarType.Float64);
        var groupNorm = GroupNormCases.RandomAffine(1, 4, ScalarType.Float64);
        var layerNorm = new LayerNorm([4, 3, 3], elementwiseAffine: false);

        // When it normalizes, and layer norm plus the same per-channel affine does too
        var grouped = groupNorm.forward(x);
        var layered = layerNorm.forward(x) * groupNorm.Weight!.detach().view(4, 1, 1) + groupNorm.Bias!.detach().view(4, 1, 1);

        // Then the results are equal
        TensorAssert.Close(layered, grouped, 1e-10, 1e-9, "one group vs layer norm with per-channel affine");
    }

    [Theory]
    [InlineData(new long[] { 3, 5, 12 }, ScalarType.Float32)]
    [InlineData(new long[] { 2, 4, 3, 6 }, ScalarType.Float32)]
    [InlineData(new long[] { 2, 4, 3, 6 }, ScalarType.Float64)]
    public void Should_Equal_Instance_Norm_With_One_Channel_Per_Group(long[] shape, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(56);
        // Given as many groups as channels, and our instance normalization with the same gain and shift
        var channels = shape[1];
        var x = GroupNormCases.Input(shape, type);
        var groupNorm = GroupNormCases.RandomAffine(channels, channels, type);
        var instanceNorm = new InstanceNorm(channels, affine: true);
        instanceNorm.to(type);
        using (no_grad())
        {
            instanceNorm.Weight!.copy_(groupNorm.Weight!);
            instanceNorm.Bias!.copy_(groupNorm.Bias!);
        }

        // When both normalize the input
        var grouped = groupNorm.forward(x);
        var instanced = instanceNorm.forward(x);

        // Then the results are equal
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(instanced, grouped, atol, rtol, "one channel per group vs instance norm");
    }
}
