using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>Builds the Markdown lines of one commentary from its source lines, whatever mix of comment forms they use.</summary>
internal static class CommentaryBuilder
{
    /// <param name="inherited">What each <c>&lt;inheritdoc&gt;</c> brings in, by the position of its <c>&lt;</c>; null for none.</param>
    public static List<MarkdownLine> Build(IReadOnlyList<ClassifiedLine> lines, IReadOnlyDictionary<SourcePosition, string>? inherited = null)
    {
        var result = new List<MarkdownLine>();
        var start = 0;
        while (start < lines.Count)
        {
            var end = start + 1;
            while (end < lines.Count && SameSegment(lines[start], lines[end])) end++;
            var segment = lines.Skip(start).Take(end - start).ToList();
            var converted = Convert(segment, inherited);
            // Different comment forms side by side are different Markdown blocks, so keep a paragraph break between them.
            if (result.Count > 0 && converted.Count > 0 && !result[^1].IsBlank && !converted[0].IsBlank)
                result.Add(new MarkdownLine(string.Empty, converted[0].Origin));
            result.AddRange(converted);
            start = end;
        }
        return Trim(result);
    }

    public static List<MarkdownLine> Trim(List<MarkdownLine> lines)
    {
        var first = lines.FindIndex(l => !l.IsBlank);
        if (first < 0) return [];
        var last = lines.FindLastIndex(l => !l.IsBlank);
        return lines.GetRange(first, last - first + 1);
    }

    private static bool SameSegment(ClassifiedLine a, ClassifiedLine b) => (a.Kind, b.Kind) switch
    {
        (LineKind.LineComment or LineKind.BareComment, LineKind.LineComment or LineKind.BareComment) => true,
        (LineKind.BlockComment, LineKind.BlockComment) => a.BlockStart == b.BlockStart,
        _ => a.Kind == b.Kind,
    };

    private static List<MarkdownLine> Convert(List<ClassifiedLine> segment, IReadOnlyDictionary<SourcePosition, string>? inherited) => segment[0].Kind switch
    {
        LineKind.BlockComment => BlockCommentReader.Read(segment),
        LineKind.DocComment => XmlDocConverter.Convert(segment, inherited),
        LineKind.LineComment or LineKind.BareComment => [.. segment.Select(LineComment)],
        _ => [.. segment.Select(l => new MarkdownLine(string.Empty, new SourcePosition(l.Line.Number, 1)))],
    };

    private static MarkdownLine LineComment(ClassifiedLine line)
    {
        var start = line.Marker + 2;
        if (start < line.Line.Text.Length && line.Line.Text[start] == ' ') start++;
        var text = line.Line.Text[Math.Min(start, line.Line.Text.Length)..];
        return new MarkdownLine(string.IsNullOrWhiteSpace(text) ? string.Empty : text, new SourcePosition(line.Line.Number, start + 1));
    }
}
