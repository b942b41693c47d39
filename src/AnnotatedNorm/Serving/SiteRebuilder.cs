using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Searching;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Serving;

/// <summary>What one rebuild changed for the browser: the site paths whose bytes differ, and the build's diagnostics.</summary>
/// <param name="Version">Counts rebuilds, so a client can tell two updates apart.</param>
/// <param name="Changed">Paths added, changed or removed since the last good build; empty when the build failed.</param>
public sealed record SiteUpdate(int Version, ImmutableArray<string> Changed, ImmutableArray<Diagnostic> Diagnostics, TimeSpan Elapsed)
{
    public ImmutableArray<(string Stage, TimeSpan Elapsed)> StageTimes { get; init; } = [];

    /// <summary>What the rebuild took from the previous one instead of computing it (see <see cref="BuildResult.Reused"/>).</summary>
    public ImmutableArray<string> Reused { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The site as <c>serve</c> holds it: rebuilt in memory on demand with one <see cref="BuildSession"/>, answering
/// requests from the last good build while a broken edit is being fixed. Writes nothing to disk.
/// </summary>
/// <remarks>
/// The search index is built after each rebuild rather than inside it: indexing the whole site takes longer than
/// rebuilding the page an edit changed, and the reader waits for the page, not for the index. Until the new index is
/// ready the previous one is served; a page that already loaded it searches the previous text until it reloads.
/// </remarks>
public sealed class SiteRebuilder(BuildOptions options) : IDisposable
{
    private readonly BuildSession session = new() { KeepsResults = true };
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock swap = new();
    private IReadOnlyDictionary<string, OutputFile> files = ImmutableDictionary<string, OutputFile>.Empty;

    /// <summary>The last update; its diagnostics are what a newly opened page must show.</summary>
    public SiteUpdate Latest { get; private set; } = new(0, [], [], TimeSpan.Zero);

    /// <summary>
    /// The search index of the latest good build, once it is served: its failure's diagnostic, or null when it
    /// succeeded or a newer build took its place.
    /// </summary>
    public Task<Diagnostic?> SearchIndex { get; private set; } = Task.FromResult<Diagnostic?>(null);

    public BuildSession Session => session;

    /// <summary>
    /// A file of the last good build by its site path ("ja/index.html"), or null. The path may also start with the
    /// path of the site's <c>baseUrl</c> ("annotatednorm/ja/index.html"): the 404 page links from there, since a host
    /// serves it at any depth.
    /// </summary>
    public OutputFile? Find(string path) => files.GetValueOrDefault(path)
        ?? (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal) ? files.GetValueOrDefault(path[basePath.Length..]) : null);

    private string basePath = "";

    /// <summary>The Content-Security-Policy of the pages served, sent with every answer as a header too.</summary>
    public string ContentSecurityPolicy { get; private set; } = Templating.ContentSecurityPolicy.For([LiveReloadScript.Text]);

    public async Task<SiteUpdate> RebuildAsync()
    {
        await gate.WaitAsync();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            BuildResult result;
            try
            {
                result = await SiteBuilder.BuildAsync(options with { WriteOutput = false, IndexSearch = false }, session);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failure no stage reported must not end serve: the last good pages stay served, and the error is shown.
                result = new BuildResult([Diagnostic.Error(options.ContentFolder, 1, 1, "AN0999",
                    $"the build stopped: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}")], ImmutableSortedDictionary<string, int>.Empty, []);
            }
            var changed = ImmutableArray<string>.Empty;
            var update = new SiteUpdate(Latest.Version + 1, changed, result.Diagnostics, clock.Elapsed) { StageTimes = result.StageTimes, Reused = result.Reused };
            lock (swap)
            {
                if (result.Succeeded)
                {
                    var pages = result.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
                    var before = files.Where(f => !IsIndex(f.Key)).ToDictionary(StringComparer.Ordinal);
                    changed = [.. pages.Keys.Concat(before.Keys).Distinct(StringComparer.Ordinal)
                        .Where(p => !(pages.TryGetValue(p, out var now) && before.TryGetValue(p, out var then) && now.Content.Span.SequenceEqual(then.Content.Span)))
                        .Order(StringComparer.Ordinal)];
                    // The previous index stays served beside the new pages until this build's is ready.
                    files = pages.Concat(files.Where(f => IsIndex(f.Key))).ToDictionary(StringComparer.Ordinal);
                    basePath = BasePath();
                    ContentSecurityPolicy = result.ContentSecurityPolicy;
                    update = update with { Changed = changed };
                    SearchIndex = IndexAsync(update.Version, result.Files);
                }
                Latest = update;
            }
            return update;
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsIndex(string path) => path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal);

    private Task<Diagnostic?> IndexAsync(int version, ImmutableArray<OutputFile> pages) => Task.Run(() =>
    {
        ImmutableArray<OutputFile> indexed;
        try
        {
            indexed = SearchIndexer.Index(PagefindPackage.Locate(Path.GetFullPath(options.TemplatesFolder)), pages);
        }
        catch (BuildException e)
        {
            return e.Diagnostic;
        }
        lock (swap)
        {
            // A newer build is served already; its own index follows.
            if (Latest.Version != version) return null;
            files = indexed.ToDictionary(f => f.Path, StringComparer.Ordinal);
        }
        return (Diagnostic?)null;
    });

    // The build succeeded, so site.json reads without error.
    private string BasePath()
    {
        var content = Path.GetFullPath(options.ContentFolder);
        var baseUrl = Configuration.SiteConfigurationReader.Read(content, Configuration.SiteConfiguration.FileName).BaseUrl;
        return new Uri(baseUrl).AbsolutePath.TrimStart('/');
    }

    public void Dispose()
    {
        session.Dispose();
        gate.Dispose();
    }
}
