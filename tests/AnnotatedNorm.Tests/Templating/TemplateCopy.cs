using System.Collections.Immutable;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Tests.Site;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Tests.Templating;

/// <summary>A private copy of the site's real templates and an empty folder for their compiled assemblies.</summary>
public sealed class TemplateCopy : IDisposable
{
    public TemplateCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), $"annotatednorm-templates-{Guid.NewGuid():N}");
        Templates = Path.Combine(Root, "templates");
        Cache = Path.Combine(Root, "cache");
        Directory.CreateDirectory(Templates);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SiteTree.Templates, "templates"), "*.cshtml"))
            File.Copy(file, Path.Combine(Templates, Path.GetFileName(file)));
    }

    public string Root { get; }

    public string Templates { get; }

    public string Cache { get; }

    public PageRenderer Renderer(bool withCache = true) =>
        new(Templates, "site-templates/templates", withCache ? Cache : null);

    /// <summary>The compiled templates kept in the cache folder.</summary>
    public ImmutableArray<string> StoredFiles() => Stored("*.template");

    /// <summary>The notes of which compiled template the current template files give, kept in the cache folder.</summary>
    public ImmutableArray<string> SourceNotes() => Stored("*.source");

    private ImmutableArray<string> Stored(string pattern) =>
        Directory.Exists(Cache) ? [.. Directory.EnumerateFiles(Cache, pattern).Order(StringComparer.Ordinal)] : [];

    /// <summary>Replaces line <paramref name="line"/> (1-based) of a template, or inserts before it.</summary>
    public void Edit(string template, int line, string text, bool insert = false)
    {
        var path = Path.Combine(Templates, template + ".cshtml");
        var lines = File.ReadAllLines(path).ToList();
        if (insert) lines.Insert(line - 1, text);
        else lines[line - 1] = text;
        File.WriteAllLines(path, lines);
    }

    /// <summary>Every page kind once, so every template (the layout and the listing included) takes part.</summary>
    public static async Task<ImmutableArray<string>> RenderEveryKind(PageRenderer renderer)
    {
        await renderer.CompileAllAsync();
        var ui = UiStringsReader.Read(SiteTree.Templates, "en", "site-templates");
        var pages = ImmutableArray.CreateBuilder<string>();
        foreach (var kind in Enum.GetValues<PageKind>())
            pages.Add(await renderer.RenderAsync(Page(kind, ui)));
        return pages.ToImmutable();
    }

    private static PageModel Page(PageKind kind, UiStrings ui) => new()
    {
        Kind = kind,
        Culture = "en",
        OutputPath = $"demo/{kind}.html",
        Title = $"A {kind} page & more",
        SiteTitle = "Test Site",
        Description = "Checks <encoding>.",
        AssetRoot = "../",
        HomeHref = "../index.html",
        CanonicalUrl = $"https://example.org/demo/{kind}.html",
        Breadcrumbs = [new Link("demo", "index.html")],
        Alternates = [new Alternate("en", "English", $"{kind}.html", $"https://example.org/demo/{kind}.html", true),
            new Alternate("ja", "日本語", $"../ja/demo/{kind}.html", $"https://example.org/ja/demo/{kind}.html", false)],
        Sections = [new SectionModel(0, "<p>first</p>", "<pre>int x;</pre>"), new SectionModel(1, "<p>second</p>", "<pre>x++;</pre>")],
        BodyHtml = "<p>body</p>",
        Entries = [new IndexEntry("Layer norm", "Normalizes features.", "layer.html", false, []),
            new IndexEntry("More", "A folder.", "more/index.html", true, [new IndexEntry("Inner", "", "more/inner.html", false, [])])],
        Ui = ui,
    };

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
