using System.Collections.Immutable;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>The physical lines of a text, split on "\r\n", "\n" and "\r", with their start offsets.</summary>
internal sealed class LineIndex
{
    private readonly int[] starts;

    private LineIndex(ImmutableArray<SourceLine> lines, int[] starts)
    {
        Lines = lines;
        this.starts = starts;
    }

    public ImmutableArray<SourceLine> Lines { get; }

    public static LineIndex Of(string text)
    {
        var lines = ImmutableArray.CreateBuilder<SourceLine>();
        var starts = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\r' && c != '\n') continue;
            var ending = c == '\r' ? i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : "\r" : "\n";
            lines.Add(new SourceLine(lines.Count + 1, text[start..i], ending));
            starts.Add(start);
            i += ending.Length - 1;
            start = i + 1;
        }
        // A final line ending closes the last line; it does not open an empty one.
        if (start < text.Length)
        {
            lines.Add(new SourceLine(lines.Count + 1, text[start..], string.Empty));
            starts.Add(start);
        }
        return new LineIndex(lines.ToImmutable(), [.. starts]);
    }

    /// <summary>0-based index of the line holding a character offset (its ending included).</summary>
    public int LineOf(int position)
    {
        var found = Array.BinarySearch(starts, position);
        var index = found >= 0 ? found : ~found - 1;
        return Math.Clamp(index, 0, Math.Max(0, starts.Length - 1));
    }

    /// <summary>0-based column of a character offset within its line.</summary>
    public int ColumnOf(int position) => position - starts[LineOf(position)];

    /// <summary>The text of a line from a 0-based column to its end, ending excluded.</summary>
    public string Rest(int line, int column)
    {
        var text = Lines[line].Text;
        return column >= text.Length ? string.Empty : text[column..];
    }
}
