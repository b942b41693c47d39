using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class DeepNormInitializationTests
{
    [Theory]
    [InlineData(6)]
    [InlineData(100)]
    public void Should_Initialize_Projection_Weights_With_Beta_Times_The_Xavier_Standard_Deviation(int layers)
    {
        using var scope = NewDisposeScope();
        manual_seed(72);
        // Given a feed-forward block of width 256 and inner width 1024 for N layers
        var scales = DeepNormScales.EncoderOnly(layers);
        var block = new DeepNormFeedForward(256, 1024, scales);

        // When the standard deviations of both weight matrices (262,144 samples each) are measured
        var xavier = Math.Sqrt(2.0 / (256 + 1024));
        var expandStd = block.FeedForward.Expand.weight!.std().ToDouble();
        var projectStd = block.FeedForward.Project.weight!.std().ToDouble();

        // Then both are beta times the Xavier standard deviation, within 2% (the sampling error is about 0.14%)
        Assert.InRange(expandStd / (scales.Beta * xavier), 0.98, 1.02);
        Assert.InRange(projectStd / (scales.Beta * xavier), 0.98, 1.02);
        Assert.InRange(block.FeedForward.Expand.weight!.mean().ToDouble(), -0.01 * xavier, 0.01 * xavier);
    }

    [Fact]
    public void Should_Start_With_Zero_Biases_And_An_Identity_Layer_Norm()
    {
        using var scope = NewDisposeScope();
        // Given a new block
        var block = new DeepNormFeedForward(16, 64, DeepNormScales.EncoderOnly(12));

        // Then the projection biases are zero and the normalization has gain 1 and shift 0
        Assert.True(block.FeedForward.Expand.bias!.eq(0).all().ToBoolean());
        Assert.True(block.FeedForward.Project.bias!.eq(0).all().ToBoolean());
        Assert.True(block.Residual.Norm.Weight!.eq(1).all().ToBoolean());
        Assert.True(block.Residual.Norm.Bias!.eq(0).all().ToBoolean());
        Assert.Equal(DeepNormScales.EncoderOnly(12).Alpha, block.Residual.Alpha);
    }

    [Fact]
    public void Should_Shrink_The_Share_Of_The_Sub_Layer_In_The_Sum_As_The_Model_Gets_Deeper()
    {
        using var scope = NewDisposeScope();
        // Given blocks built with the constants for 6 and for 600 layers, on the same input
        manual_seed(73);
        var x = randn([32, 64]);
        double Share(int layers)
        {
            manual_seed(74);
            var block = new DeepNormFeedForward(64, 256, DeepNormScales.EncoderOnly(layers));
            var update = block.FeedForward.forward(x).norm().ToDouble();
            return update / (block.Residual.Alpha * x.norm().ToDouble());
        }

        // When the size of G(x) is compared with the size of alpha x
        var shallow = Share(6);
        var deep = Share(600);

        // Then the deeper model's sub-layer starts with a much smaller share: (beta/alpha) shrinks like N^-1/2
        Assert.True(deep < shallow / 5, $"share {deep:G3} at 600 layers vs {shallow:G3} at 6 layers");
    }

    [Fact]
    public void Should_Keep_Gradients_Finite_Through_A_Stack_Of_Two_Hundred_Blocks()
    {
        using var scope = NewDisposeScope();
        manual_seed(75);
        // Given 200 feed-forward blocks with the DeepNorm constants for 200 layers
        var scales = DeepNormScales.EncoderOnly(200);
        var blocks = Enumerable.Range(0, 200).Select(_ => new DeepNormFeedForward(16, 32, scales)).ToArray();
        var x = randn([4, 16]).requires_grad_();

        // When a loss runs backward through all of them
        var h = x;
        foreach (var block in blocks)
            h = block.forward(h);
        h.square().sum().backward();

        // Then the input gradient and every parameter gradient are finite, and the input gradient is not zero
        Assert.True(x.grad!.isfinite().all().ToBoolean());
        Assert.True(x.grad.abs().sum().ToDouble() > 0);
        Assert.All(blocks.SelectMany(b => b.parameters()), p => Assert.True(p.grad!.isfinite().all().ToBoolean()));
    }

    [Fact]
    public void Should_Keep_Its_Parameters_After_The_Dispose_Scope_It_Was_Created_In()
    {
        DeepNormFeedForward block;
        // Given a block created inside a dispose scope that then ends
        using (NewDisposeScope())
        {
            block = new DeepNormFeedForward(8, 16, DeepNormScales.EncoderOnly(6));
        }

        // When it is used afterwards
        using var scope = NewDisposeScope();
        var y = block.forward(randn(3, 8));

        // Then its parameters are still alive
        Assert.Equal([3L, 8], y.shape);
        Assert.True(y.isfinite().all().ToBoolean());
    }
}
