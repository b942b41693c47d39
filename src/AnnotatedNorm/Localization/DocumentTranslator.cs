using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>The Localize stage: puts each usable translation of a catalog in place of its English, unit by unit.</summary>
/// <remarks>
/// A unit's translation is used when it exists, its state is not <c>new</c>, and it passes
/// <see cref="TranslationChecker"/>. A translation made for older English (edited since, found by alignment even if
/// <c>i18n update</c> was not run, or marked <c>needs-review-translation</c>) is used and reported stale. Anything
/// else keeps the English. The Markdown itself carries no marks; <see cref="LocalizedDocument.Units"/> says, per
/// block ordinal, what <see cref="TranslationMarker"/> must mark when the page is rendered.
/// </remarks>
public static class DocumentTranslator
{
    public static LocalizedDocument Translate(AnnotatedDocument document, TranslationCatalog? catalog, TranslationOptions options)
    {
        var english = new EnglishSections(options.Math);
        var alignment = CatalogAligner.Align(TranslationUnitExtractor.Extract(document, english, options.Labels), catalog);
        var diagnostics = new List<Diagnostic>();
        var states = new List<UnitState>();
        var used = new List<(TranslationUnit Unit, string Text)>();
        var sourcePath = options.SourceDisplayPath ?? document.Path;
        var catalogPath = catalog?.Path ?? TranslationCatalog.PathFor(document.Path, options.Culture);

        var passing = PassingInBatches(alignment.Units, document, english);
        foreach (var aligned in alignment.Units)
        {
            var (unit, entry) = (aligned.Unit, aligned.Entry);
            var status = StatusOf(aligned, document, passing, english, out var problems, out var outgrown);
            foreach (var problem in problems)
                diagnostics.Add(outgrown
                    ? Diagnostic.Warning(catalogPath, entry!.Position.Line, entry.Position.Column, LocalizationCodes.OutgrownTranslation,
                        $"translation \"{aligned.CatalogId}\" was made for older English and no longer fits it ({problem.Message}); the English is shown until it is revised")
                    : Diagnostic.Error(catalogPath, entry!.Position.Line, entry.Position.Column, problem.Code,
                        $"translation \"{aligned.CatalogId}\": {problem.Message}"));
            if (status is UnitStatus.Translated or UnitStatus.Stale) used.Add((unit, entry!.Target!));
            if (options.Strict && status == UnitStatus.Stale)
                diagnostics.Add(Diagnostic.Error(catalogPath, entry!.Position.Line, entry.Position.Column, LocalizationCodes.StaleTranslation,
                    $"translation \"{aligned.CatalogId}\" was made for different English and needs review"));
            if (options.Strict && status == UnitStatus.Missing)
                diagnostics.Add(entry is null
                    ? Diagnostic.Error(sourcePath, unit.Position.Line, unit.Position.Column, LocalizationCodes.MissingTranslation,
                        $"no {options.Culture} translation for this {unit.Kind.ToString().ToLowerInvariant()} (run i18n update)")
                    : Diagnostic.Error(catalogPath, entry.Position.Line, entry.Position.Column, LocalizationCodes.MissingTranslation,
                        $"translation \"{aligned.CatalogId}\" is empty or new"));
            states.Add(new UnitState(aligned.CatalogId, unit.Kind, unit.SectionIndex, unit.BlockOrdinal, status));
        }

        string? FrontMatterText(UnitKind kind, string? english) =>
            used.FirstOrDefault(u => u.Unit.Kind == kind).Text?.ReplaceLineEndings("\n").Trim() ?? english;

        var translated = document with
        {
            FrontMatter = document.FrontMatter with
            {
                Title = FrontMatterText(UnitKind.Title, document.FrontMatter.Title),
                Summary = FrontMatterText(UnitKind.Summary, document.FrontMatter.Summary),
            },
            Sections = [.. document.Sections.Select(s => s with
            {
                Commentary = CommentarySplicer.Splice(s.Commentary, [.. used.Where(u => u.Unit.SectionIndex == s.Index)]),
            })],
        };
        var labels = used.Where(u => u.Unit.Kind == UnitKind.Label).ToImmutableDictionary(u => u.Unit.Source, u => u.Text.ReplaceLineEndings(" ").Trim(), StringComparer.Ordinal);
        return new LocalizedDocument(translated, options.Culture, [.. states], [.. diagnostics]) { Labels = labels };
    }

    /// <param name="outgrown">The translation is stale and fails the checks only because the English moved on
    /// (a formula or link changed): it is not used, but that is expected of a stale unit, so it is a warning.</param>
    /// <param name="passing">Units whose translation is known to pass the checks (see <see cref="PassingInBatches"/>).</param>
    private static UnitStatus StatusOf(AlignedUnit aligned, AnnotatedDocument document, IReadOnlySet<TranslationUnit> passing, EnglishSections english,
        out ImmutableArray<TranslationProblem> problems, out bool outgrown)
    {
        problems = [];
        outgrown = false;
        if (!Usable(aligned, out var entry)) return UnitStatus.Missing;
        var stale = aligned.SourceChanged || entry.State == TranslationState.NeedsReviewTranslation;
        var section = aligned.Unit.SectionIndex >= 0 ? document.Sections[aligned.Unit.SectionIndex].Commentary.Markdown : null;
        if (!passing.Contains(aligned.Unit)) problems = TranslationChecker.Check(aligned.Unit, entry.Target!, section, english);
        if (problems.Length > 0)
        {
            outgrown = stale;
            return UnitStatus.Rejected;
        }
        return stale ? UnitStatus.Stale : UnitStatus.Translated;
    }

    private static bool Usable(AlignedUnit aligned, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CatalogEntry? entry)
    {
        entry = aligned.Entry;
        return entry is { HasTarget: true } && entry.State != TranslationState.New;
    }

    /// <summary>The units whose translations pass the checks when each section's are checked all at once, with one parse.</summary>
    /// <remarks>
    /// A batch that fails is halved and each half checked again, so a section of n units with one bad translation
    /// costs about 2 log n parses of the section and one check of the bad unit alone, not n parses.
    /// </remarks>
    private static IReadOnlySet<TranslationUnit> PassingInBatches(IEnumerable<AlignedUnit> units, AnnotatedDocument document, EnglishSections english)
    {
        var passing = new HashSet<TranslationUnit>(ReferenceEqualityComparer.Instance);
        foreach (var section in units.Where(u => u.Unit.SectionIndex >= 0 && Usable(u, out _)).GroupBy(u => u.Unit.SectionIndex))
            Check(document.Sections[section.Key].Commentary.Markdown, [.. section.Select(u => (u.Unit, u.Entry!.Target!))]);
        return passing;

        void Check(string markdown, List<(TranslationUnit Unit, string Translation)> batch)
        {
            if (batch.Count < 2) return;
            if (TranslationChecker.AllPass(markdown, batch, english))
            {
                passing.UnionWith(batch.Select(b => b.Unit));
                return;
            }
            Check(markdown, batch[..(batch.Count / 2)]);
            Check(markdown, batch[(batch.Count / 2)..]);
        }
    }
}
