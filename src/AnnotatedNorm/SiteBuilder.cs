using System.Collections.Immutable;
using System.Diagnostics;
using AnnotatedNorm.Building;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;

namespace AnnotatedNorm;

/// <summary>The build, stage by stage: this is the table of contents of the generator.</summary>
public static class SiteBuilder
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options)
    {
        var run = new BuildRun();
        try
        {
            var site = run.Stage("discover", () => SiteInput.Discover(options));
            var documents = run.Stage("parse", () => ParsedDocuments.Parse(site, run.Diagnostics));
            var code = run.Stage("highlight", () => SiteCode.Highlight(site, documents));
            using var typesetting = run.Stage("start typesetting", () => SiteTypesetting.Start(site));
            var renderer = new PageContentRenderer(site, code, typesetting, run.Diagnostics);
            var contents = run.Stage("localize + render", () => site.Configuration.Languages.Select(c => (c, renderer.RenderAll(documents, c))).ToList());
            var assembler = new SiteAssembler(site.Configuration, site.Ui);
            var pages = run.Stage("assemble", () => contents.SelectMany(c => assembler.Assemble(c.Item1, c.Item2)).ToImmutableArray());
            var files = await run.StageAsync("template", () => SiteFiles.RenderAsync(site, pages, typesetting));
            if (!run.Diagnostics.HasErrors && options.WriteOutput)
                run.Stage("publish", () => SiteWriter.Publish(options.OutputFolder, files));
            return run.Result(pages);
        }
        catch (BuildException e)
        {
            run.Diagnostics.Add(e.Diagnostic);
            return run.Result([]);
        }
    }
}

/// <summary>Diagnostics and stage timings of one build.</summary>
internal sealed class BuildRun
{
    private readonly List<(string, TimeSpan)> times = [];

    public DiagnosticBag Diagnostics { get; } = new();

    public T Stage<T>(string name, Func<T> stage)
    {
        var clock = Stopwatch.StartNew();
        try { return stage(); }
        finally { times.Add((name, clock.Elapsed)); }
    }

    public void Stage(string name, Action stage) => Stage(name, () => { stage(); return 0; });

    public async Task<T> StageAsync<T>(string name, Func<Task<T>> stage)
    {
        var clock = Stopwatch.StartNew();
        try { return await stage(); }
        finally { times.Add((name, clock.Elapsed)); }
    }

    public BuildResult Result(IReadOnlyList<PageModel> pages) => new(
        Diagnostics.ToSortedArray(),
        pages.Where(p => p.Kind != PageKind.NotFound).GroupBy(p => p.Culture)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        [.. times]);
}
