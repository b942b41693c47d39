using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

/// <summary>The figures that examples draw: inside their column at every width, and in the colours of the theme the toggle chose.</summary>
[Collection(SiteBrowserCollection.Name)]
public sealed class FigureTests(SiteBrowserFixture site)
{
    [BrowserTheory]
    [InlineData(SitePaths.BatchNorm, "en", "desktop")]
    [InlineData(SitePaths.BatchNorm, "en", "phone")]
    [InlineData(SitePaths.BatchNormJapanese, "ja", "desktop")]
    [InlineData(SitePaths.BatchNormJapanese, "ja", "phone")]
    public async Task Should_Fit_Its_Column_And_Follow_The_Theme_Toggle(string path, string culture, string size)
    {
        // Given a page with a figure, in light theme
        var viewport = size == "phone" ? Viewport.Phone : Viewport.Desktop;
        await using var context = await site.NewContextAsync(viewport);
        var page = await site.OpenAsync(context, path);
        var figure = page.Locator(".example-figure").First;
        await figure.ScrollIntoViewIfNeededAsync();

        // Then it is drawn inside its column, wide enough to read, with a text alternative
        var box = (await page.Locator(".example-figure svg").First.BoundingBoxAsync())!;
        var column = (await page.Locator(".docs:has(.example-figure)").First.BoundingBoxAsync())!;
        Assert.True(box.X >= column.X && box.X + box.Width <= column.X + column.Width + 0.5, $"figure {box.X}+{box.Width} outside column {column.X}+{column.Width}");
        Assert.True(box.Width >= 300, $"figure only {box.Width} px wide at {viewport.Name}");
        Assert.StartsWith(culture == "ja" ? "図:" : "Figure:", await page.Locator(".example-figure svg").First.GetAttributeAsync("aria-label"));
        // and its axis title in the page's language (from the page's catalog), drawn inside the figure
        var axisTitle = (await page.Locator(".example-figure svg text", new() { HasTextString = culture == "ja" ? "バッチの大きさ" : "batch size" }).First.BoundingBoxAsync())!;
        Assert.True(axisTitle.X >= box.X && axisTitle.X + axisTitle.Width <= box.X + box.Width && axisTitle.Y + axisTitle.Height <= box.Y + box.Height + 0.5,
            $"axis title {axisTitle.X}+{axisTitle.Width}, {axisTitle.Y}+{axisTitle.Height} outside figure {box.X}+{box.Width}, {box.Y}+{box.Height}");
        var light = await Colours(page);
        await Shoot(figure, culture, viewport, "light");

        // When the theme toggle is pressed
        await page.ClickAsync(".theme-toggle");
        await figure.ScrollIntoViewIfNeededAsync();

        // Then the axes and text take the dark theme's text colour and the line its series colour
        var dark = await Colours(page);
        Assert.NotEqual(light.Text, dark.Text);
        Assert.NotEqual(light.Line, dark.Line);
        Assert.Equal(await page.EvaluateAsync<string>("getComputedStyle(document.body).color"), dark.Text);
        await Shoot(figure, culture, viewport, "dark");
    }

    private static async Task<(string Text, string Line)> Colours(Microsoft.Playwright.IPage page) => (
        await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.example-figure svg text')).fill"),
        await page.EvaluateAsync<string>("getComputedStyle([...document.querySelectorAll('.example-figure svg polyline')].find(p => p.getAttribute('style')?.includes('--figure-1'))).stroke"));

    private async Task Shoot(Microsoft.Playwright.ILocator figure, string culture, Viewport viewport, string theme)
    {
        var file = Path.Combine(site.RepositoryFolder, "artifacts", "browser-screenshots", $"Figure.{culture}.{viewport.Name}.{theme}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await figure.ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 1000, file);
    }
}
