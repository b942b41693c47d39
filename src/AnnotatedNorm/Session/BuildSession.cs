using System.Collections.Immutable;
using System.Text.Json;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;
using AnnotatedNorm.Templating;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Session;

/// <summary>
/// Everything one build may reuse from another, in one place: the engines (KaTeX in V8, Razor), and for <c>serve</c>
/// the parsed documents, the identifier bindings and the rendered pages. A one-off build uses a session of its own;
/// <c>serve</c> keeps one for its whole life. What carries over between processes lives in the build cache on disk
/// (<see cref="BuildCache"/>), which <see cref="Begin"/> opens for each build.
/// </summary>
/// <remarks>
/// An engine is replaced only when what it was made from changes: the KaTeX engine when the templates folder, the
/// formula store or the site's math macros change, the Razor engine when any template file changes. Builds using one
/// session must not run at the same time.
/// </remarks>
public sealed class BuildSession : IDisposable
{
    private SiteTypesetter? typesetter;
    private string typesetterKey = "";
    private PageRenderer? templates;
    private string templatesKey = "";

    /// <summary>
    /// Whether builds keep what they made for the next one in memory (documents, bindings, pages): worth it for
    /// <c>serve</c>, which rebuilds after every edit, while a one-off build lets them go as soon as it can.
    /// </summary>
    public bool KeepsResults { get; init; }

    /// <summary>How many times a KaTeX engine was started; a rebuild that reused it leaves this unchanged.</summary>
    public int TypesettingStarts { get; private set; }

    /// <summary>How many times a Razor engine was created; a rebuild that reused it leaves this unchanged.</summary>
    public int TemplateEngineStarts { get; private set; }

    /// <summary>The documents of the last build with their syntax trees, by relative path (<see cref="KeepsResults"/>).</summary>
    internal IReadOnlyDictionary<string, ParsedDocument>? Documents { get; set; }

    /// <summary>What highlighting worked out for each syntax tree, for trees that a later build is given again.</summary>
    internal HighlightMemo Highlighting { get; } = new();

    /// <summary>What identifiers bound to in the last successful build, replayed by the next one if the code is unchanged.</summary>
    internal HighlightRecording? Bindings { get; set; }

    /// <summary>The rendered content of the last builds' pages (<see cref="KeepsResults"/>).</summary>
    public PageContentMemo? Pages => KeepsResults ? pages ??= new PageContentMemo() : null;

    private PageContentMemo? pages;

    /// <summary>The pages of the last builds as HTML (<see cref="KeepsResults"/>).</summary>
    public PageFileMemo? Files => KeepsResults ? files ??= new PageFileMemo() : null;

    private PageFileMemo? files;

    private ProjectSettingsStore? projects;
    private string? projectsFolder;

    /// <summary>
    /// Where MSBuild's answer about the content's project is kept: in memory for the session, and in the build cache of
    /// the output folder when the build writes one and was not told to do without a cache (<c>--no-cache</c>); <c>check</c>
    /// writes nothing.
    /// </summary>
    internal ProjectSettingsStore Projects(BuildOptions options)
    {
        var folder = options.UseCache && options.WriteOutput ? BuildCache.FolderFor(Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar)) : null;
        if (projects is null || folder != projectsFolder) (projects, projectsFolder) = (new ProjectSettingsStore(folder), folder);
        return projects;
    }

    /// <summary>Starts a build: its stages' timings and diagnostics, and the build cache of its output folder when it has one.</summary>
    public SiteBuild Begin(BuildOptions options) => new(this, options);

    /// <param name="formulaFolder">Where typeset formulas are kept between runs, or null to keep them in memory only.</param>
    /// <param name="katex">KaTeX, asked for only when a new engine starts.</param>
    internal SiteTypesetter Typesetter(SiteInput site, string? formulaFolder, Func<KatexPackage> katex)
    {
        var key = site.TemplatesRoot + "\n" + formulaFolder + "\n" + JsonSerializer.Serialize(site.Configuration.MathMacros, SiteJson.Default.IReadOnlyDictionaryStringString)
            + "\n" + site.Configuration.Math;
        if (typesetter is null || key != typesetterKey)
        {
            var started = SiteTypesetter.Start(site, katex(), formulaFolder);
            typesetter?.Dispose();
            (typesetter, typesetterKey) = (started, key);
            TypesettingStarts++;
        }
        return typesetter;
    }

    /// <param name="assemblyFolder">Where compiled templates are kept between runs, or null to keep them in memory only.</param>
    internal PageRenderer Templates(string templatesRoot, string? assemblyFolder)
    {
        var folder = Path.Combine(templatesRoot, "templates");
        // RazorLight caches a compiled template for the life of its engine, so any change to a template file (content,
        // a new partial, a deletion) must produce a new engine.
        var key = FileIdentity.StampFolder(folder) + "\n" + assemblyFolder;
        if (templates is null || key != templatesKey)
        {
            (templates, templatesKey) = (new PageRenderer(folder, SiteInput.Display(folder), assemblyFolder), key);
            TemplateEngineStarts++;
        }
        return templates;
    }

    /// <summary>Keeps a build's documents for the next one, when this session keeps results.</summary>
    internal void Keep(ImmutableArray<ParsedDocument> documents)
    {
        if (KeepsResults) Documents = documents.ToDictionary(d => d.Source.RelativePath, StringComparer.Ordinal);
    }

    public void Dispose()
    {
        typesetter?.Dispose();
        typesetter = null;
    }
}
