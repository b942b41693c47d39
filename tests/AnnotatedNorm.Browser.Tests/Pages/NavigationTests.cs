using AnnotatedNorm.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class NavigationTests(SiteBrowserFixture site)
{
    private const string SectionTop = "s => s.getBoundingClientRect().top";

    [BrowserFact]
    public async Task Should_Walk_The_Chapter_With_Next_And_Previous()
    {
        // Given the LayerNorm code page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When its "next" link is followed
        var opened = page.WaitForURLAsync(site.Url("normalization/rms_norm/index.html"));
        await page.ClickAsync(".page-links a[rel='next']");

        // Then the next method of the chapter's listing opens (RMS normalization, after layer normalization)
        await opened;

        // When its "previous" link is followed
        var back = page.WaitForURLAsync(site.Url(SitePaths.LayerNorm));
        await page.ClickAsync(".page-links a[rel='prev']");

        // Then the LayerNorm page is back
        await back;
    }

    [BrowserFact]
    public async Task Should_Link_A_Readme_To_Its_Code_Page_And_The_Other_Methods()
    {
        // Given the layer normalization readme
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, "normalization/layer_norm/readme.html");

        // Then it links to its code page and to the other methods of the chapter
        var hrefs = await page.Locator(".page-links a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        Assert.Contains("LayerNorm.html", hrefs);
        Assert.Contains("../rms_norm/index.html", hrefs);
        Assert.Contains("../batch_norm/index.html", hrefs);
        // And its breadcrumb names it once
        var crumbs = await page.Locator(".breadcrumbs li").AllInnerTextsAsync();
        Assert.Equal(crumbs.Count, crumbs.Distinct().Count());
    }

    [BrowserFact]
    public async Task Should_Keep_The_Section_When_Switching_Language()
    {
        // Given the English LayerNorm page opened at a section
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm + "#section-5");

        // When the Japanese link is followed
        var opened = page.WaitForURLAsync(site.Url(SitePaths.LayerNormJapanese + "#section-5"));
        await page.ClickAsync(".language-switcher a[hreflang='ja']");

        // Then the Japanese page opens at the same section
        await opened;
        Assert.InRange(await page.Locator("#section-5").EvaluateAsync<double>(SectionTop), -1, Viewport.Desktop.Height - 1);

        // When another section's permalink is followed there and the English link clicked
        await page.Locator("#section-7 a.permalink").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var back = page.WaitForURLAsync(site.Url(SitePaths.LayerNorm + "#section-7"));
        await page.ClickAsync(".language-switcher a[hreflang='en']");

        // Then the English page opens at that section
        await back;
    }

    [BrowserFact]
    public async Task Should_Show_Permalinks_Without_Hover_On_A_Touch_Screen()
    {
        // Given a phone with a touch screen and no hover
        await using var context = await site.NewContextAsync(Viewport.Phone, touch: true);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // Then every section's permalink is visible
        Assert.Equal("1", await page.Locator("#section-5 a.permalink").EvaluateAsync<string>("a => getComputedStyle(a).opacity"));
    }

    [BrowserTheory]
    [InlineData("normalization/missing/deeper/x.html")]
    [InlineData("ja/normalization/missing.html")]
    public async Task Should_Serve_A_Working_404_Page_At_Any_Depth(string missing)
    {
        // Given a host that answers a missing address with the site's 404.html
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) => { if (!response.Ok && response.Url != site.Url(missing)) failed.Add(response.Url); };

        // When a missing address is opened
        var response = await page.GotoAsync(site.Url(missing), new() { WaitUntil = WaitUntilState.Load });

        // Then the page is styled, with its script and icon, and nothing it asks for is missing
        Assert.Equal(404, response!.Status);
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.NotEqual("Times New Roman", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        Assert.Equal("false", await page.GetAttributeAsync(".theme-toggle", "aria-pressed"));
        var icon = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
        Assert.True((await page.APIRequest.GetAsync(icon)).Ok, $"{icon} is missing");
        Assert.Empty(failed);

        // When its home link is followed
        var opened = page.WaitForURLAsync(site.Url("index.html"));
        await page.ClickAsync("main a");

        // Then the home page opens
        await opened;
    }
}
