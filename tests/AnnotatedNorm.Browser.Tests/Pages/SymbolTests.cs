using System.Text.Json;
using System.Text.Json.Serialization;
using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class SymbolTests(SiteBrowserFixture site)
{
    // The symbol declared in the page with the most uses, so a highlight that stops early shows.
    private const string MostUsedDeclaredSymbol = """
        () => {
          const counts = new Map();
          for (const e of document.querySelectorAll('.code [data-sym]')) counts.set(e.dataset.sym, (counts.get(e.dataset.sym) || 0) + 1);
          const declared = [...new Set([...document.querySelectorAll('.code .decl[data-sym]')].map(e => e.dataset.sym))];
          declared.sort((a, b) => counts.get(b) - counts.get(a));
          return declared[0] || '';
        }
        """;

    // Of the uses that link to another section, the one whose target is farthest away, so following it must scroll.
    private const string FarthestUseLink = """
        () => {
          const links = [...document.querySelectorAll('.code a[data-sym]')];
          let best = null;
          links.forEach((a, index) => {
            const from = Number(a.closest('.section').id.replace('section-', ''));
            const to = Number((a.getAttribute('href') || '').replace('#section-', ''));
            if (!Number.isNaN(to) && (best === null || Math.abs(to - from) > best.distance))
              best = { index, distance: Math.abs(to - from), sym: a.dataset.sym, href: a.getAttribute('href') };
          });
          return best;
        }
        """;

    [BrowserFact]
    public async Task Should_Highlight_Every_Use_Of_A_Clicked_Identifier_And_Nothing_Else()
    {
        // Given the LayerNorm page and a symbol it declares and uses
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var symbol = await page.EvaluateAsync<string>(MostUsedDeclaredSymbol);
        Assert.False(string.IsNullOrEmpty(symbol), "no declared symbol in the code");
        var uses = page.Locator($"[data-sym='{symbol}']");

        // When its declaration is clicked
        await page.Locator($".code .decl[data-sym='{symbol}']").First.ClickAsync();

        // Then every element of that symbol is highlighted, and only those
        var count = await uses.CountAsync();
        Assert.True(count > 1, $"{symbol} has {count} element(s)");
        for (var i = 0; i < count; i++)
            Assert.Contains("sym-active", await uses.Nth(i).GetAttributeAsync("class") ?? "");
        Assert.Equal(count, await page.Locator(".sym-active").CountAsync());
    }

    [BrowserFact]
    public async Task Should_Reach_The_Declaring_Section_When_Following_A_Use()
    {
        // Given the LayerNorm page and a use that links to a distant section
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var link = (await page.EvaluateAsync<JsonElement>(FarthestUseLink)).Deserialize<UseLink>();
        Assert.NotNull(link);
        Assert.True(link.Distance > 0, "every use links to its own section");

        // When the use is clicked
        await page.Locator(".code a[data-sym]").Nth(link.Index).ClickAsync();
        await page.WaitForURLAsync(site.Url(SitePaths.LayerNorm + link.Href));

        // Then the target section declares the symbol and is scrolled into view
        var section = page.Locator($"div.section{link.Href}");
        Assert.Equal(1, await section.Locator($".decl[data-sym='{link.Sym}']").CountAsync());
        var top = await section.EvaluateAsync<double>("s => s.getBoundingClientRect().top");
        Assert.InRange(top, -1, Viewport.Desktop.Height - 1);
    }

    private sealed record UseLink(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("distance")] int Distance,
        [property: JsonPropertyName("sym")] string Sym,
        [property: JsonPropertyName("href")] string Href);
}
