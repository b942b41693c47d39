using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>How a unit appears on a translated page.</summary>
public enum UnitStatus
{
    /// <summary>The translation is current and passed the checks; shown as is.</summary>
    Translated,

    /// <summary>The translation was made for older English; shown, with a "may be outdated" marker.</summary>
    Stale,

    /// <summary>No translation; the English is shown, marked <c>lang="en"</c>.</summary>
    Missing,

    /// <summary>The translation failed a check (an error was reported); the English is shown, marked <c>lang="en"</c>.</summary>
    Rejected,
}

/// <summary>What the page needs to know about one unit of a translated document.</summary>
/// <param name="Id">The unit's catalog id.</param>
/// <param name="SectionIndex">-1 for the front matter.</param>
/// <param name="BlockOrdinal">Index of the unit's block in <see cref="LocalizationMarkdown.TextBlocks"/> of the translated section Markdown; -1 for the front matter.</param>
public sealed record UnitState(string Id, UnitKind Kind, int SectionIndex, int BlockOrdinal, UnitStatus Status)
{
    /// <summary>True when the page shows the English for this unit.</summary>
    public bool ShowsSource => Status is UnitStatus.Missing or UnitStatus.Rejected;
}

/// <summary>A document with its commentary and front matter in another language, and the state of every unit.</summary>
/// <param name="Document">Same sections and code; each section's Markdown has its usable translations substituted, block structure unchanged.</param>
/// <param name="Diagnostics">Rejected translations, and in strict mode stale and missing units.</param>
public sealed record LocalizedDocument(
    AnnotatedDocument Document,
    string Culture,
    ImmutableArray<UnitState> Units,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<UnitState> UnitsOf(int sectionIndex) => Units.Where(u => u.SectionIndex == sectionIndex);

    public UnitState? TitleState => Units.FirstOrDefault(u => u.Kind == UnitKind.Title);

    public UnitState? SummaryState => Units.FirstOrDefault(u => u.Kind == UnitKind.Summary);

    /// <summary>The usable translation of each label, by its English; a label without one is shown in English.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string Label(string english) => Labels.GetValueOrDefault(english, english);
}

/// <summary>Settings of the Localize stage.</summary>
/// <param name="Strict">Report stale and missing units as errors (<c>--strict</c>).</param>
public sealed record TranslationOptions(string Culture, bool Strict = false)
{
    /// <summary>Path of the English source as diagnostics should show it; defaults to the document's path.</summary>
    public string? SourceDisplayPath { get; init; }

    /// <summary>Which dollars delimit math on the site (its <c>"math"</c> setting).</summary>
    public Configuration.MathDelimiters Math { get; init; }

    /// <summary>The texts of the page's example results, translated with its commentary.</summary>
    public ImmutableArray<LabelText> Labels { get; init; } = [];
}
