using AnnotatedNorm.Normalization;
using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class ConvolutionBackendTests
{
    [Fact]
    public void Should_Turn_OneDnn_Off_Once_A_Standardized_Convolution_Exists()
    {
        // Given a standardized convolution
        using var module = new Conv2dWS(3, 8, 3, padding: 1);

        // When libtorch's own flag is read back
        var enabled = OneDnn.Enabled;

        // Then oneDNN is off for the process (where the switch exists)
        Assert.Equal(OperatingSystem.IsWindows(), enabled);
    }

    [Fact]
    public void Should_Give_The_Same_Float32_Input_Gradient_As_Float64_In_Every_One_Of_Many_Runs()
    {
        // Given the configuration whose float32 input gradient came back with NaN under oneDNN
        using var module = new Conv2dWS(3, 8, 3, padding: 1);
        manual_seed(94);
        var failures = new List<string>();
        for (var run = 0; run < 300 && failures.Count < 3; run++)
        {
            using var scope = NewDisposeScope();
            // (freed memory full of NaN, so that a kernel reading memory it did not write shows it)
            full([2, 16, 7, 6], double.NaN).Dispose();
            var input = randn([2, 3, 7, 6]);
            var weight = randn([8, 3, 3, 3]);
            var upstream = randn([2, 8, 7, 6]);

            // When both precisions run a convolution backward
            var single = input.clone().requires_grad_();
            nn.functional.conv2d(single, weight, padding: [1, 1]).backward([upstream]);
            var wide = input.to(ScalarType.Float64).requires_grad_();
            nn.functional.conv2d(wide, weight.to(ScalarType.Float64), padding: [1, 1]).backward([upstream.to(ScalarType.Float64)]);

            // Then the float32 input gradient is finite and matches float64 to float32 rounding
            var error = (single.grad!.to(ScalarType.Float64) - wide.grad!).abs().max().ToDouble();
            if (!(error <= 1e-4)) failures.Add($"run {run}: largest error {error:G3}");
        }
        Assert.Empty(failures);
    }
}
