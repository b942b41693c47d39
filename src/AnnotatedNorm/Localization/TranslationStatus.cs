namespace AnnotatedNorm.Localization;

/// <summary>One row of <c>i18n status</c>: how much of a page is translated into one language.</summary>
/// <param name="Translated">Current translations (state <c>translated</c> or <c>final</c>).</param>
/// <param name="Stale">Translations made for older English (<c>needs-review-translation</c>, or the English changed since).</param>
/// <param name="Missing">Units with no entry, state <c>new</c>, or an empty target.</param>
/// <param name="Rejected">Translations that fail the checks and are not used.</param>
public sealed record TranslationStatus(string DocumentPath, string Culture, int Translated, int Stale, int Missing, int Rejected)
{
    public int Total => Translated + Stale + Missing + Rejected;

    public static TranslationStatus Of(LocalizedDocument localized) => new(
        localized.Document.Path,
        localized.Culture,
        localized.Units.Count(u => u.Status == UnitStatus.Translated),
        localized.Units.Count(u => u.Status == UnitStatus.Stale),
        localized.Units.Count(u => u.Status == UnitStatus.Missing),
        localized.Units.Count(u => u.Status == UnitStatus.Rejected));
}
