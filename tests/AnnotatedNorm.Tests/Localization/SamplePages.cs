using System.Collections.Immutable;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

/// <summary>Hand-built documents, so these tests do not depend on the parser.</summary>
internal static class SamplePages
{
    public const string Path = "normalization/layer_norm/LayerNorm.cs";

    /// <summary>A document whose section k starts at source line 100·k + 1, its Markdown at column 4 (after "// ").</summary>
    public static AnnotatedDocument Document(string? title, string? summary, params string[] sections) => new(
        Path,
        DocumentKind.CSharp,
        false,
        new FrontMatter(title, summary) { TitlePosition = new(2, 11), SummaryPosition = new(3, 13) },
        [.. sections.Select((markdown, k) => new Section(
            k,
            [],
            [],
            new Commentary(markdown, [.. markdown.Split('\n').Select((_, i) => new SourcePosition(100 * k + 1 + i, 4))])))]);

    public static AnnotatedDocument Paragraphs(params string[] paragraphs) =>
        Document("Layer Normalization", null, string.Join("\n\n", paragraphs));

    /// <summary>A catalog in which every unit of the document is translated as "[ja] " + its English.</summary>
    public static TranslationCatalog TranslatedCatalog(AnnotatedDocument document, Func<string, string>? translate = null)
    {
        var fresh = CatalogUpdater.Update(document, null, new CatalogUpdateOptions("ja")).Catalog;
        translate ??= s => "訳 " + s;
        return Reread(fresh with
        {
            Entries = [.. fresh.Entries.Select(e => e with { Target = translate(e.Source), State = TranslationState.Translated })],
        });
    }

    /// <summary>Writes and reads back a catalog, so entries know where their targets are in the file.</summary>
    public static TranslationCatalog Reread(TranslationCatalog catalog) =>
        XliffCatalogReader.Read(XliffCatalogWriter.ToText(catalog), TranslationCatalog.PathFor(Path, catalog.TargetLanguage));

    public static TranslationCatalog WithTarget(TranslationCatalog catalog, string source, string target) => Reread(catalog with
    {
        Entries = [.. catalog.Entries.Select(e => e.Source == source ? e with { Target = target } : e)],
    });

    public static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    public static ImmutableArray<string> Sources(TranslationCatalog catalog) => [.. catalog.Entries.Select(e => e.Source)];
}
