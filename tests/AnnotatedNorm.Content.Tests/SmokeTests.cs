using static TorchSharp.torch;

namespace AnnotatedNorm.Content.Tests;

public class SmokeTests
{
    [Fact]
    public void TorchSharp_Loads()
    {
        using var x = ones(2, 3);
        Assert.Equal(6.0, x.sum().item<float>());
    }
}
