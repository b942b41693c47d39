using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class AccessibilityTests(SiteBrowserFixture site, ITestOutputHelper output)
{
    // Three tabs at once keep both cores busy without making each page wait on the others.
    private const int ParallelPages = 3;

    // WCAG 2.1 A and AA, experimental rules included (label-content-name-mismatch is one). The second theme changes
    // only colours, so only the colour rules run again. KaTeX's drawing of each formula (.katex-html, about 70 % of
    // the elements of a code page) is left out: it is aria-hidden beside the MathML that is read, and takes the
    // colour of the text around it, which axe checks there; checking its spans one by one doubled the time.
    private const string RunAxe = """
        async coloursOnly => {
          const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
          const rules = axe.getRules(wcag).filter(r => !coloursOnly || r.tags.includes('cat.color')).map(r => r.ruleId);
          if (!rules.includes(coloursOnly ? 'link-in-text-block' : 'label-content-name-mismatch')) throw new Error('a rule is missing: ' + rules);
          const result = await axe.run({ exclude: [['.katex-html']] }, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.tags.some(t => wcag.includes(t)))
            .map(v => ({ id: v.id, impact: v.impact || '', count: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }));
        }
        """;

    [BrowserFact]
    public async Task Should_Find_No_Serious_Or_Critical_Violation_On_Any_Page_In_Either_Theme()
    {
        // Given every page of the site, in both languages, and axe-core
        var axe = await AxePackage.ScriptPathAsync(site.RepositoryFolder);
        var pages = Directory.EnumerateFiles(site.OutputFolder, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.OutputFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains("ja/404.html", pages);
        var queue = new ConcurrentQueue<string>(pages);
        var found = new ConcurrentBag<(string Page, string Theme, Violation Violation)>();
        var clock = Stopwatch.StartNew();
        var timings = new ConcurrentBag<(string Page, string Theme, long Milliseconds)>();

        // When axe checks each page in the light theme, then its colours again after the theme toggle turns it dark
        await Task.WhenAll(Enumerable.Range(0, ParallelPages).Select(async _ =>
        {
            await using var context = await site.NewContextAsync(Viewport.Desktop, injectsScripts: true);
            var tab = await context.NewPageAsync();
            while (queue.TryDequeue(out var path))
            {
                await tab.GotoAsync(site.Url(path), new() { WaitUntil = WaitUntilState.Load });
                await tab.EvaluateAsync("() => document.fonts.ready.then(() => true)");
                await tab.AddScriptTagAsync(new() { Path = axe });
                foreach (var theme in new[] { "light", "dark" })
                {
                    if (theme == "dark")
                    {
                        await tab.ClickAsync(".theme-toggle");
                        Assert.Equal("dark", await tab.GetAttributeAsync("html", "data-theme"));
                    }
                    var started = Stopwatch.StartNew();
                    var violations = (await tab.EvaluateAsync<JsonElement>(RunAxe, theme == "dark")).Deserialize<Violation[]>(Json)!;
                    timings.Add((path, theme, started.ElapsedMilliseconds));
                    foreach (var violation in violations) found.Add((path, theme, violation));
                }
                await tab.EvaluateAsync("() => localStorage.clear()");
            }
        }));

        // Then none is serious or critical
        output.WriteLine($"axe checked {pages.Length} pages in two themes in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var t in timings.OrderByDescending(t => t.Milliseconds).Take(5)) output.WriteLine($"slowest: {t.Page} {t.Theme} {t.Milliseconds} ms");
        foreach (var group in found.GroupBy(f => (f.Violation.Id, f.Violation.Impact)).OrderBy(g => g.Key.Id))
            output.WriteLine($"{group.Key.Impact} {group.Key.Id}: {group.Count()} page-themes, {group.Sum(f => f.Violation.Count)} nodes");
        var serious = found.Where(f => f.Violation.Impact is "serious" or "critical")
            .OrderBy(f => f.Page, StringComparer.Ordinal).ThenBy(f => f.Theme, StringComparer.Ordinal)
            .Select(f => $"{f.Page} ({f.Theme}): {f.Violation.Impact} {f.Violation.Id} x{f.Violation.Count} e.g. {string.Join(" | ", f.Violation.Targets)}")
            .ToArray();
        Assert.True(serious.Length == 0, $"{serious.Length} serious or critical violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }

    [BrowserFact]
    public async Task Should_Report_Violations_Put_Into_A_Page()
    {
        // Given a page with a nameless button and a symbol link that differs from the code only by colour
        var axe = await AxePackage.ScriptPathAsync(site.RepositoryFolder);
        await using var context = await site.NewContextAsync(Viewport.Desktop, injectsScripts: true);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        await page.EvaluateAsync("""
            () => {
              document.querySelector('main').append(document.createElement('button'));
              const style = document.createElement('style');
              style.textContent = '.code a[data-sym] { text-decoration: none !important; }';
              document.head.append(style);
            }
            """);
        await page.AddScriptTagAsync(new() { Path = axe });

        // When axe checks it as the site test does
        var violations = (await page.EvaluateAsync<JsonElement>(RunAxe, false)).Deserialize<Violation[]>(Json)!;

        // Then both are reported, as critical and serious
        Assert.Contains(violations, v => v is { Id: "button-name", Impact: "critical" });
        Assert.Contains(violations, v => v is { Id: "link-in-text-block", Impact: "serious" });
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Violation(string Id, string Impact, int Count, string[] Targets);
}
