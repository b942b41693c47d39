using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>Turns an own-line <c>/* … */</c> or <c>/** … */</c> block into Markdown lines: markers, gutter and common indentation removed.</summary>
internal static class BlockCommentReader
{
    public static List<MarkdownLine> Read(IReadOnlyList<ClassifiedLine> block)
    {
        // Each piece is the text left on a line once the markers are gone, with its 0-based start column.
        var pieces = new List<(SourceLine Line, int Column, string Text)>();
        for (var i = 0; i < block.Count; i++)
        {
            var line = block[i].Line;
            var column = i == 0 ? block[i].Marker : 0;
            var text = line.Text[Math.Min(column, line.Text.Length)..];
            if (i == 0)
            {
                var opener = text.StartsWith("/**", StringComparison.Ordinal) && !text.StartsWith("/**/", StringComparison.Ordinal) ? 3 : 2;
                opener = Math.Min(opener, text.Length);
                column += opener;
                text = text[opener..];
            }
            if (i == block.Count - 1)
            {
                var trimmed = text.TrimEnd();
                // An unterminated comment runs to the end of the file and has no closer to remove.
                if (trimmed.EndsWith("*/", StringComparison.Ordinal)) text = trimmed[..^2];
            }
            pieces.Add((line, column, text));
        }

        var first = pieces[0];
        var firstText = first.Text.TrimStart();
        var result = new List<MarkdownLine>();
        if (firstText.Length > 0)
            result.Add(new MarkdownLine(firstText.TrimEnd(), new SourcePosition(first.Line.Number, first.Column + first.Text.Length - firstText.Length + 1)));

        var inner = pieces.Skip(1).ToList();
        if (inner.Count > 0 && string.IsNullOrWhiteSpace(inner[^1].Text)) inner.RemoveAt(inner.Count - 1);
        var hasGutter = inner.Count > 0 && inner.All(p => string.IsNullOrWhiteSpace(p.Text) || p.Text.TrimStart().StartsWith('*'));
        if (hasGutter)
            inner = [.. inner.Select(RemoveGutter)];

        var indent = CommonIndentation(inner.Select(p => p.Text));
        foreach (var (line, column, text) in inner)
        {
            var kept = string.IsNullOrWhiteSpace(text) ? string.Empty : text[indent.Length..].TrimEnd();
            var start = kept.Length == 0 ? column : column + indent.Length;
            result.Add(new MarkdownLine(kept, new SourcePosition(line.Number, start + 1)));
        }
        return result;
    }

    private static (SourceLine, int, string) RemoveGutter((SourceLine Line, int Column, string Text) piece)
    {
        var star = piece.Text.IndexOf('*');
        if (star < 0) return (piece.Line, piece.Column, string.Empty);
        var cut = star + 1 < piece.Text.Length && piece.Text[star + 1] == ' ' ? star + 2 : star + 1;
        return (piece.Line, piece.Column + cut, piece.Text[cut..]);
    }

    /// <summary>The longest run of leading whitespace shared by every non-blank line, character for character.</summary>
    internal static string CommonIndentation(IEnumerable<string> lines)
    {
        string? common = null;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var indent = line[..(line.Length - line.TrimStart().Length)];
            if (common is null) { common = indent; continue; }
            var length = 0;
            while (length < common.Length && length < indent.Length && common[length] == indent[length]) length++;
            common = common[..length];
        }
        return common ?? string.Empty;
    }
}
