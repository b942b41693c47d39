using AnnotatedNorm.Documents;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Turns an offset into a commentary's Markdown into the position of that character in the source file.</summary>
internal sealed class MarkdownSourceMap
{
    private readonly Commentary commentary;
    // Built on the first lookup: positions are needed only to report a problem, and most sections have none.
    private List<int>? lineStarts;

    public MarkdownSourceMap(Commentary commentary) => this.commentary = commentary;

    public string Markdown => commentary.Markdown;

    public SourcePosition PositionOf(int offset)
    {
        var lineStarts = this.lineStarts ??= LineStarts(commentary.Markdown);
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return commentary.PositionOf(line, offset - lineStarts[line]);
    }

    private static List<int> LineStarts(string markdown)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < markdown.Length; i++)
            if (markdown[i] == '\n') starts.Add(i + 1);
        return starts;
    }
}
