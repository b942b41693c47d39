using System.Collections.Immutable;
using System.Text.Json;
using AnnotatedNorm.Building;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Serving;

/// <summary>
/// The expensive engines of a build, kept alive from one build to the next: KaTeX in V8 with its formula cache, and
/// the Razor engine with its compiled templates. A one-off build uses a session of its own; <c>serve</c> keeps one.
/// </summary>
/// <remarks>
/// An engine is replaced only when what it was made from changes: the KaTeX engine when the templates folder or the
/// site's math macros change, the Razor engine when any template file changes. Builds using one session must not
/// run at the same time.
/// </remarks>
public sealed class BuildSession : IDisposable
{
    private SiteTypesetting? typesetting;
    private string typesettingKey = "";
    private PageRenderer? renderer;
    private string rendererKey = "";

    /// <summary>What identifiers bound to in the last successful build, replayed by the next one if the code is unchanged.</summary>
    internal Highlighting.HighlightRecording? Bindings { get; set; }

    /// <summary>The documents of the last build with their syntax trees, by relative path, when this session keeps them (<see cref="KeepsDocuments"/>).</summary>
    internal IReadOnlyDictionary<string, ParsedDocument>? Documents { get; set; }

    /// <summary>
    /// Whether builds keep their parsed documents for the next one: worth it for <c>serve</c>, which rebuilds after every
    /// edit, while a one-off build lets them go as soon as they are highlighted.
    /// </summary>
    internal bool KeepsDocuments { get; init; }

    /// <summary>The rendered pages of the last builds, when this session keeps documents (<see cref="KeepsDocuments"/>).</summary>
    public PageContentMemo? Pages => KeepsDocuments ? pages ??= new PageContentMemo() : null;

    private PageContentMemo? pages;

    /// <summary>The pages of the last builds as HTML, when this session keeps documents (<see cref="KeepsDocuments"/>).</summary>
    public PageFileMemo? Files => KeepsDocuments ? files ??= new PageFileMemo() : null;

    private PageFileMemo? files;

    /// <summary>Keeps <paramref name="documents"/> for the next build when this session does (<see cref="KeepsDocuments"/>); returns them.</summary>
    internal ImmutableArray<ParsedDocument> Keep(ImmutableArray<ParsedDocument> documents)
    {
        if (KeepsDocuments) Documents = documents.ToDictionary(d => d.Source.RelativePath, StringComparer.Ordinal);
        return documents;
    }

    /// <summary>How many times a KaTeX engine was started; a rebuild that reused it leaves this unchanged.</summary>
    public int TypesettingStarts { get; private set; }

    /// <summary>How many times a Razor engine was created; a rebuild that reused it leaves this unchanged.</summary>
    public int TemplateEngineStarts { get; private set; }

    /// <param name="formulaFolder">Where typeset formulas are kept between runs, or null to keep them in memory only.</param>
    internal SiteTypesetting Typesetting(SiteInput site, string? formulaFolder = null)
    {
        var key = site.TemplatesRoot + "\n" + formulaFolder + "\n" + JsonSerializer.Serialize(site.Configuration.MathMacros, Caching.SiteJson.Default.IReadOnlyDictionaryStringString);
        if (typesetting is null || key != typesettingKey)
        {
            var started = SiteTypesetting.Start(site, formulaFolder);
            typesetting?.Dispose();
            (typesetting, typesettingKey) = (started, key);
            TypesettingStarts++;
        }
        return typesetting;
    }

    /// <param name="assemblyFolder">Where compiled templates are kept between runs, or null to keep them in memory only.</param>
    internal PageRenderer Templates(SiteInput site, string? assemblyFolder = null)
    {
        var folder = Path.Combine(site.TemplatesRoot, "templates");
        var key = Fingerprint(folder) + "\n" + assemblyFolder;
        if (renderer is null || key != rendererKey)
        {
            (renderer, rendererKey) = (new PageRenderer(folder, SiteInput.Display(folder), assemblyFolder), key);
            TemplateEngineStarts++;
        }
        return renderer;
    }

    public void Dispose()
    {
        typesetting?.Dispose();
        typesetting = null;
    }

    // RazorLight caches a compiled template for the life of its engine, so any change to a template file (content,
    // a new partial, a deletion) must produce a new engine.
    private static string Fingerprint(string folder) => !Directory.Exists(folder) ? "" : string.Join('\n',
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f)).Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
}
