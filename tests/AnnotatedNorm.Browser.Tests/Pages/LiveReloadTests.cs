using System.Diagnostics;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using AnnotatedNorm.Cli.Commands;
using AnnotatedNorm.Cli.Serving;
using Xunit.Abstractions;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class LiveReloadTests(SiteBrowserFixture site, ITestOutputHelper output)
{
    private const string Page = """
        // ---
        // title: Live
        // ---
        // The first line of commentary, with $x^2$.
        public static class Live
        {
            public static int Answer => 42;
        }
        """;

    [BrowserFact]
    public async Task Should_Reload_An_Open_Page_With_The_New_Commentary_After_An_Edit()
    {
        // Given serve running on a temporary content folder, and its page open in the browser
        var root = Path.Combine(Path.GetTempPath(), $"annotatednorm-serve-{Guid.NewGuid():N}");
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "site.json"), """
            { "title": "Live", "baseUrl": "https://example.org/", "languages": ["en"], "references": [] }
            """);
        var source = Path.Combine(content, "Live.cs");
        File.WriteAllText(source, Page);
        using var stop = new CancellationTokenSource();
        var address = new TaskCompletionSource<Uri>();
        var options = new BuildOptions(content, Path.Combine(site.RepositoryFolder, "site-templates"), Path.Combine(root, "output"));
        var serving = ServeCommand.ServeAsync(options, 0, new ServeLog(TextWriter.Null, TextWriter.Null), uri => address.SetResult(uri), stop.Token);
        try
        {
            var baseAddress = await address.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await using var context = await site.NewContextAsync(Viewport.Desktop);
            var page = await context.NewPageAsync();
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (refused) refused.Add(message.Text);
            };
            var response = await page.GotoAsync(new Uri(baseAddress, "Live.html").ToString());
            Assert.Contains("The first line of commentary", await page.InnerTextAsync(".docs"));
            // And the page's policy, which allows the live-reload script by its hash, is also the header serve sends
            var policy = await page.GetAttributeAsync("meta[http-equiv='Content-Security-Policy']", "content");
            Assert.Contains("'sha256-", policy, StringComparison.Ordinal);
            Assert.Equal(policy, await response!.HeaderValueAsync("content-security-policy"));
            await page.WaitForTimeoutAsync(300); // let the page's event stream connect

            // When a commentary line is edited
            var clock = Stopwatch.StartNew();
            File.WriteAllText(source, Page.Replace("The first line of commentary", "An edited line of commentary"));

            // Then the open page reloads by itself and shows the new text
            await page.WaitForFunctionAsync("() => document.querySelector('.docs')?.innerText.includes('An edited line of commentary')",
                null, new() { Timeout = 30_000 });
            output.WriteLine($"edit to reload: {clock.ElapsedMilliseconds} ms");
            Assert.Empty(await page.QuerySelectorAllAsync(".build-errors"));
            lock (refused) Assert.Empty(refused);
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await serving);
            Directory.Delete(root, recursive: true);
        }
    }
}
