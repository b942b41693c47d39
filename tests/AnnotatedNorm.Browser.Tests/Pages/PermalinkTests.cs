using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class PermalinkTests(SiteBrowserFixture site)
{
    private const string Section = "section-5";

    private const string SectionTop = "s => s.getBoundingClientRect().top";

    [BrowserFact]
    public async Task Should_Scroll_A_Section_Into_View_When_Its_Permalink_Is_Opened()
    {
        // Given a section that starts below the first screen of the page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var plain = await site.OpenAsync(context, SitePaths.LayerNorm);
        Assert.True(await plain.Locator($"#{Section}").EvaluateAsync<double>(SectionTop) > Viewport.Desktop.Height,
            $"{Section} is on the first screen already, so this test would prove nothing");

        // When the page is opened at the section's permalink
        var linked = await site.OpenAsync(context, SitePaths.LayerNorm + "#" + Section);

        // Then the section's top is within the window
        Assert.InRange(await linked.Locator($"#{Section}").EvaluateAsync<double>(SectionTop), -1, Viewport.Desktop.Height - 1);
    }

    [BrowserFact]
    public async Task Should_Put_The_Section_In_The_Address_When_Its_Permalink_Is_Clicked()
    {
        // Given the LayerNorm page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When the section's "#" is clicked (it shows on hover)
        await page.HoverAsync($"#{Section}");
        var opened = page.WaitForURLAsync(site.Url(SitePaths.LayerNorm + "#" + Section));
        await page.ClickAsync($"#{Section} a.permalink");

        // Then the address names the section and the section is in view
        await opened;
        Assert.InRange(await page.Locator($"#{Section}").EvaluateAsync<double>(SectionTop), -1, Viewport.Desktop.Height - 1);
    }
}
