using AnnotatedNorm.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(SiteBrowserFixture site, ITestOutputHelper output)
{
    // Runs before any script of the page; what the browser refused is kept on window for the test to read.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private const string Violations = "() => window.__violations";

    private const string KatexFontLoaded =
        "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.includes('KaTeX') && f.status === 'loaded'); }";

    private async Task<(IPage Page, List<string> Console)> NewTabAsync(IBrowserContext context)
    {
        var tab = await context.NewPageAsync();
        var console = new List<string>();
        tab.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (console) console.Add(message.Text);
        };
        await tab.AddInitScriptAsync(RecordViolations);
        return (tab, console);
    }

    [BrowserFact]
    public async Task Should_Report_No_Policy_Violation_On_Any_Page_Served_Or_From_Files()
    {
        // Given every page of the site, in both languages, with its policy
        var pages = Directory.EnumerateFiles(site.OutputFolder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.OutputFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains("ja/404.html", pages);
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (tab, console) = await NewTabAsync(context);
        var found = new List<string>();

        // When each page is loaded from the server and from its file, and its script runs (the theme toggle)
        foreach (var path in pages)
            foreach (var url in new[] { site.Url(path), new Uri(Path.Combine(site.OutputFolder, path)).AbsoluteUri })
            {
                await tab.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
                Assert.Contains("Content-Security-Policy", await tab.ContentAsync(), StringComparison.Ordinal);
                await tab.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                if (!path.EndsWith("404.html", StringComparison.Ordinal) || url.StartsWith("http", StringComparison.Ordinal))
                {
                    await tab.ClickAsync(".theme-toggle");
                    Assert.Equal("dark", await tab.GetAttributeAsync("html", "data-theme"));
                    await tab.EvaluateAsync("() => localStorage.clear()");
                }
                found.AddRange((await tab.EvaluateAsync<string[]>(Violations)).Select(v => $"{url}: {v}"));
            }

        // Then the browser refused nothing, neither in an event nor on the console
        output.WriteLine($"checked {pages.Length} pages, served and from files");
        lock (console) found.AddRange(console);
        Assert.Empty(found);
    }

    [BrowserFact]
    public async Task Should_Keep_Theme_Symbols_And_Formula_Fonts_Working_From_A_File()
    {
        // Given the LayerNorm page opened from its file, with the dark theme stored
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (tab, console) = await NewTabAsync(context);
        var file = new Uri(Path.Combine(site.OutputFolder, SitePaths.LayerNorm)).AbsoluteUri;
        await tab.GotoAsync(file, new() { WaitUntil = WaitUntilState.Load });
        await tab.EvaluateAsync("() => localStorage.setItem('annotatednorm-theme', 'dark')");

        // When it is loaded again, a symbol is clicked and the theme toggled
        await tab.ReloadAsync(new() { WaitUntil = WaitUntilState.Load });
        var themeBeforeScripts = await tab.GetAttributeAsync("html", "data-theme");
        var fontLoaded = await tab.EvaluateAsync<bool>(KatexFontLoaded);
        var use = tab.Locator(".code a[data-sym]").First;
        await use.ScrollIntoViewIfNeededAsync();
        await use.ClickAsync();
        var marked = await tab.Locator(".sym-active").CountAsync();
        await tab.ClickAsync(".theme-toggle");

        // Then the inline theme script applied the stored theme, the site's script ran, KaTeX's fonts loaded, and nothing was refused
        Assert.Equal("dark", themeBeforeScripts);
        Assert.True(marked > 0, "clicking a symbol marked none of its uses");
        Assert.Equal("light", await tab.GetAttributeAsync("html", "data-theme"));
        Assert.True(fontLoaded, "no KaTeX font was loaded from the file");
        Assert.Empty(await tab.EvaluateAsync<string[]>(Violations));
        Assert.Empty(console);
    }

    [BrowserFact]
    public async Task Should_Block_An_Inline_Script_The_Site_Did_Not_Write()
    {
        // Given the LayerNorm page as served, with a script and an event handler injected into its commentary
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var (tab, _) = await NewTabAsync(context);
        await tab.RouteAsync("**/" + SitePaths.LayerNorm, async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            // Right after the opening tag of <main>, whatever attributes it has
            var main = html.IndexOf("<main id=\"content\"", StringComparison.Ordinal);
            Assert.True(main >= 0, "no <main id=\"content\"> in the page");
            var at = html.IndexOf('>', main) + 1;
            html = html.Insert(at, "<script>window.injected = 'script';</script><img src=\"missing.png\" onerror=\"window.injected = 'handler'\">");
            await route.FulfillAsync(new() { Response = response, Body = html });
        });

        // When it loads
        await tab.GotoAsync(site.Url(SitePaths.LayerNorm), new() { WaitUntil = WaitUntilState.Load });
        await tab.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        // Then neither ran, both were reported, and the site's own scripts still work
        Assert.Equal("none", await tab.EvaluateAsync<string>("() => window.injected || 'none'"));
        var violations = await tab.EvaluateAsync<string[]>(Violations);
        Assert.Equal(2, violations.Count(v => v.StartsWith("script-src", StringComparison.Ordinal)));
        await tab.ClickAsync(".theme-toggle");
        Assert.Equal("dark", await tab.GetAttributeAsync("html", "data-theme"));
    }
}
