using System.Collections.Immutable;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>The XLIFF 1.2 <c>state</c> of a translation, limited to the values this project writes and reads.</summary>
public enum TranslationState
{
    New,
    NeedsReviewTranslation,
    Translated,
    Final,
}

/// <summary>One <c>trans-unit</c> of a catalog: the English it was made for and its translation.</summary>
/// <param name="Target">The translation; null or empty when there is none yet.</param>
/// <param name="Notes">The <c>note</c> texts, in file order.</param>
public sealed record CatalogEntry(string Id, string Source, string? Target, TranslationState State, ImmutableArray<string> Notes)
{
    /// <summary>Prefix of the note that keeps the English a stale translation was made for.</summary>
    public const string PreviousSourceNote = "previous source: ";

    /// <summary>Where the <c>target</c> element (or the <c>trans-unit</c> when there is no target) starts in the catalog file.</summary>
    public SourcePosition Position { get; init; }

    public bool HasTarget => !string.IsNullOrEmpty(Target);
}

/// <summary>The translations of one page into one language, as stored in <c>xlf/&lt;File&gt;.&lt;lang&gt;.xlf</c> next to the page's source.</summary>
/// <param name="Original">File name of the source the catalog belongs to (the <c>original</c> attribute).</param>
/// <param name="Entries">Units in document order; entries no longer in the source come last.</param>
public sealed record TranslationCatalog(string Original, string SourceLanguage, string TargetLanguage, ImmutableArray<CatalogEntry> Entries)
{
    /// <summary>The catalog's path as diagnostics should show it.</summary>
    public string Path { get; init; } = "";

    /// <summary>The catalog path for a document path and a culture: <c>dir/LayerNorm.cs</c> → <c>dir/xlf/LayerNorm.cs.ja.xlf</c>.</summary>
    public static string PathFor(string documentPath, string culture)
    {
        var slash = documentPath.LastIndexOf('/');
        var folder = slash < 0 ? "" : documentPath[..(slash + 1)];
        return $"{folder}xlf/{documentPath[(slash + 1)..]}.{culture}.xlf";
    }
}
