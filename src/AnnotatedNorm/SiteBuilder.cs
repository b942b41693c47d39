using System.Collections.Immutable;
using System.Diagnostics;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm;

/// <summary>The build, stage by stage: this is the table of contents of the generator.</summary>
public static class SiteBuilder
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options)
    {
        var run = new BuildRun();
        try
        {
            var site = run.Stage("discover", () => Building.SiteInput.Discover(options));
            var documents = run.Stage("parse", () => Building.Parse.All(site, run.Diagnostics));
            var code = run.Stage("highlight", () => Building.Highlight.All(site, documents));
            using var commentary = run.Stage("typeset setup", () => Building.RenderCommentary.Start(site));
            var contents = run.Stage("localize + render", () => Building.RenderCommentary.All(site, documents, code, commentary, run.Diagnostics));
            var pages = run.Stage("assemble", () => Building.Assemble.All(site, contents));
            var files = await run.StageAsync("template", () => Building.Template.AllAsync(site, pages, commentary));
            if (!run.Diagnostics.HasErrors && options.WriteOutput)
                run.Stage("publish", () => Building.Publish.All(site, files));
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

    public BuildResult Result(IReadOnlyList<Pages.PageModel> pages) => new(
        Diagnostics.ToSortedArray(),
        pages.Where(p => p.Kind != Pages.PageKind.NotFound).GroupBy(p => p.Culture)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        [.. times]);
}
