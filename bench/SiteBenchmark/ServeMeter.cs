using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace SiteBenchmark;

/// <summary>
/// Times <c>serve</c> from an edit to the reload it causes: starts the command line's <c>serve</c> on a corpus, listens
/// to its live-reload event stream as an open page does, changes one line of commentary in a source file and waits for
/// the update that names the file's page. The time includes the watcher's quiet period, as a reader's wait does.
/// </summary>
internal static class ServeMeter
{
    public static async Task<List<TimeSpan>> MeasureAsync(string cli, string templates, Corpus corpus, int edits)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = corpus.Root,
        };
        foreach (var arg in new[] { cli, "serve", "--quiet", "--content", corpus.Content, "--templates", templates, "--port", port.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var source = Path.Combine(corpus.Content, CorpusGenerator.RelativePath(0));
        var original = await File.ReadAllTextAsync(source);
        var page = Path.ChangeExtension(CorpusGenerator.RelativePath(0), ".html").Replace('\\', '/');
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var events = new StreamReader(await OpenEventsAsync(http, process, output));
            // The first message is the state when the stream opened: the first build, once it is done.
            var version = (await NextUpdateAsync(events, TimeSpan.FromMinutes(3))).Version;
            var times = new List<TimeSpan>();
            for (var edit = 1; edit <= edits; edit++)
            {
                var clock = Stopwatch.StartNew();
                await File.WriteAllTextAsync(source, ReplaceFirst(original, "// ", $"// Edit {edit}: "));
                while (true)
                {
                    var update = await NextUpdateAsync(events, TimeSpan.FromSeconds(60));
                    if (update.Version <= version) continue;
                    version = update.Version;
                    if (update.Changed.Contains(page)) break;
                }
                times.Add(clock.Elapsed);
                // Let the watcher and any follow-up work settle before the next edit.
                await Task.Delay(1000);
            }
            return times;
        }
        finally
        {
            await File.WriteAllTextAsync(source, original);
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"no '{find}' in the corpus file") : text[..at] + replacement + text[(at + find.Length)..];
    }

    private static async Task<Stream> OpenEventsAsync(HttpClient http, Process process, System.Text.StringBuilder output)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"serve exited with code {process.ExitCode}:\n{output}");
            try
            {
                var response = await http.GetAsync("__annotatednorm/events", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStreamAsync();
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(100);
            }
        }
    }

    private sealed record Update(int Version, string[] Changed);

    private static async Task<Update> NextUpdateAsync(StreamReader events, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line["data: ".Length..]);
            return new Update(json.RootElement.GetProperty("version").GetInt32(),
                [.. json.RootElement.GetProperty("changed").EnumerateArray().Select(e => e.GetString()!)]);
        }
        throw new InvalidOperationException("serve closed its event stream");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
