using AnnotatedNorm.Documents;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Turns an offset into a commentary's Markdown into the position of that character in the source file.</summary>
/// <remarks>
/// Lines end where Markdig ends them: at "\n", "\r\n" and a lone "\r". The commentary has an origin for each "\n" line
/// only, so a lone "\r" (from a translation's <c>&amp;#13;</c>, say) starts a line that has none: its characters are
/// counted from that "\r", on the line after, as in a file that holds the same text.
/// </remarks>
internal sealed class MarkdownSourceMap
{
    private readonly Commentary commentary;
    // Built on the first lookup: positions are needed only to report a problem, and most sections have none.
    private List<LineStart>? lineStarts;

    public MarkdownSourceMap(Commentary commentary) => this.commentary = commentary;

    public string Markdown => commentary.Markdown;

    public SourcePosition PositionOf(int offset)
    {
        var lineStarts = this.lineStarts ??= LineStarts(commentary.Markdown);
        var index = lineStarts.BinarySearch(new LineStart(offset, 0, 0));
        var start = lineStarts[index >= 0 ? index : ~index - 1];
        if (start.AfterCarriageReturns == 0) return commentary.PositionOf(start.CommentaryLine, offset - start.Offset);
        var origin = commentary.PositionOf(start.CommentaryLine, 0);
        return new SourcePosition(origin.Line + start.AfterCarriageReturns, 1 + offset - start.Offset);
    }

    private static List<LineStart> LineStarts(string markdown)
    {
        var starts = new List<LineStart> { new(0, 0, 0) };
        var (line, carriageReturns) = (0, 0);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\n') (line, carriageReturns) = (line + 1, 0);
            else if (markdown[i] == '\r' && (i + 1 == markdown.Length || markdown[i + 1] != '\n')) carriageReturns++;
            else continue;
            starts.Add(new LineStart(i + 1, line, carriageReturns));
        }
        return starts;
    }

    /// <summary>Where a line Markdig reads starts: its offset, its commentary line, and how many lone "\r" precede it there.</summary>
    private readonly record struct LineStart(int Offset, int CommentaryLine, int AfterCarriageReturns) : IComparable<LineStart>
    {
        public int CompareTo(LineStart other) => Offset.CompareTo(other.Offset);
    }
}
