using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class Conv2dWSTests
{
    /// <summary>in, out, kernel, stride, padding, dilation, groups, type.</summary>
    public static TheoryData<long, long, long, long, long, long, long, ScalarType> Configurations
    {
        get
        {
            var data = new TheoryData<long, long, long, long, long, long, long, ScalarType>();
            foreach (var type in new[] { ScalarType.Float32, ScalarType.Float64 })
            {
                data.Add(3, 8, 3, 1, 1, 1, 1, type);
                data.Add(4, 6, 3, 2, 0, 1, 2, type);
                data.Add(2, 4, 2, 1, 2, 2, 1, type);
            }
            return data;
        }
    }

    private static Conv2dWS Module(long inChannels, long outChannels, long kernel, long stride, long padding, long dilation, long groups, ScalarType type)
    {
        var module = new Conv2dWS(inChannels, outChannels, kernel, stride, padding, dilation, groups);
        module.to(type);
        return module;
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Should_Equal_Conv2d_With_A_Reference_Standardized_Weight(long inChannels, long outChannels, long kernel, long stride, long padding, long dilation, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(90);
        // Given a standardized convolution and an input
        var module = Module(inChannels, outChannels, kernel, stride, padding, dilation, groups, type);
        var x = randn([2, inChannels, 7, 6], type);

        // When it convolves the input
        var ours = module.forward(x);

        // Then it equals the native convolution with the loop-standardized weight
        var reference = WeightStandardizationCases.Loops(module.Weight.detach(), module.Eps).to(type);
        var native = nn.functional.conv2d(x, reference, module.Bias!.detach(),
            strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation], groups: groups);
        var (atol, rtol) = TensorAssert.Tolerance(type);
        TensorAssert.Close(native, ours, atol * 10, rtol, "output");
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Should_Pass_Gradients_To_The_Raw_Weight_Like_Autograd_Through_The_Reference(long inChannels, long outChannels, long kernel, long stride, long padding, long dilation, long groups, ScalarType type)
    {
        using var scope = NewDisposeScope();
        manual_seed(91);
        // Given the same raw weight, bias, input and upstream gradient for ours and for the reference
        var module = Module(inChannels, outChannels, kernel, stride, padding, dilation, groups, type);
        var input = randn([2, inChannels, 7, 6], type);
        var ourInput = input.clone().requires_grad_();
        var refInput = input.clone().requires_grad_();
        var refWeight = module.Weight.detach().clone().requires_grad_();
        var refBias = module.Bias!.detach().clone().requires_grad_();
        var output = module.forward(ourInput);
        var upstream = randn(output.shape, type);

        // When both run backward
        output.backward([upstream]);
        nn.functional.conv2d(refInput, WeightStandardizationCases.Differentiable(refWeight, module.Eps), refBias,
            strides: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation], groups: groups).backward([upstream]);

        // Then the gradients of the raw weight, the bias and the input agree
        var (atol, rtol) = type == ScalarType.Float64 ? (1e-10, 1e-8) : (1e-4, 1e-3);
        TensorAssert.Close(refWeight.grad!, module.Weight.grad!, atol, rtol, "weight gradient");
        TensorAssert.Close(refBias.grad!, module.Bias.grad!, atol, rtol, "bias gradient");
        TensorAssert.Close(refInput.grad!, ourInput.grad!, atol, rtol, "input gradient");
    }

    [Fact]
    public void Should_Produce_Weight_Gradients_With_Zero_Mean_And_No_Component_Along_The_Filter()
    {
        using var scope = NewDisposeScope();
        manual_seed(92);
        // Given a standardized convolution with a tiny eps
        var module = new Conv2dWS(3, 5, 3, padding: 1, eps: 1e-12);
        module.to(ScalarType.Float64);
        var x = randn([2, 3, 6, 6], ScalarType.Float64);

        // When a loss is back-propagated
        module.forward(x).square().sum().backward();

        // Then each filter's gradient sums to 0 and is orthogonal to the centered filter
        var gradient = module.Weight.grad!.reshape(5, -1);
        var flat = module.Weight.detach().reshape(5, -1);
        var centered = flat - flat.mean([1], keepdim: true);
        // (both as cosines, which are scale-free: a plain convolution's gradient gives cosines of order 0.1 to 1)
        static Tensor Length(Tensor rows) => linalg.vector_norm(rows, 2, [1]);
        var constant = ones_like(gradient);
        var cosineWithOnes = (gradient * constant).sum([1]) / (Length(gradient) * Length(constant));
        var cosineWithFilter = (gradient * centered).sum([1]) / (Length(gradient) * Length(centered));
        TensorAssert.Close(zeros(5, ScalarType.Float64), cosineWithOnes, 1e-9, 0, "cosine of gradient and constant filter");
        TensorAssert.Close(zeros(5, ScalarType.Float64), cosineWithFilter, 1e-9, 0, "cosine of gradient and centered filter");
        Assert.True(gradient.abs().max().ToDouble() > 1e-3, "the gradient is not trivially zero");
    }

    [Fact]
    public void Should_Load_The_State_Dict_Of_A_Native_Conv2d()
    {
        using var scope = NewDisposeScope();
        manual_seed(93);
        // Given TorchSharp's Conv2d with the same shape
        var native = nn.Conv2d(3, 4, 3, padding: 1);
        var ours = new Conv2dWS(3, 4, 3, padding: 1);

        // When its state dict is loaded into ours
        var (missing, unexpected) = ours.load_state_dict(native.state_dict());

        // Then the keys match and ours convolves with the standardized native weight
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Assert.Equal(["bias", "weight"], ours.state_dict().Keys.Order());
        var x = randn(1, 3, 5, 5);
        var expected = nn.functional.conv2d(x, WeightStandardization.Standardize(native.weight!), native.bias, padding: [1, 1]);
        TensorAssert.Close(expected, ours.forward(x), 1e-5, 1e-4, "output");
    }

    [Fact]
    public void Should_Work_Without_Bias_And_After_Its_Dispose_Scope()
    {
        Conv2dWS module;
        // Given a convolution without bias, created inside a dispose scope that then ends
        using (NewDisposeScope())
        {
            module = new Conv2dWS(2, 3, 3, bias: false);
        }

        // When it is used afterwards
        using var scope = NewDisposeScope();
        var y = module.forward(randn(1, 2, 4, 4));

        // Then its weight is alive and it has no bias
        Assert.Equal([1L, 3, 2, 2], y.shape);
        Assert.Null(module.Bias);
        Assert.Equal(["weight"], module.state_dict().Keys.Order());
    }

    [Theory]
    [InlineData(new long[] { 3, 5, 5 })]
    [InlineData(new long[] { 1, 4, 5, 5 })]
    [InlineData(new long[] { 1, 3, 5, 5, 2 })]
    public void Should_Reject_Input_Of_Another_Rank_Or_Channel_Count(long[] shape)
    {
        using var scope = NewDisposeScope();
        // Given a convolution from 3 channels
        var module = new Conv2dWS(3, 4, 3);

        // When it gets an input of another rank or channel count
        var error = Assert.Throws<ArgumentException>(() => module.forward(randn(shape)));

        // Then the message names the expected layout and the actual shape
        Assert.StartsWith($"expected input of shape [B, 3, H, W], got [{string.Join(", ", shape)}]", error.Message);
        Assert.Equal("x", error.ParamName);
    }

    [Theory]
    [InlineData(3L, 4L, 3L, 2L, "groups")]
    [InlineData(4L, 4L, 1L, 4L, "kernelSize")]
    [InlineData(0L, 4L, 3L, 1L, null)]
    [InlineData(3L, 4L, 0L, 1L, null)]
    public void Should_Reject_Bad_Settings(long inChannels, long outChannels, long kernel, long groups, string? parameter)
    {
        // When a convolution is built with groups that do not divide the channels, single-number filters or a zero size
        var error = Assert.Throws<ArgumentException>(() => new Conv2dWS(inChannels, outChannels, kernel, groups: groups));

        // Then it is refused, naming the offending parameter where there is one
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("got", error.Message);
    }
}
