using System.Buffers.Binary;
using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class ScreenshotTests(SiteBrowserFixture site)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [BrowserTheory]
    [InlineData(SitePaths.LayerNorm, "en", "desktop")]
    [InlineData(SitePaths.LayerNorm, "en", "phone")]
    [InlineData(SitePaths.LayerNormJapanese, "ja", "desktop")]
    [InlineData(SitePaths.LayerNormJapanese, "ja", "phone")]
    public async Task Should_Write_A_Full_Page_Screenshot_For_Review(string path, string culture, string size)
    {
        // Given the LayerNorm page in one language at one window size
        var viewport = size == "phone" ? Viewport.Phone : Viewport.Desktop;
        await using var context = await site.NewContextAsync(viewport);
        var page = await site.OpenAsync(context, path);
        var file = Path.Combine(site.RepositoryFolder, "artifacts", "browser-screenshots", $"LayerNorm.{culture}.{viewport.Name}.png");

        // When the whole page is photographed
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });

        // Then a PNG as wide as the window and taller than it (the whole page, not one screen) is on disk
        var png = await File.ReadAllBytesAsync(file);
        Assert.Equal(PngSignature, png[..8]);
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(viewport.Width, width);
        Assert.True(height > viewport.Height, $"{file} is {height} px high");
    }
}
