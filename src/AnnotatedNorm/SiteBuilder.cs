using System.Collections.Immutable;
using System.Diagnostics;
using AnnotatedNorm.Building;
using AnnotatedNorm.Caching;
using AnnotatedNorm.Checking;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Serving;

namespace AnnotatedNorm;

/// <summary>The build, stage by stage: this is the table of contents of the generator.</summary>
public static class SiteBuilder
{
    /// <param name="session">Engines kept from an earlier build (<c>serve</c>); null for a one-off build.</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, BuildSession? session = null)
    {
        var cached = options.UseCache && options.WriteOutput && options.LiveReloadScript is null;
        var run = new BuildRun(options.Progress, StageCount: 7 + (options.CheckLinks ? 1 : 0) + (options.WriteOutput ? 1 : 0) + (cached ? 2 : 0));
        using var owned = session is null ? new BuildSession() : null;
        var engines = session ?? owned!;
        var bindingsSaved = Task.CompletedTask;
        var formulasSaved = Task.CompletedTask;
        try
        {
            // Without stored formulas a build typesets every formula it meets: V8 loads on an idle core while the
            // inputs are fingerprinted and discovered, one thread each.
            if (session is null && !(cached && BuildCache.HasFormulas(options)))
                _ = Task.Run(Typesetting.KatexRenderer.PrepareV8);
            var cache = cached ? run.Stage("fingerprint", () => BuildCache.Open(options)) : null;
            if (cache?.TryReuse() is { } unchanged)
                return new BuildResult(unchanged.Diagnostics, unchanged.PagesPerCulture, run.Times) { UpToDate = true };
            var site = run.Stage("discover", () => SiteInput.Discover(options));
            // A first build compiles the code against references nothing has read yet: read them beside parsing.
            if (engines.Bindings is null && cache?.HasBindings != true)
                _ = Task.Run(() => Highlighting.CodeHighlighter.Warm(site.ReferencePaths));
            // Compiling the templates needs nothing but the templates, so it runs beside parsing and highlighting.
            var templates = engines.Templates(site, cache?.TemplatesFolder);
            var templatesCompiled = Task.Run(templates.CompileAllAsync);
            var documents = engines.Keep(run.Stage("parse", () => ParsedDocuments.Parse(site, run.Diagnostics, engines.Documents)));
            // KaTeX needs only the commentary, so its formulas are typeset beside highlighting.
            var typesetting = run.Stage("start typesetting", () => engines.Typesetting(site, cache?.Folder));
            _ = typesetting.TypesetAhead(documents);
            var code = run.Stage("highlight", () => SiteCode.Highlight(site, documents, engines.Bindings ?? cache?.ReadBindings()));
            if (code.Replayed) run.Reuse("bindings");
            // The bindings are final once highlighted: writing them beside rendering takes the write off the end of the build.
            bindingsSaved = cache is not null && code.Recording is { } recording && !code.Replayed
                ? Task.Run(() => BuildCache.Record(() => cache.SaveBindings(recording)))
                : Task.CompletedTask;
            documents = documents.WithoutTrees();
            var renderer = new PageContentRenderer(site, code, typesetting, run.Diagnostics, engines.Pages);
            var contents = run.Stage("localize + render", () => site.Configuration.Languages.Select(c => (c, run.Pages(documents, site.Configuration.Languages.Length, d => renderer.RenderAll(d, c)))).ToList());
            if (cache is not null && !typesetting.Math.EngineStarted) run.Reuse("formulas");
            // Every formula of the site was typeset by rendering, so the store is written beside templating.
            if (cache is not null && !run.Diagnostics.HasErrors)
                formulasSaved = Task.Run(() => BuildCache.Record(() => typesetting.Math.SaveFormulas()));
            var assembler = new SiteAssembler(site.Configuration, site.Ui);
            var pages = run.Stage("assemble", () => contents.SelectMany(c => assembler.Assemble(c.Item1, c.Item2)).ToImmutableArray());
            var files = await run.StageAsync("template", async () =>
            {
                await templatesCompiled;
                if (cache is not null && templates.Compilations == 0) run.Reuse("templates");
                return await SiteFiles.RenderAsync(site, pages, typesetting, templates, engines.Files);
            });
            if (options.CheckLinks)
                run.Stage("check links", () => run.Report(LinkChecker.Check(files, LinkOrigin.For(site))));
            if (!run.Diagnostics.HasErrors && options.WriteOutput)
            {
                cache?.Invalidate();
                run.Stage("publish", () => SiteWriter.Publish(options.OutputFolder, files));
            }
            var result = run.Result(pages) with { Files = run.Diagnostics.HasErrors ? [] : files };
            if (!result.Succeeded) return result;
            engines.Bindings = code.Recording;
            if (cache is not null) await run.StageAsync("save cache", async () =>
            {
                await bindingsSaved;
                await formulasSaved;
                SaveCache(result, cache, templates);
                return 0;
            });
            return result with { StageTimes = run.Times, StageProcessorTimes = run.ProcessorTimes, StageAllocations = run.Allocations };
        }
        catch (BuildException e)
        {
            run.Diagnostics.Add(e.Diagnostic);
            return run.Result([]);
        }
        finally
        {
            // A build that stops early still lets the cache writes finish, each whole or not at all.
            await bindingsSaved;
            await formulasSaved;
        }
    }

    /// <summary>What a later build can take from this one besides the bindings and formulas: templates, and the record of the output.</summary>
    private static void SaveCache(BuildResult result, BuildCache cache, Templating.PageRenderer templates) =>
        BuildCache.Record(() =>
        {
            templates.PruneStoredTemplates();
            cache.Save(result.Diagnostics, result.PagesPerCulture);
        });
}

/// <summary>Diagnostics and stage timings of one build.</summary>
internal sealed class BuildRun(IProgress<BuildProgress>? progress, int StageCount)
{
    private readonly List<(string, TimeSpan)> times = [];
    private readonly List<TimeSpan> processorTimes = [];
    private readonly List<long> allocations = [];
    private readonly List<string> reused = [];
    private string stage = "";
    private int pagesDone;
    private int pagesTotal;

    public DiagnosticBag Diagnostics { get; } = new();

    public T Stage<T>(string name, Func<T> stage)
    {
        Enter(name);
        var (clock, processor, allocated) = (Stopwatch.StartNew(), ProcessorTime(), GC.GetTotalAllocatedBytes());
        try { return stage(); }
        finally { Leave(name, clock, processor, allocated); }
    }

    public void Stage(string name, Action stage) => Stage(name, () => { stage(); return 0; });

    public async Task<T> StageAsync<T>(string name, Func<Task<T>> stage)
    {
        Enter(name);
        var (clock, processor, allocated) = (Stopwatch.StartNew(), ProcessorTime(), GC.GetTotalAllocatedBytes());
        try { return await stage(); }
        finally { Leave(name, clock, processor, allocated); }
    }

    /// <summary>Renders documents one at a time (each in parallel inside), so progress can count pages as they finish.</summary>
    public ImmutableArray<T> Pages<T>(ImmutableArray<ParsedDocument> documents, int cultures, Func<ImmutableArray<ParsedDocument>, ImmutableArray<T>> render)
    {
        if (progress is null) return render(documents);
        pagesTotal = documents.Length * cultures;
        var results = new ImmutableArray<T>[documents.Length];
        Parallel.For(0, documents.Length, i =>
        {
            results[i] = render([documents[i]]);
            progress.Report(new BuildProgress(stage, times.Count + 1, StageCount, Interlocked.Increment(ref pagesDone), pagesTotal));
        });
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>Notes that <paramref name="what"/> came from an earlier build.</summary>
    public void Reuse(string what) => reused.Add(what);

    public void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Diagnostics.Add(diagnostic);
    }

    private void Enter(string name)
    {
        stage = name;
        progress?.Report(new BuildProgress(name, times.Count + 1, StageCount, pagesDone, pagesTotal));
    }

    private void Leave(string name, Stopwatch clock, TimeSpan processor, long allocated)
    {
        times.Add((name, clock.Elapsed));
        processorTimes.Add(ProcessorTime() - processor);
        allocations.Add(GC.GetTotalAllocatedBytes() - allocated);
    }

    // The whole process's processor time: work a stage hands to other threads, and the collector's, counts too.
    private static TimeSpan ProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;

    public ImmutableArray<(string Stage, TimeSpan Elapsed)> Times => [.. times];

    public ImmutableArray<TimeSpan> ProcessorTimes => [.. processorTimes];

    public ImmutableArray<long> Allocations => [.. allocations];

    public BuildResult Result(IReadOnlyList<PageModel> pages) => new(
        Diagnostics.ToSortedArray(),
        pages.Where(p => p.Kind != PageKind.NotFound).GroupBy(p => p.Culture)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        [.. times]) { Reused = [.. reused], StageProcessorTimes = [.. processorTimes], StageAllocations = [.. allocations] };
}
