namespace AnnotatedNorm.Highlighting;

/// <summary>Maps text offsets to 1-based lines, splitting on CR LF, LF and CR like the annotation parser.</summary>
/// <remarks>Roslyn's own line table also breaks on U+0085, U+2028 and U+2029, which would shift line numbers.</remarks>
internal sealed class LineMap
{
    private readonly List<int> starts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\r' or '\n') starts.Add(i + 1);
        }
    }

    public (int Line, int Column) PositionOf(int offset)
    {
        var index = starts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - starts[index] + 1);
    }
}
