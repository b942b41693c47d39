using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class ThemeToggleTests(SiteBrowserFixture site)
{
    private const string BodyBackground = "() => getComputedStyle(document.body).backgroundColor";

    [BrowserFact]
    public async Task Should_Switch_Between_Light_And_Dark_And_Remember_The_Choice_After_A_Reload()
    {
        // Given the LayerNorm page in a browser that prefers light colours
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var lightBackground = await page.EvaluateAsync<string>(BodyBackground);

        // When the theme toggle is pressed
        await page.ClickAsync(".theme-toggle");

        // Then the page turns dark
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        var darkBackground = await page.EvaluateAsync<string>(BodyBackground);
        Assert.NotEqual(lightBackground, darkBackground);

        // When the page is reloaded
        await page.ReloadAsync();

        // Then it is still dark
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal(darkBackground, await page.EvaluateAsync<string>(BodyBackground));

        // When the toggle is pressed again
        await page.ClickAsync(".theme-toggle");

        // Then the light colours are back
        Assert.Equal("light", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal(lightBackground, await page.EvaluateAsync<string>(BodyBackground));
    }
}
