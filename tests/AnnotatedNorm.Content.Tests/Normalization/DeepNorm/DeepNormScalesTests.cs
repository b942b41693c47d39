using AnnotatedNorm.Normalization;

namespace AnnotatedNorm.Content.Tests.Normalization;

public class DeepNormScalesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(18)]
    [InlineData(100)]
    [InlineData(1000)]
    public void Should_Give_Alpha_And_Beta_Whose_Fourth_Powers_Are_2N_And_One_Over_8N_For_An_Encoder(int layers)
    {
        // When the encoder-only constants are computed for N layers
        var scales = DeepNormScales.EncoderOnly(layers);

        // Then alpha^4 = 2N and beta^-4 = 8N, and the decoder-only model gets the same
        Assert.Equal(2.0 * layers, Math.Pow(scales.Alpha, 4), 1e-9 * layers);
        Assert.Equal(8.0 * layers, Math.Pow(scales.Beta, -4), 1e-9 * layers);
        Assert.Equal(scales, DeepNormScales.DecoderOnly(layers));
    }

    [Theory]
    [InlineData(6, 1.8612097182, 0.3799178428)]
    [InlineData(1000, 6.6874030498, 0.1057371263)]
    public void Should_Give_The_Known_Values_For_Common_Depths(int layers, double alpha, double beta)
    {
        // When the encoder-only constants are computed
        var scales = DeepNormScales.EncoderOnly(layers);

        // Then they equal the values worked out by hand
        Assert.Equal(alpha, scales.Alpha, 1e-9);
        Assert.Equal(beta, scales.Beta, 1e-9);
    }

    [Theory]
    [InlineData(6, 1.86, 0.38)]
    [InlineData(1000, 6.69, 0.106)]
    public void Should_Round_To_The_Values_The_Page_And_The_Readme_State(int layers, double statedAlpha, double statedBeta)
    {
        // When the encoder-only constants are computed
        var scales = DeepNormScales.EncoderOnly(layers);

        // Then, rounded as written on the page (and, for 6 layers, in the readme), they are the stated values:
        // far from 1 even for a shallow model
        Assert.Equal(statedAlpha, Math.Round(scales.Alpha, 2));
        Assert.Equal(statedBeta, Math.Round(scales.Beta, statedBeta < 0.2 ? 3 : 2));
    }

    [Theory]
    [InlineData(6, 6)]
    [InlineData(12, 3)]
    [InlineData(100, 100)]
    public void Should_Give_The_Encoder_Decoder_Constants(int encoderLayers, int decoderLayers)
    {
        // When the constants of both stacks of an encoder-decoder are computed
        var encoder = DeepNormScales.EncoderOfEncoderDecoder(encoderLayers, decoderLayers);
        var decoder = DeepNormScales.DecoderOfEncoderDecoder(decoderLayers);

        // Then the encoder has 0.81 (N^4 M)^(1/16) and 0.87 (N^4 M)^(-1/16), the decoder (3M)^(1/4) and (12M)^(-1/4)
        var product = Math.Pow(encoderLayers, 4) * decoderLayers;
        Assert.Equal(0.81 * Math.Pow(product, 1.0 / 16), encoder.Alpha, 1e-12);
        Assert.Equal(0.87 * Math.Pow(product, -1.0 / 16), encoder.Beta, 1e-12);
        Assert.Equal(3.0 * decoderLayers, Math.Pow(decoder.Alpha, 4), 1e-9 * decoderLayers);
        Assert.Equal(12.0 * decoderLayers, Math.Pow(decoder.Beta, -4), 1e-9 * decoderLayers);
    }

    [Fact]
    public void Should_Grow_Alpha_And_Shrink_Beta_With_Depth()
    {
        // When the constants are computed for increasing depths
        var depths = new[] { 1, 2, 10, 100, 1000 };
        var scales = depths.Select(DeepNormScales.EncoderOnly).ToArray();

        // Then alpha increases from above 1 and beta decreases from below 1
        Assert.True(scales[0].Alpha > 1 && scales[0].Beta < 1);
        for (var i = 1; i < scales.Length; i++)
            Assert.True(scales[i].Alpha > scales[i - 1].Alpha && scales[i].Beta < scales[i - 1].Beta, $"depth {depths[i]}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Should_Reject_A_Number_Of_Layers_That_Is_Not_Positive(int layers)
    {
        // When constants are asked for that many layers
        var encoderOnly = Assert.Throws<ArgumentException>(() => DeepNormScales.EncoderOnly(layers));
        var decoder = Assert.Throws<ArgumentException>(() => DeepNormScales.DecoderOfEncoderDecoder(layers));
        var encoder = Assert.Throws<ArgumentException>(() => DeepNormScales.EncoderOfEncoderDecoder(6, layers));

        // Then every helper names the parameter and the value
        Assert.Equal("layers", encoderOnly.ParamName);
        Assert.Equal("decoderLayers", decoder.ParamName);
        Assert.Equal("decoderLayers", encoder.ParamName);
        Assert.Contains($"got {layers}", encoderOnly.Message);
    }
}
