using AnnotatedNorm.Checking;
using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Parsing;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Searching;
using AnnotatedNorm.Session;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm;

/// <summary>The build, stage by stage: this is the table of contents of the generator (see ARCHITECTURE.md).</summary>
public static class SiteBuilder
{
    /// <param name="session">What an earlier build left to reuse (<c>serve</c> keeps one); null for a one-off build.</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, BuildSession? session = null)
    {
        using var owned = session is null ? new BuildSession() : null;
        var build = (session ?? owned!).Begin(options);
        try
        {
            if (build.Unchanged() is { } upToDate) return upToDate;
            var site = build.Stage("discover", () => SiteDiscoverer.Discover(options, build.Diagnostics, build.Projects));
            var engines = build.Engines(site);
            var documents = build.Stage("parse", () => engines.Parsed(SiteParser.Parse(site, build.Diagnostics, engines.Documents)));
            var examples = build.Stage("examples", () => SiteExamples.Run(site, documents, build.Diagnostics, build.Note));
            var code = build.Stage("highlight", () => engines.Highlighted(SiteHighlighter.Highlight(site, documents, build.Diagnostics, engines.Bindings, engines.Highlighting)));
            documents = SiteParser.Inherit(site, documents.WithoutTrees(), code);
            var contents = build.Stage("render", () =>
                PageContentRenderer.RenderSite(site, documents, code, examples, engines.Typesetter, build.Diagnostics, engines.Pages, build.PageRendered));
            var pages = build.Stage("assemble", () => SiteAssembler.AssembleSite(site, contents));
            var files = await build.StageAsync("template", async () => await SiteTemplater.RenderAsync(site, pages, engines.Typesetter, await engines.Templates(), engines.Files));
            if (build.Succeeded && options.IndexSearch) files = build.Stage("index", () => SearchIndexer.Index(engines.Pagefind, files));
            if (options.CheckLinks) build.Stage("check links", () => build.Report(LinkChecker.Check(files, LinkOrigin.For(site))));
            if (options.WriteOutput && build.Succeeded) build.Stage("publish", () => SiteWriter.Publish(options.OutputFolder, files));
            return await build.FinishAsync(pages, files, site.ContentSecurityPolicy);
        }
        catch (BuildException e)
        {
            return await build.FailAsync(e.Diagnostic);
        }
    }
}
