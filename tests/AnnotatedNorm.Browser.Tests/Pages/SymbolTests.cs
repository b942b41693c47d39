using System.Text.Json;
using System.Text.Json.Serialization;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class SymbolTests(SiteBrowserFixture site, ITestOutputHelper output)
{
    // Of the uses that link to another section, the one whose target is farthest away, so following it must scroll;
    // its symbol is also named in the commentary's <code>, when one is.
    private const string FarthestUseLink = """
        () => {
          const links = [...document.querySelectorAll('.code a[data-sym]')];
          let best = null;
          links.forEach((a, index) => {
            const from = Number(a.closest('.section').id.replace('section-', ''));
            const to = Number((a.getAttribute('href') || '').replace('#section-', ''));
            const prose = document.querySelectorAll(`[data-sym-prose="${a.dataset.sym}"]`).length;
            const score = Math.abs(to - from) + (prose > 0 && to !== from ? 1000 : 0);
            if (!Number.isNaN(to) && (best === null || score > best.score))
              best = { index, score, distance: Math.abs(to - from), sym: a.dataset.sym, href: a.getAttribute('href'), prose };
          });
          return best;
        }
        """;

    private const string Marked = "() => [...document.querySelectorAll('.sym-active')].map(e => e.dataset.sym || e.dataset.symProse)";

    private async Task<(IPage Page, UseLink Link, ILocator Use)> OpenWithFarthestUseAsync(IBrowserContext context)
    {
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var link = (await page.EvaluateAsync<JsonElement>(FarthestUseLink)).Deserialize<UseLink>();
        Assert.NotNull(link);
        Assert.True(link.Distance > 0, "every use links to its own section");
        var use = page.Locator(".code a[data-sym]").Nth(link.Index);
        await use.ScrollIntoViewIfNeededAsync();
        return (page, link, use);
    }

    [BrowserFact]
    public async Task Should_Highlight_Every_Use_In_Place_Commentary_Included_Without_Leaving_The_Use()
    {
        // Given the LayerNorm page scrolled to a use whose declaration is far away
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (page, link, use) = await OpenWithFarthestUseAsync(context);
        var scrolled = await page.EvaluateAsync<double>("() => scrollY");

        // When the use is clicked
        await use.ClickAsync();

        // Then every use of its symbol is marked, in the code and in the commentary's <code>, and only those
        var marked = await page.EvaluateAsync<string[]>(Marked);
        Assert.Equal(await page.Locator($"[data-sym='{link.Sym}']").CountAsync() + link.Prose, marked.Length);
        Assert.All(marked, m => Assert.Equal(link.Sym, m));
        Assert.True(link.Prose > 0, "the symbol is named in no commentary, so prose highlighting is untested");
        // And the page stayed where it was, at the same address
        Assert.Equal(site.Url(SitePaths.LayerNorm), page.Url);
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => scrollY"), 1);
        Assert.Equal("true", await use.GetAttributeAsync("aria-pressed"));
        Assert.True(await page.Locator(".sym-bar").IsVisibleAsync());
    }

    [BrowserTheory]
    [InlineData("Escape")]
    [InlineData("second click")]
    [InlineData("click elsewhere")]
    public async Task Should_Clear_The_Highlight(string how)
    {
        // Given a highlighted symbol
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (page, _, use) = await OpenWithFarthestUseAsync(context);
        await use.ClickAsync();
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(Marked));

        // When the reader presses Escape, clicks the use again, or clicks the commentary
        switch (how)
        {
            case "Escape": await page.Keyboard.PressAsync("Escape"); break;
            case "second click": await use.ClickAsync(); break;
            default: await use.Locator("xpath=ancestor::div[contains(@class,'section')]").Locator(".docs").ClickAsync(new() { Position = new() { X = 60, Y = 4 } }); break;
        }

        // Then nothing is marked and the bar is gone
        Assert.Empty(await page.EvaluateAsync<string[]>(Marked));
        Assert.False(await page.Locator(".sym-bar").IsVisibleAsync());
        Assert.Null(await use.GetAttributeAsync("aria-pressed"));
    }

    [BrowserFact]
    public async Task Should_Reach_The_Declaring_Section_From_The_Bar_And_Forget_The_Highlight_On_Back()
    {
        // Given a highlighted use whose declaration is far away
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (page, link, use) = await OpenWithFarthestUseAsync(context);
        await use.ClickAsync();

        // When the bar's declaration link is followed
        var opened = page.WaitForURLAsync(site.Url(SitePaths.LayerNorm + link.Href));
        await page.ClickAsync(".sym-bar .sym-declaration");
        await opened;

        // Then the declaring section is in view, with the uses still marked
        var section = page.Locator($"div.section{link.Href}");
        Assert.Equal(1, await section.Locator($".decl[data-sym='{link.Sym}']").CountAsync());
        Assert.InRange(await section.EvaluateAsync<double>("s => s.getBoundingClientRect().top"), -1, Viewport.Desktop.Height - 1);
        Assert.NotEmpty(await page.EvaluateAsync<string[]>(Marked));

        // When the reader goes back
        await page.GoBackAsync();
        await page.WaitForURLAsync(site.Url(SitePaths.LayerNorm));

        // Then the highlight is gone
        Assert.Empty(await page.EvaluateAsync<string[]>(Marked));
    }

    [BrowserFact]
    public async Task Should_Make_Each_Code_Block_One_Tab_Stop_With_Its_Symbols_On_The_Arrow_Keys()
    {
        // Given the LayerNorm page, which has dozens of symbol links
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var symbolLinks = await page.Locator(".code a[data-sym]").CountAsync();
        var tabStops = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('a[href], button, [tabindex]')].filter(e => e.tabIndex >= 0 && e.getClientRects().length > 0).length");

        output.WriteLine($"{tabStops} tab stops, {symbolLinks} symbol links");

        // Then no symbol link is a tab stop of its own, and there are far fewer stops than symbols
        Assert.True(symbolLinks > 40, $"only {symbolLinks} symbol links");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.code a[data-sym]')].filter(a => a.tabIndex >= 0).length"));
        Assert.True(tabStops < symbolLinks, $"{tabStops} tab stops for {symbolLinks} symbol links");

        // When the first code block with symbols is focused and the arrow keys pressed
        var block = page.Locator(".code pre[tabindex='0']:has(a[data-sym])").First;
        await block.FocusAsync();
        Assert.NotEmpty(await block.GetAttributeAsync("aria-label") ?? "");
        await page.Keyboard.PressAsync("ArrowRight");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.dataset.sym");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowLeft");

        // Then the focus moves from symbol to symbol inside the block, and Enter highlights the focused one
        Assert.Equal(first, await page.EvaluateAsync<string>("() => document.activeElement.dataset.sym"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Contains(first, await page.EvaluateAsync<string[]>(Marked));
        Assert.Equal(site.Url(SitePaths.LayerNorm), page.Url);
    }

    private sealed record UseLink(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("distance")] int Distance,
        [property: JsonPropertyName("sym")] string Sym,
        [property: JsonPropertyName("href")] string Href,
        [property: JsonPropertyName("prose")] int Prose);
}
