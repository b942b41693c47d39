using AnnotatedNorm.Browser.Tests.Infrastructure;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Browser.Tests.Pages;

/// <summary>Every page of code the project did not write renders whole: each code line shown as written, and the footer at the end.</summary>
public sealed class CorpusTests(CorpusSiteFixture corpus) : IClassFixture<CorpusSiteFixture>
{
    [BrowserFact]
    public async Task Should_Show_Every_Code_Line_And_The_Footer_On_Every_Page_Of_Each_Corpus()
    {
        // Given the generator's own sources and the sources packages embed, each built into a site
        Assert.NotEmpty(corpus.Sites);
        var failures = new List<string>();
        var pages = 0;
        foreach (var (name, content, address, parser) in corpus.Sites)
        {
            foreach (var file in Directory.EnumerateFiles(content, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(content, f)))
            {
                var relative = Path.GetRelativePath(content, file).Replace('\\', '/');
                var text = File.ReadAllText(file).TrimStart('\uFEFF');
                var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
                // The lines each section shows: its code lines less the blank ones at either end.
                var expected = parser.ParseCSharp(relative, text).Sections.SelectMany(s =>
                {
                    var code = s.CodeLines.SkipWhile(l => l.Text.Trim().Length == 0).Reverse().SkipWhile(l => l.Text.Trim().Length == 0).Reverse();
                    return code.Select(l => l.Number);
                }).ToHashSet();

                // When the page is opened in Chromium and scrolled to its end
                var page = await corpus.OpenAsync(new Uri(address, OutputPaths.Escape(OutputPaths.ForSource(relative))));
                var shown = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
                    () => {
                      window.scrollTo(0, document.documentElement.scrollHeight);
                      const footer = document.querySelector('footer.site-footer');
                      const box = footer ? footer.getBoundingClientRect() : null;
                      return {
                        lines: [...document.querySelectorAll('.line[data-line]')]
                          .filter(l => l.checkVisibility() && l.getClientRects().length > 0)
                          .map(l => [Number(l.dataset.line), l.textContent]),
                        footer: !!footer && footer.checkVisibility() && box.height > 0 && box.top < innerHeight && box.bottom <= innerHeight + 1,
                      };
                    }
                    """);
                await page.Context.CloseAsync();
                pages++;

                // Then every code line is there, visible and as written, and the footer is in view at the end
                var seen = shown.GetProperty("lines").EnumerateArray().Select(l => (Number: l[0].GetInt32(), Text: l[1].GetString()!)).ToList();
                var missing = expected.Except(seen.Select(l => l.Number)).Order().ToList();
                if (missing.Count > 0) failures.Add($"{name}/{relative}: {missing.Count} of {expected.Count} code lines not visible, first {missing[0]}");
                var altered = seen.FirstOrDefault(l => l.Number <= lines.Length && l.Text != lines[l.Number - 1]);
                if (altered != default) failures.Add($"{name}/{relative}:{altered.Number} shows '{altered.Text}' for '{lines[altered.Number - 1]}'");
                if (!shown.GetProperty("footer").GetBoolean()) failures.Add($"{name}/{relative}: the footer is not visible at the end of the page");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems on {pages} pages:\n" + string.Join("\n", failures));
    }

    // A content folder may hold build products (bin/, obj/), which are not pages.
    private static bool IsBuildOutput(string content, string file) =>
        Path.GetRelativePath(content, file).Replace('\\', '/').Split('/') is var parts && parts.Any(p => p is "bin" or "obj" or ".annotatednorm" or "output");
}
