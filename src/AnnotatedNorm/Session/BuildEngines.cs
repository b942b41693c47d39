using System.Collections.Immutable;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;
using AnnotatedNorm.Templating;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Session;

/// <summary>
/// What the stages of one build take from earlier builds, and the engines they share, made when the site is discovered.
/// </summary>
/// <remarks>
/// Each engine starts the work it can do early on its own, on the core that parsing and highlighting leave idle: the
/// Razor templates compile (started with the build, beside discovery), Roslyn reads the reference assemblies when no
/// bindings can be replayed, and KaTeX typesets every formula once the documents are parsed. Reuse is noted for <c>--verbose</c> and the tests; what the next build
/// can reuse (bindings, formulas) is written in the background as soon as it is final.
/// </remarks>
public sealed class BuildEngines
{
    private readonly SiteBuild build;
    private readonly SiteInput site;
    private readonly PageRenderer templates;
    private readonly Task templatesCompiled;
    private readonly Lazy<SiteTypesetter> typesetter;
    private HighlightedSite? code;

    internal BuildEngines(SiteBuild build, SiteInput site)
    {
        this.build = build;
        this.site = site;
        var cache = build.Cache;
        Bindings = build.Session.Bindings ?? cache?.ReadBindings();
        // A first build compiles the code against references nothing has read yet: they are read beside parsing.
        if (Bindings is null) _ = Task.Run(() => CodeHighlighter.Warm(site.ReferencePaths));
        (templates, templatesCompiled) = build.Templates;
        typesetter = new(() => build.Session.Typesetter(site, cache?.Folder, () => build.Packages.Katex));
    }

    /// <summary>Loads V8 on a thread of its own, for a build that will surely typeset (see <see cref="KatexRenderer.PrepareV8"/>).</summary>
    internal static void PrepareTypesetting() => _ = Task.Run(KatexRenderer.PrepareV8);

    /// <summary>The documents of the previous build (<c>serve</c>), whose unchanged files are not parsed again; or null.</summary>
    public IReadOnlyDictionary<string, ParsedDocument>? Documents => build.Session.Documents;

    /// <summary>Identifier bindings of an earlier build, replayed when the code is unchanged; or null.</summary>
    internal HighlightRecording? Bindings { get; }

    /// <summary>What highlighting worked out for the trees of earlier builds in this session.</summary>
    internal HighlightMemo Highlighting => build.Session.Highlighting;

    /// <summary>KaTeX and the Markdown renderer over it, kept by the session while its macros and formula store are the same.</summary>
    public SiteTypesetter Typesetter => typesetter.Value;

    /// <summary>Pagefind's indexer, located (installed with KaTeX when missing) beside the earlier stages.</summary>
    /// <exception cref="Diagnostics.BuildException">npm fails, or leaves no Pagefind for this platform (AN1100).</exception>
    public Searching.PagefindPackage Pagefind => build.Packages.Pagefind;

    /// <summary>The rendered content of earlier builds (<c>serve</c>), or null.</summary>
    public PageContentMemo? Pages => build.Session.Pages;

    /// <summary>The HTML of earlier builds' pages (<c>serve</c>), or null.</summary>
    public PageFileMemo? Files => build.Session.Files;

    /// <summary>Keeps the parsed documents for the next build and starts typesetting their formulas; returns them.</summary>
    public ImmutableArray<ParsedDocument> Parsed(ImmutableArray<ParsedDocument> documents)
    {
        build.Session.Keep(documents);
        _ = Typesetter.TypesetAhead(documents);
        return documents;
    }

    /// <summary>Notes whether the bindings were replayed, and writes new ones for the next build beside rendering; returns the site.</summary>
    public HighlightedSite Highlighted(HighlightedSite highlighted)
    {
        code = highlighted;
        if (highlighted.Replayed) build.NoteReused("bindings");
        else if (build.Cache is { } cache && highlighted.Recording is { } recording) build.SaveInBackground(() => cache.SaveBindings(recording));
        return highlighted;
    }

    /// <summary>The Razor engine once every template is compiled; a template error is thrown here.</summary>
    public async Task<PageRenderer> Templates()
    {
        await templatesCompiled;
        // Every formula of the site was typeset by rendering, so the store is written beside templating.
        if (build.Cache is not null)
        {
            if (!Typesetter.Math.EngineStarted) build.NoteReused("formulas");
            if (build.Succeeded) build.SaveInBackground(() => Typesetter.Math.SaveFormulas());
            if (templates.Compilations == 0) build.NoteReused("templates");
        }
        return templates;
    }

    /// <summary>Called when the build succeeded: what it bound is what the next build in this session may replay.</summary>
    internal void Finished() => build.Session.Bindings = code?.Recording;

    internal void PruneTemplates() => templates.PruneStoredTemplates();
}
