using System.Collections.Immutable;
using System.Diagnostics;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Session;

/// <summary>
/// One build in progress: it times its stages, collects their diagnostics, and decides with its session and the build
/// cache on disk what the stages can reuse and what is kept for the next build.
/// </summary>
public sealed class SiteBuild
{
    private readonly BuildSession session;
    private readonly BuildOptions options;
    private readonly List<(string, TimeSpan)> times = [];
    private readonly List<string> reused = [];
    private readonly List<string> notes = [];
    private readonly List<Task> saving = [];
    private BuildCache? cache;
    private BuildEngines? engines;
    private int pagesDone;

    internal SiteBuild(BuildSession session, BuildOptions options)
    {
        this.session = session;
        this.options = options;
        // The build cache records what a build wrote into its output folder, so only a build that writes uses it; with
        // the live-reload script, pages differ from the ones a normal build writes.
        UsesCache = options.UseCache && options.WriteOutput && options.LiveReloadScript is null;
        // Without stored formulas a build typesets every formula it meets: V8 loads on the idle core while the inputs
        // are fingerprinted and discovered.
        if (session.TypesettingStarts == 0 && !(UsesCache && BuildCache.HasFormulas(options))) BuildEngines.PrepareTypesetting();
    }

    public DiagnosticBag Diagnostics { get; } = new();

    public bool Succeeded => !Diagnostics.HasErrors;

    private bool UsesCache { get; }

    internal BuildSession Session => session;

    internal BuildCache? Cache => cache;

    /// <summary>Where discovery finds and keeps what MSBuild said about the content's project.</summary>
    internal ProjectSettingsStore Projects => session.Projects(options);

    public T Stage<T>(string name, Func<T> stage)
    {
        options.Progress?.Report(new BuildProgress(name, pagesDone, 0));
        var clock = Stopwatch.StartNew();
        try { return stage(); }
        finally { times.Add((name, clock.Elapsed)); }
    }

    public void Stage(string name, Action stage) => Stage(name, () => { stage(); return 0; });

    public async Task<T> StageAsync<T>(string name, Func<Task<T>> stage)
    {
        options.Progress?.Report(new BuildProgress(name, pagesDone, 0));
        var clock = Stopwatch.StartNew();
        try { return await stage(); }
        finally { times.Add((name, clock.Elapsed)); }
    }

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Diagnostics.Add(diagnostic);
    }

    /// <summary>Tells the progress display that one more page (of <paramref name="total"/> across cultures) is rendered.</summary>
    public void PageRendered(int total) =>
        options.Progress?.Report(new BuildProgress("render", Interlocked.Increment(ref pagesDone), total));

    /// <summary>
    /// The result of the build that wrote the output folder, when every input is as it was then and the folder is as
    /// it left it (see <see cref="BuildCache"/>): this build then has nothing to do. Null otherwise, and the build's
    /// templates packages start to be located (see <see cref="TemplatePackages"/>).
    /// </summary>
    public BuildResult? Unchanged()
    {
        if (UsesCache)
        {
            cache = Stage("fingerprint", () => BuildCache.Open(options));
            if (cache.TryReuse() is { } record)
                return new BuildResult(record.Diagnostics, record.PagesPerCulture, [.. times]) { UpToDate = true };
        }
        // What needs only the templates folder starts now, beside discovery and the MSBuild process it may wait for.
        var opened = cache;
        var templatesRoot = Path.GetFullPath(options.TemplatesFolder);
        packages = new TemplatePackages(templatesRoot, () => opened?.PackagesLocated());
        var renderer = session.Templates(templatesRoot, cache?.TemplatesFolder);
        templates = (renderer, Task.Run(renderer.CompileAllAsync));
        return null;
    }

    /// <summary>The templates' KaTeX and Pagefind, being located since <see cref="Unchanged"/> found work to do.</summary>
    internal TemplatePackages Packages => packages ?? throw NotStarted();

    /// <summary>The Razor engine of the templates, and its compiling of every template, started when <see cref="Unchanged"/> found work to do.</summary>
    internal (PageRenderer Renderer, Task Compiled) Templates => templates ?? throw NotStarted();

    private TemplatePackages? packages;
    private (PageRenderer, Task)? templates;

    private static InvalidOperationException NotStarted() => new("the templates' engines start once the build knows it has work to do");

    /// <summary>The engines and earlier results the stages of this build use; they start warming up at once.</summary>
    public BuildEngines Engines(SiteInput site)
    {
        cache?.ProjectRead(site.Project is null ? [] : Projects.Stamps);
        if (site.Project is not null && Projects.Reused) NoteReused("project settings");
        return engines = new BuildEngines(this, site);
    }

    internal void NoteReused(string what) => reused.Add(what);

    /// <summary>Records something <c>--verbose</c> shows, such as how many examples ran.</summary>
    public void Note(string note) => notes.Add(note);

    /// <summary>Runs a write for the next build beside the rest of this one; a cache that cannot be written only costs the next build time.</summary>
    internal void SaveInBackground(Action write) => saving.Add(Task.Run(() => BuildCache.Record(write)));

    /// <summary>Waits for what is being kept for the next build, and records a successful build in the cache.</summary>
    public async Task<BuildResult> FinishAsync(ImmutableArray<PageModel> pages, ImmutableArray<OutputFile> files, string contentSecurityPolicy)
    {
        if (!Succeeded) return await FailAsync();
        var result = Result(pages) with { Files = files, ContentSecurityPolicy = contentSecurityPolicy };
        engines?.Finished();
        if (cache is not null)
            await StageAsync("save cache", async () =>
            {
                await Task.WhenAll(saving);
                BuildCache.Record(() =>
                {
                    engines?.PruneTemplates();
                    cache.Save(result.Diagnostics, result.PagesPerCulture);
                });
                return 0;
            });
        return result with { StageTimes = [.. times] };
    }

    /// <summary>Ends a build that failed; whatever is being kept for the next build is still written whole or not at all.</summary>
    public async Task<BuildResult> FailAsync(Diagnostic? diagnostic = null)
    {
        if (diagnostic is not null) Diagnostics.Add(diagnostic);
        await Task.WhenAll(saving);
        return Result([]);
    }

    private BuildResult Result(IReadOnlyList<PageModel> pages) => new(
        Diagnostics.ToSortedArray(),
        pages.Where(p => p.Kind != PageKind.NotFound).GroupBy(p => p.Culture)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        [.. times]) { Reused = [.. reused], Notes = [.. notes] };
}
