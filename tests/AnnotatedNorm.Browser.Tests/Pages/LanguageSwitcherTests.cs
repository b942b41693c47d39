using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class LanguageSwitcherTests(SiteBrowserFixture site)
{
    [BrowserFact]
    public async Task Should_Switch_To_The_Japanese_Page_And_Back_To_The_Same_English_Page()
    {
        // Given the English LayerNorm page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        // When the switcher's Japanese link is followed
        var opened = page.WaitForURLAsync(site.Url(SitePaths.LayerNormJapanese));
        await page.ClickAsync(".language-switcher a[hreflang='ja']");
        await opened;

        // Then the Japanese version of the same page is shown, declared as Japanese
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));

        // When its English link is followed
        var back = page.WaitForURLAsync(site.Url(SitePaths.LayerNorm));
        await page.ClickAsync(".language-switcher a[hreflang='en']");
        await back;

        // Then the page we started from is back
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }
}
