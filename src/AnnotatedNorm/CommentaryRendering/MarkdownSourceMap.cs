using AnnotatedNorm.Documents;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Turns an offset into a commentary's Markdown into the position of that character in the source file.</summary>
internal sealed class MarkdownSourceMap
{
    private readonly Commentary commentary;
    private readonly List<int> lineStarts = [0];

    public MarkdownSourceMap(Commentary commentary)
    {
        this.commentary = commentary;
        var markdown = commentary.Markdown;
        for (var i = 0; i < markdown.Length; i++)
            if (markdown[i] == '\n') lineStarts.Add(i + 1);
    }

    public string Markdown => commentary.Markdown;

    public SourcePosition PositionOf(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return commentary.PositionOf(line, offset - lineStarts[line]);
    }
}
