using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class MathTests(SiteBrowserFixture site)
{
    [BrowserTheory]
    [InlineData(SitePaths.LayerNorm)]
    [InlineData(SitePaths.LayerNormJapanese)]
    public async Task Should_Show_Typeset_Math_In_Katex_Fonts(string path)
    {
        // Given a page with formulas, loaded with its fonts
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, path);

        // When its formulas and fonts are inspected
        var formulas = page.Locator(".katex");
        var count = await formulas.CountAsync();
        var hidden = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.katex')].filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden'; }).length");
        var errors = await page.Locator(".katex-error").CountAsync();
        var katexFontLoaded = await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded'); }");

        // Then there are formulas, all drawn, none failed, in KaTeX's own fonts
        Assert.True(count > 0, $"{path}: no .katex element");
        Assert.True(await formulas.First.IsVisibleAsync(), $"{path}: the first formula is not visible");
        Assert.Equal(0, hidden);
        Assert.Equal(0, errors);
        Assert.True(katexFontLoaded, $"{path}: no KaTeX font was loaded");
    }

    [BrowserFact]
    public async Task Should_Load_Every_Stylesheet_Script_And_Font_From_The_Site_Itself()
    {
        // Given a page whose requests are recorded
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var requested = new List<string>();
        var failed = new List<string>();
        context.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        context.RequestFailed += (_, request) => { lock (failed) failed.Add(request.Url + " " + request.Failure); };

        // When the LayerNorm page and its fonts have loaded
        await site.OpenAsync(context, SitePaths.LayerNorm);

        // Then nothing came from elsewhere (no CDN) and nothing failed
        var origin = site.Url("");
        lock (requested)
        {
            Assert.Contains(requested, u => u.Contains("/assets/katex/", StringComparison.Ordinal));
            Assert.All(requested, u => Assert.StartsWith(origin, u, StringComparison.Ordinal));
        }
        lock (failed) Assert.Empty(failed);
    }
}
