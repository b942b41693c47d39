using System.Collections.Immutable;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>Settings of <c>i18n update</c> for one page and one language.</summary>
/// <param name="Prune">Drop entries whose unit is gone from the English instead of keeping them at the end.</param>
public sealed record CatalogUpdateOptions(string Culture, bool Prune = false)
{
    public string SourceLanguage { get; init; } = "en";

    /// <summary>Which dollars delimit math on the site: a paragraph of math alone is no unit.</summary>
    public Configuration.MathDelimiters Math { get; init; }

    /// <summary>The texts of the page's example results, translated with its commentary.</summary>
    public ImmutableArray<LabelText> Labels { get; init; } = [];
}

/// <summary>What an update produced.</summary>
/// <param name="Removed">Entries whose unit is no longer in the English (kept in <see cref="Catalog"/> unless pruned).</param>
/// <param name="Added">Ids of units that had no entry.</param>
/// <param name="MarkedStale">Ids of translations whose English changed in this update.</param>
public sealed record CatalogUpdate(
    TranslationCatalog Catalog,
    ImmutableArray<CatalogEntry> Removed,
    ImmutableArray<string> Added,
    ImmutableArray<string> MarkedStale);

/// <summary>Creates or refreshes a page's catalog from its English (<c>i18n update</c>); a second run with no edits changes nothing.</summary>
/// <remarks>
/// New units get an empty <c>target</c> with state <c>new</c> (counted as missing). A unit whose English changed keeps
/// its translation, turns <c>needs-review-translation</c>, and gets a note with the English the translation was
/// made for; if it was already stale, the oldest such note is kept, since that is what the translation matches.
/// </remarks>
public static class CatalogUpdater
{
    public static CatalogUpdate Update(AnnotatedDocument document, TranslationCatalog? existing, CatalogUpdateOptions options)
    {
        var alignment = CatalogAligner.Align(TranslationUnitExtractor.Extract(document, new EnglishSections(options.Math), options.Labels), existing);
        var added = ImmutableArray.CreateBuilder<string>();
        var stale = ImmutableArray.CreateBuilder<string>();
        var entries = alignment.Units.Select(aligned =>
        {
            if (aligned.Entry is not { } entry)
            {
                added.Add(aligned.CatalogId);
                return new CatalogEntry(aligned.CatalogId, aligned.Unit.Source, null, TranslationState.New, []);
            }
            if (!aligned.SourceChanged) return entry;
            if (!entry.HasTarget) return entry with { Source = aligned.Unit.Source, State = TranslationState.New };
            stale.Add(aligned.CatalogId);
            var notes = entry.Notes.Any(n => n.StartsWith(CatalogEntry.PreviousSourceNote, StringComparison.Ordinal))
                ? entry.Notes
                : entry.Notes.Add(CatalogEntry.PreviousSourceNote + entry.Source);
            return entry with { Source = aligned.Unit.Source, State = TranslationState.NeedsReviewTranslation, Notes = notes };
        }).ToList();
        if (!options.Prune) entries.AddRange(alignment.Orphans);

        var catalog = new TranslationCatalog(FileName(document.Path), options.SourceLanguage, options.Culture, [.. entries])
        {
            Path = existing?.Path ?? TranslationCatalog.PathFor(document.Path, options.Culture),
        };
        return new CatalogUpdate(catalog, alignment.Orphans, added.ToImmutable(), stale.ToImmutable());
    }

    private static string FileName(string documentPath) => documentPath[(documentPath.LastIndexOf('/') + 1)..];
}
