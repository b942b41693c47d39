using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AnnotatedNorm.Documents;
using Markdig.Syntax;

namespace AnnotatedNorm.Localization;

/// <summary>Splits a document into translation units: front-matter title and summary, then each text block of each section's commentary.</summary>
/// <remarks>
/// Units are headings, paragraphs, the paragraphs of list items (a nested list gives units of its own), block quote
/// paragraphs, table cells and footnote paragraphs. Code blocks, display math blocks, raw HTML blocks and paragraphs
/// made only of math hold nothing to translate and are not units.
/// </remarks>
public static class TranslationUnitExtractor
{
    public static ImmutableArray<TranslationUnit> Extract(AnnotatedDocument document) => Extract(document, new EnglishSections());

    /// <param name="english">Where the sections are parsed, for the checks of their translations to reuse.</param>
    /// <param name="labels">The texts of the page's example results, which come after the commentary, once each.</param>
    public static ImmutableArray<TranslationUnit> Extract(AnnotatedDocument document, EnglishSections english, IEnumerable<LabelText>? labels = null)
    {
        var units = new List<(UnitKind Kind, int Section, int Ordinal, string Source, MarkdownRange? Range, SourcePosition Position)>();
        if (!string.IsNullOrWhiteSpace(document.FrontMatter.Title))
            units.Add((UnitKind.Title, -1, -1, document.FrontMatter.Title, null, document.FrontMatter.TitlePosition));
        if (!string.IsNullOrWhiteSpace(document.FrontMatter.Summary))
            units.Add((UnitKind.Summary, -1, -1, document.FrontMatter.Summary, null, document.FrontMatter.SummaryPosition));

        foreach (var section in document.Sections)
        {
            var markdown = section.Commentary.Markdown;
            if (markdown.Length == 0) continue;
            var found = new List<(UnitKind, int, int, string, MarkdownRange?, SourcePosition)>();
            var blocks = english.Of(markdown).Blocks;
            var lines = new LineStarts(markdown);
            for (var ordinal = 0; ordinal < blocks.Count; ordinal++)
            {
                if (LocalizationMarkdown.IsMathOnly(blocks[ordinal])) continue;
                if (RangeOf(blocks[ordinal], markdown) is not { } range) continue;
                var (line, column) = lines.Of(range.Start);
                found.Add((LocalizationMarkdown.KindOf(blocks[ordinal]), section.Index, ordinal,
                    SourceText(markdown, range), range, section.Commentary.PositionOf(line, column)));
            }
            // Footnote paragraphs come last in Markdig's walk; the catalog follows the text instead.
            units.AddRange(found.OrderBy(u => u.Item5!.Start));
        }

        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labels ?? [])
            if (labelled.Add(label.Text)) units.Add((UnitKind.Label, -1, -1, label.Text, null, label.Position));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. units.Select(u =>
        {
            var hash = ContentHash(u.Source);
            var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
            var id = u.Kind switch
            {
                UnitKind.Title => "title",
                UnitKind.Summary => "summary",
                UnitKind.Label => TranslationUnit.LabelPrefix + hash[1..],
                _ => occurrence == 1 ? hash : $"{hash}-{occurrence}",
            };
            return new TranslationUnit(id, u.Kind, u.Section, u.Ordinal, u.Source, u.Range, u.Position);
        })];
    }

    /// <summary>"u" and 8 hex digits of SHA-256 of the text with runs of white space made one space.</summary>
    public static string ContentHash(string source)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(source)));
        return "u" + Convert.ToHexStringLower(bytes, 0, 4);
    }

    internal static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static MarkdownRange? RangeOf(LeafBlock block, string markdown)
    {
        if (LocalizationMarkdown.InlineExtent(block) is not var (start, end)) return null;
        // Cell spans include the padding around the pipes.
        while (start < end && char.IsWhiteSpace(markdown[start])) start++;
        while (end > start && char.IsWhiteSpace(markdown[end - 1])) end--;
        if (start == end) return null;
        var lineStart = start == 0 ? 0 : markdown.LastIndexOf('\n', start - 1) + 1;
        var prefix = new string([.. markdown[lineStart..start].Select(c => c is '>' or '\t' ? c : ' ')]);
        return new MarkdownRange(start, end - start, prefix);
    }

    /// <summary>The raw slice with the container prefixes and insignificant indentation of continuation lines removed.</summary>
    internal static string SourceText(string markdown, MarkdownRange range)
    {
        var lines = markdown.Substring(range.Start, range.Length).Split('\n');
        var quoteDepth = range.ContinuationPrefix.Count(c => c == '>');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart();
            for (var q = 0; q < quoteDepth && line.StartsWith('>'); q++) line = line[1..].TrimStart();
            lines[i] = line;
        }
        return string.Join('\n', lines);
    }

    /// <summary>Where each line of a text starts, so that the line and column of many offsets cost a search each rather than a scan.</summary>
    private sealed class LineStarts(string text)
    {
        private readonly int[] starts = [0, .. text.Select((c, i) => (c, i)).Where(p => p.c == '\n').Select(p => p.i + 1)];

        public (int Line, int Column) Of(int offset)
        {
            var line = Array.BinarySearch(starts, offset);
            if (line < 0) line = ~line - 1;
            return (line, offset - starts[line]);
        }
    }
}
