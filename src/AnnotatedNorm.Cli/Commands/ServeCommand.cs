using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using AnnotatedNorm.Cli.Serving;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Serving;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>serve</c>: builds the site in memory, serves it on the loopback address, and rebuilds and reloads on every edit.</summary>
internal sealed class ServeCommand : ICommand
{
    public const int DefaultPort = 8000;

    public string Name => "serve";

    public string Summary => "serve the site on 127.0.0.1, rebuild on every edit and reload the browser";

    public string Help => $"""
        Usage: annotatednorm serve [options]

        Builds the site in memory and serves it at http://127.0.0.1:<port>/ (this machine only).
        The output folder is not touched. Edits under the content and templates folders rebuild the
        site and reload the open pages that changed. A broken edit prints its diagnostics here and
        shows them over the page in the browser; the last good pages stay served until it is fixed.
        Ctrl+C stops the server.

        Options:
          --port <n>          port to listen on (default: {DefaultPort}; 0 picks a free one)
          --content <dir>     content folder with site.json (default: content)
          --templates <dir>   templates folder (default: site-templates)
          --strict            stale or missing translations are errors
          --verbose           print the time of each stage of every build
          --quiet             print only diagnostics

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "strict", "verbose", "quiet" };

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "content", "templates", "port" };

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        var port = int.TryParse(options.Value("port", DefaultPort.ToString(CultureInfo.InvariantCulture)), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535
            ? p
            : throw new UsageException($"'--port {options.Value("port", "")}' is not a port number (0-65535)");
        var buildOptions = BuildCommand.ReadBuildOptions(options) with { WriteOutput = false };
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var log = new ServeLog(output, error, options.Has("verbose"), options.Has("quiet"));
        return await ServeAsync(buildOptions, port, log, started: null, stop.Token);
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled; <paramref name="started"/> learns the address.</summary>
    internal static async Task<int> ServeAsync(BuildOptions options, int port, ServeLog log, Action<Uri>? started, CancellationToken stop)
    {
        using var site = new SiteRebuilder(options with { LiveReloadScript = LiveReloadScript.Text });
        log.Report(await site.RebuildAsync());
        // The first index is waited for, so that search works from the first page opened.
        await ReportIndexAsync(site.SearchIndex, log);
        SiteServer server;
        try
        {
            server = await SiteServer.StartAsync(site, port);
        }
        catch (IOException e)
        {
            log.Error($"annotatednorm serve: cannot listen on 127.0.0.1:{port}: {e.Message}");
            return CommandTable.BuildErrors;
        }
        await using (server)
        {
            log.Line($"serving {server.Address} (Ctrl+C to stop)");
            started?.Invoke(server.Address);
            // One rebuild at a time; edits made during a rebuild queue exactly one more.
            var pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
            using var watcher = new SiteWatcher([options.ContentFolder, options.TemplatesFolder], () => pending.Writer.TryWrite(true));
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, server.Stopping);
            try
            {
                await foreach (var edit in pending.Reader.ReadAllAsync(stopping.Token))
                {
                    var update = await site.RebuildAsync();
                    log.Report(update);
                    server.Announce(update);
                    _ = ReportIndexAsync(site.SearchIndex, log);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: a clean stop.
            }
        }
        log.Line("stopped");
        return CommandTable.Success;
    }

    // A failed index leaves the previous one served; the reader learns why here.
    private static async Task ReportIndexAsync(Task<Diagnostic?> index, ServeLog log)
    {
        if (await index is { } failure) log.Error(failure.ToString());
    }
}
