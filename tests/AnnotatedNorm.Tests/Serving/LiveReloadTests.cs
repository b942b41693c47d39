using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using AnnotatedNorm.Cli.Commands;
using AnnotatedNorm.Cli.Serving;
using AnnotatedNorm.Serving;
using AnnotatedNorm.Tests.Cli;
using Xunit.Abstractions;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Serving;

public class LiveReloadTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_Reload_An_Edited_Page_Show_A_Broken_Edit_And_Recover()
    {
        // Given serve running on a small tree, and a page listening to its event stream
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var (output, error) = (new StringWriter(), new StringWriter());
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var serving = Task.Run(() => ServeCommand.ServeAsync(tree.Options, 0, new ServeLog(output, error), started.SetResult, stop.Token));
        var address = await started.Task.WaitAsync(Patience);
        using var http = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        var page = await http.GetStringAsync("Demo.html");
        Assert.Contains("The first line of commentary.", page);
        Assert.Contains(LiveReloadScript.EventsPath, page);
        var events = await Listen(http, stop.Token);
        Assert.Empty((await Next(events, _ => true)).GetProperty("errors").EnumerateArray());

        // When a commentary line is edited
        var clock = Stopwatch.StartNew();
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line."));
        var reload = await Next(events, m => Changed(m).Contains("Demo.html"));
        var eventTime = clock.Elapsed;
        var edited = await http.GetStringAsync("Demo.html");
        log.WriteLine($"edit to reload event: {eventTime.TotalMilliseconds:F0} ms; to new text served: {clock.Elapsed.TotalMilliseconds:F0} ms");

        // Then the page learns about it and the new text is served
        Assert.Empty(reload.GetProperty("errors").EnumerateArray());
        Assert.Contains("An edited line.", edited);

        // When the edit breaks a formula
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line.").Replace(@"\frac{1}{n}", @"\frac{1}{n"));
        var failure = await Next(events, m => m.GetProperty("errors").GetArrayLength() > 0);

        // Then the error reaches the page and the terminal, and the last good page stays served
        Assert.Contains(failure.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("Demo.cs(8,") && e.GetString()!.Contains("error AN0301"));
        Assert.Contains("An edited line.", await http.GetStringAsync("Demo.html"));
        Assert.Contains("error AN0301", error.ToString());

        // When it is fixed
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "Fixed again."));
        var recovery = await Next(events, m => m.GetProperty("errors").GetArrayLength() == 0);

        // Then
        Assert.Contains("Demo.html", Changed(recovery));
        Assert.Contains("Fixed again.", await http.GetStringAsync("Demo.html"));

        // When stopped, it exits cleanly
        stop.Cancel();
        Assert.Equal(0, await serving.WaitAsync(Patience));
        Assert.Contains("stopped", output.ToString());
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("assets/site.css", "text/css; charset=utf-8")]
    [InlineData("sitemap.xml", "text/xml; charset=utf-8")]
    [InlineData("assets/katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2")]
    [InlineData("logo.svg", "image/svg+xml; charset=utf-8")]
    public void Should_Give_Each_File_Its_Content_Type(string path, string expected)
    {
        // Given / When / Then
        Assert.Equal(expected, SiteServer.ContentTypeOf(path));
    }

    [Fact]
    public async Task Should_Serve_Folder_Urls_From_Their_Index_And_Answer_Unknown_Paths_With_404()
    {
        // Given
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("guide/readme.md", "# Guide\n\nA page.\n"));
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();
        await using var server = await SiteServer.StartAsync(site, 0);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        // When
        var root = await http.GetAsync("");
        var folder = await http.GetAsync("guide/");
        var slashless = await http.GetAsync("guide");
        var missing = await http.GetAsync("nope.html");

        // Then
        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.Equal(200, (int)root.StatusCode);
        Assert.Equal(200, (int)folder.StatusCode);
        Assert.Contains("guide", (await folder.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(("/guide/", 302), (slashless.Headers.Location?.OriginalString, (int)slashless.StatusCode));
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task Should_Exit_1_With_A_Message_When_The_Port_Is_Taken()
    {
        // Given a server already listening
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        await using var first = await SiteServer.StartAsync(site, 0);
        var (output, error) = (new StringWriter(), new StringWriter());

        // When a second one asks for the same port
        var exit = await ServeCommand.ServeAsync(tree.Options, first.Address.Port, new ServeLog(output, error), null, CancellationToken.None).WaitAsync(Patience);

        // Then
        Assert.Equal(1, exit);
        Assert.Contains($"cannot listen on 127.0.0.1:{first.Address.Port}", error.ToString());
    }

    private static string[] Changed(JsonElement message) => [.. message.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!)];

    private static async Task<ChannelReader<JsonElement>> Listen(HttpClient http, CancellationToken stop)
    {
        var response = await http.GetAsync(LiveReloadScript.EventsPath.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, stop);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        var messages = Channel.CreateUnbounded<JsonElement>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync(stop) is { } line)
                    if (line.StartsWith("data: ", StringComparison.Ordinal))
                        messages.Writer.TryWrite(JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The server stopped.
            }
            messages.Writer.TryComplete();
            response.Dispose();
        });
        return messages.Reader;
    }

    private static async Task<JsonElement> Next(ChannelReader<JsonElement> messages, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var message = await messages.ReadAsync(timeout.Token);
            if (wanted(message)) return message;
        }
    }
}
