using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Localization;

/// <summary>What <c>i18n update</c> did to one page's catalog in one language.</summary>
public sealed record CatalogChange(string CatalogPath, string Culture, bool Written, int Added, int MarkedStale, ImmutableArray<CatalogEntry> Removed, bool Pruned);

/// <summary>The site-wide side of translation: refresh every page's catalogs (<c>i18n update</c>) and count their state (<c>i18n status</c>).</summary>
public static class SiteCatalogs
{
    public static (ImmutableArray<CatalogChange> Changes, ImmutableArray<Diagnostic> Diagnostics) Update(BuildOptions options, bool prune)
    {
        var (site, documents, diagnostics) = Load(options);
        var examples = SavedExamples(site, documents);
        var changes = new List<CatalogChange>();
        foreach (var culture in site?.Configuration.Languages.Skip(1) ?? [])
            foreach (var parsed in documents)
            {
                var path = site!.CatalogPath(parsed.Source, culture);
                var existing = site.ReadCatalog(parsed.Source, culture, diagnostics);
                // A catalog that is there but cannot be read (reported) holds translations nobody may lose: left alone.
                if (existing is null && File.Exists(path)) continue;
                CatalogUpdate update;
                try
                {
                    update = CatalogUpdater.Update(parsed.Document, existing, new CatalogUpdateOptions(culture, prune)
                    {
                        SourceLanguage = site.Configuration.DefaultLanguage, Math = site.Configuration.Math,
                        Labels = ExampleLabelReader.Read(examples, parsed.Source.RelativePath),
                    });
                }
                catch (ArgumentException e)
                {
                    ReportTooDeep(site, parsed, e, diagnostics);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var written = XliffCatalogWriter.Save(update.Catalog, path);
                changes.Add(new CatalogChange(SiteInput.Display(path), culture, written, update.Added.Length, update.MarkedStale.Length, update.Removed, prune));
            }
        return ([.. changes], [.. diagnostics.ToSortedArray()]);
    }

    public static (ImmutableArray<TranslationStatus> Rows, ImmutableArray<Diagnostic> Diagnostics) Status(BuildOptions options)
    {
        var (site, documents, diagnostics) = Load(options);
        var examples = SavedExamples(site, documents);
        var rows = new List<TranslationStatus>();
        foreach (var culture in site?.Configuration.Languages.Skip(1) ?? [])
            foreach (var parsed in documents)
            {
                LocalizedDocument localized;
                try
                {
                    localized = DocumentTranslator.Translate(parsed.Document, site!.ReadCatalog(parsed.Source, culture, diagnostics),
                        new TranslationOptions(culture, options.Strict)
                        {
                            SourceDisplayPath = site.DisplayPath(parsed.Source), Math = site.Configuration.Math,
                            Labels = ExampleLabelReader.Read(examples, parsed.Source.RelativePath),
                        });
                }
                catch (ArgumentException e)
                {
                    ReportTooDeep(site!, parsed, e, diagnostics);
                    continue;
                }
                foreach (var d in localized.Diagnostics) diagnostics.Add(d);
                rows.Add(TranslationStatus.Of(localized) with { DocumentPath = parsed.Source.RelativePath });
            }
        return ([.. rows], [.. diagnostics.ToSortedArray()]);
    }

    // The examples' saved results, whose texts are translated with their pages: the commands read them as the last
    // build saved them and compile nothing.
    private static ExampleResults SavedExamples(SiteInput? site, ImmutableArray<ParsedDocument> documents)
    {
        if (site is null) return ExampleResults.None;
        var declarations = ExampleFinder.Find(documents, new DiagnosticBag());
        var saved = new ExampleResultsFile(site.ContentRoot).Read().Outputs;
        return new ExampleResults(declarations, saved.Where(o => declarations.Any(d => d.Id == o.Key)).ToImmutableDictionary(StringComparer.Ordinal));
    }

    // English that Markdig refuses as nested past its depth limit has no units to translate: the page is an error, as
    // in a build, and its catalog is left as it is.
    private static void ReportTooDeep(SiteInput site, ParsedDocument parsed, ArgumentException e, DiagnosticBag diagnostics)
    {
        var at = parsed.Document.Sections.FirstOrDefault()?.Commentary.PositionOf(0, 0) ?? new Documents.SourcePosition(1, 1);
        diagnostics.Add(Diagnostic.Error(site.DisplayPath(parsed.Source), at.Line, at.Column, CommentaryRendering.CommentaryRenderer.NestingCode,
            $"the page cannot be translated: {e.Message}"));
    }

    private static (SiteInput?, ImmutableArray<ParsedDocument>, DiagnosticBag) Load(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var site = SiteDiscoverer.Discover(options, diagnostics);
            var documents = SiteParser.Parse(site, diagnostics);
            // Inherited documentation is English to translate like the rest, and only the compiler can say what it is.
            if (documents.Any(d => d.Text.Contains("<inheritdoc", StringComparison.Ordinal)))
                documents = SiteParser.Inherit(site, documents, Highlighting.SiteHighlighter.Highlight(site, documents, new DiagnosticBag()));
            return (site, documents, diagnostics);
        }
        catch (BuildException e)
        {
            diagnostics.Add(e.Diagnostic);
            return (null, [], diagnostics);
        }
    }
}
