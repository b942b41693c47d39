using System.Collections.Immutable;
using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;
using AnnotatedNorm.Session;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>The Localize and Render-commentary stages for one culture: each document translated, its commentary and code turned into HTML.</summary>
/// <param name="memo">Pages of earlier builds to reuse when nothing they are made of changed (<c>serve</c>); null renders every page.</param>
public sealed class PageContentRenderer(SiteInput site, HighlightedSite code, SiteTypesetter typesetting, DiagnosticBag diagnostics, PageContentMemo? memo = null,
    ExampleResults? examples = null)
{
    private readonly string siteKey = memo is null ? "" : PageContentMemo.SiteKey(site, code);

    // Links are resolved for every page of every culture: sets, so a link costs the same on a site of any size.
    private readonly HashSet<string> sources = site.Sources.Select(s => s.RelativePath).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> assets = site.Assets.ToHashSet(StringComparer.Ordinal);

    /// <summary>The Render stage: every page of every culture, translated and turned into HTML.</summary>
    /// <param name="pageRendered">Told the number of pages to render each time one is done, for a progress display.</param>
    /// <param name="examples">What the examples of the pages returned, shown in the sections that declare them.</param>
    public static ImmutableArray<CulturePages> RenderSite(SiteInput site, ImmutableArray<ParsedDocument> documents, HighlightedSite code, ExampleResults examples,
        SiteTypesetter typesetter, DiagnosticBag diagnostics, PageContentMemo? memo = null, Action<int>? pageRendered = null)
    {
        var renderer = new PageContentRenderer(site, code, typesetter, diagnostics, memo, examples);
        var total = documents.Length * site.Configuration.Languages.Length;
        return [.. site.Configuration.Languages.Select(culture => new CulturePages(culture, renderer.RenderAll(documents, culture, () => pageRendered?.Invoke(total))))];
    }

    public ImmutableArray<PageContent> RenderAll(ImmutableArray<ParsedDocument> documents, string culture, Action? pageRendered = null)
    {
        var contents = new PageContent?[documents.Length];
        Parallel.For(0, documents.Length, i =>
        {
            contents[i] = Render(documents[i], culture);
            pageRendered?.Invoke();
        });
        return [.. contents.OfType<PageContent>()];
    }

    private PageContent? Render(ParsedDocument parsed, string culture)
    {
        if (memo is null) return Guarded(parsed, culture, diagnostics);
        var catalog = (culture == site.Configuration.DefaultLanguage ? "" : Session.FileIdentity.Digest(site.CatalogPath(parsed.Source, culture)))
            + (examples?.DigestOf(parsed.Source.RelativePath) ?? "");
        var key = new PageContentMemo.Key(siteKey, parsed, culture, code.SourceOf(parsed.Source.RelativePath), catalog, typesetting);
        return memo.GetOrRender(key, own => Guarded(parsed, culture, own), diagnostics);
    }

    // Markdig refuses Markdown nested past its depth limit (thousands of '>' or list levels) with an ArgumentException,
    // which an author's or a translator's text can reach: the page is then an error, not the end of the build.
    private PageContent? Guarded(ParsedDocument parsed, string culture, DiagnosticBag diagnostics)
    {
        try
        {
            return Render(parsed, culture, diagnostics);
        }
        catch (ArgumentException e)
        {
            var at = parsed.Document.Sections.FirstOrDefault()?.Commentary.Origins.FirstOrDefault() ?? default;
            diagnostics.Add(Diagnostic.Error(site.DisplayPath(parsed.Source), Math.Max(1, at.Line), Math.Max(1, at.Column), "AN0310",
                $"the {culture} page cannot be rendered: {e.Message}"));
            return null;
        }
    }

    private PageContent? Render(ParsedDocument parsed, string culture, DiagnosticBag diagnostics)
    {
        var isDefault = culture == site.Configuration.DefaultLanguage;
        var localized = isDefault ? null : Localize(parsed, culture, diagnostics);
        var document = localized?.Document ?? parsed.Document;
        var pageDiagnostics = new DiagnosticBag();
        var outputPath = parsed.Source.OutputPath;
        var page = new CommentaryPage(site.DisplayPath(parsed.Source), pageDiagnostics,
            (url, at) => ResolveLink(url, at, parsed.Source, culture, diagnostics),
            document.Sections.Select(s => $"section-{s.Index}"),
            (reference, at) => examples is null ? null : ExampleValueResolver.Resolve(examples, parsed.Source.RelativePath, site.DisplayPath(parsed.Source), reference, at, diagnostics));

        var lines = code.LinesOf(parsed.Source.RelativePath);
        var sections = ImmutableArray.CreateBuilder<SectionModel>(document.Sections.Length);
        foreach (var section in document.Sections)
        {
            Action<Markdig.Syntax.MarkdownDocument>? mark = localized is null ? null : markdown =>
                TranslationMarker.Mark(markdown, localized.UnitsOf(section.Index), new TranslationMarkerOptions(
                    culture,
                    site.Ui[culture]["staleTranslation"] + " " + site.Ui[culture]["staleTranslationLink"],
                    OutputPaths.Relative(OutputPaths.InCulture(outputPath, culture, site.Configuration.DefaultLanguage), outputPath)
                        + (parsed.Document.Kind == DocumentKind.CSharp ? $"#section-{section.Index}" : ""))
                { SourceCulture = site.Configuration.DefaultLanguage });
            // Raw HTML only where the site opts in, and never on a translated page: a translation is text, checked to
            // hold none, and this keeps a hole in that check from becoming markup on the page.
            var docs = typesetting.Commentary.Render(section.Commentary, page, allowHtml: site.Configuration.RawHtml && localized is null, mark);
            sections.Add(new SectionModel(section.Index, docs + Results(parsed, section.Index, culture, localized), CodeBlockWriter.Write(section.CodeLines, lines))
            {
                DeclaredNames = code.NamesDeclaredIn(parsed.Source.RelativePath, section.Index),
            });
        }
        // A translated page's positions are in its translated Markdown, not in the source, so its warnings (which
        // the English page reports at the right place) would only mislead; its errors still count.
        foreach (var d in pageDiagnostics.ToSortedArray().Where(d => localized is null || d.Severity == Severity.Error)) diagnostics.Add(d);

        var title = document.FrontMatter.Title ?? FirstHeading(document) ?? Path.GetFileNameWithoutExtension(parsed.Source.FileName);
        var hasOwnHeading = document.Sections.FirstOrDefault(s => !s.Commentary.IsEmpty)?.Commentary.Markdown.StartsWith("# ", StringComparison.Ordinal) == true;
        return parsed.Document.Kind == DocumentKind.Markdown
            ? new PageContent(parsed.Source, title, document.FrontMatter.Summary ?? "", [], string.Concat(sections.Select(s => s.DocsHtml)), hasOwnHeading)
            : new PageContent(parsed.Source, title, document.FrontMatter.Summary ?? "", sections.ToImmutable(), "", hasOwnHeading);
    }

    private string Results(ParsedDocument parsed, int section, string culture, LocalizedDocument? localized)
    {
        if (examples is null) return "";
        var writer = new ExampleHtmlWriter(site.Ui[culture], label => localized?.Label(label) ?? label);
        return string.Concat(examples.For(parsed.Source.RelativePath, section).Select((r, n) => writer.Write(r.Example, r.Outputs, $"example-{section}-{n}")));
    }

    private LocalizedDocument Localize(ParsedDocument parsed, string culture, DiagnosticBag diagnostics)
    {
        var catalog = site.ReadCatalog(parsed.Source, culture, diagnostics);
        var localized = DocumentTranslator.Translate(parsed.Document, catalog,
            new TranslationOptions(culture, site.Options.Strict)
            {
                SourceDisplayPath = site.DisplayPath(parsed.Source), Math = site.Configuration.Math,
                Labels = examples is null ? [] : ExampleLabelReader.Read(examples, parsed.Source.RelativePath),
            });
        foreach (var d in localized.Diagnostics) diagnostics.Add(d);
        return localized;
    }

    private string? ResolveLink(string url, SourcePosition at, SourceFile from, string culture, DiagnosticBag diagnostics)
    {
        if (url.StartsWith("cref:", StringComparison.Ordinal) && code.CrefOf(from.RelativePath, url[5..]) is { } bound)
        {
            // Empty: no link, the text stays (as code). An unbound cref was reported where the highlighter found it.
            return bound.Kind switch
            {
                CrefTargetKind.Source => code.SectionHref(bound.Target!, from.OutputPath) ?? "",
                CrefTargetKind.Framework => bound.Target,
                _ => "",
            };
        }
        if (url.StartsWith("cref:", StringComparison.Ordinal))
        {
            var href = code.CrefHref(url[5..], from.OutputPath);
            if (href is null)
                diagnostics.Add(Diagnostic.Warning(site.DisplayPath(from), Math.Max(1, at.Line), Math.Max(1, at.Column), "AN0601", $"'{url[5..]}' names no symbol declared in the content; the link goes nowhere"));
            return href ?? "#";
        }
        if (url.Contains(':') || url.StartsWith('#') || url.StartsWith('/')) return null;
        var (path, fragment) = url.Split('#', 2) is [var p, var f] ? (p, "#" + f) : (url, "");
        var target = Path.GetRelativePath(site.ContentRoot, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from.FullPath)!, Uri.UnescapeDataString(path)))).Replace('\\', '/');
        if (sources.Contains(target))
            return OutputPaths.ForSource(path) + fragment;
        // Images are published once, at the root of the site; pages of other cultures reach up to them.
        if (assets.Contains(target) && culture != site.Configuration.DefaultLanguage)
            return OutputPaths.Relative(OutputPaths.InCulture(from.OutputPath, culture, site.Configuration.DefaultLanguage), target) + fragment;
        return null;
    }

    private static string? FirstHeading(AnnotatedDocument document) =>
        document.Sections.SelectMany(s => s.Commentary.Markdown.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();
}

/// <summary>The rendered content of every page in one culture.</summary>
public sealed record CulturePages(string Culture, ImmutableArray<PageContent> Contents);
