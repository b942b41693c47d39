using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>What a translation unit is in its page, which decides where its structure check and page markers go.</summary>
public enum UnitKind
{
    Title,
    Summary,
    Heading,
    Paragraph,
    ListItem,
    Quote,
    TableCell,
    Footnote,

    /// <summary>A text an example's result shows (a figure's title, axis label or legend, a table's caption, heading or word cell), translated where the result is drawn.</summary>
    Label,
}

/// <summary>A text of an example's result to translate with the page, and the example it belongs to (where a missing translation is reported).</summary>
public sealed record LabelText(string Text, SourcePosition Position);

/// <summary>Where a unit's English sits in its section's Markdown, so a translation can be put in its place.</summary>
/// <param name="Start">Offset of the first character of the unit's inline content.</param>
/// <param name="Length">Length of the raw slice, container prefixes of continuation lines included.</param>
/// <param name="ContinuationPrefix">What to put after each line break of a translation so that it stays inside the same containers (block quote markers, list indentation).</param>
public sealed record MarkdownRange(int Start, int Length, string ContinuationPrefix)
{
    public int End => Start + Length;

    /// <summary>A translation as it is put in place: line ends normalized, outer white space trimmed, the prefix after each line break.</summary>
    public string Fit(string translation) =>
        translation.ReplaceLineEndings("\n").Trim().Replace("\n", "\n" + ContinuationPrefix);
}

/// <summary>One piece of English a translator works on: a front-matter field or one Markdown block of a section's commentary.</summary>
/// <param name="Id">Id derived from the English alone (hash of the normalized text plus occurrence number); a catalog may keep an older id for the same unit.</param>
/// <param name="SectionIndex">Section the unit belongs to; -1 for the front matter.</param>
/// <param name="BlockOrdinal">Position among the text blocks (paragraphs and headings, in Markdig's walk order) of its section; -1 for the front matter.</param>
/// <param name="Source">The English Markdown of the block's inline content, continuation lines without their container prefixes.</param>
/// <param name="Range">The raw slice in the section's Markdown; null for the front matter.</param>
/// <param name="Position">Source position of the unit's first character, for diagnostics.</param>
public sealed record TranslationUnit(
    string Id,
    UnitKind Kind,
    int SectionIndex,
    int BlockOrdinal,
    string Source,
    MarkdownRange? Range,
    SourcePosition Position)
{
    public bool IsFrontMatter => Kind is UnitKind.Title or UnitKind.Summary;

    /// <summary>Front matter and labels are found in a catalog by their id alone, never paired by position with edited commentary.</summary>
    public bool IsMatchedById => IsFrontMatter || Kind == UnitKind.Label;

    /// <summary>Prefix of a label's id: "label-" and the content hash of its text.</summary>
    public const string LabelPrefix = "label-";
}
