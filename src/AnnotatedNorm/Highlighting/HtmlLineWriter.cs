using System.Collections.Immutable;
using System.Text;

namespace AnnotatedNorm.Highlighting;

/// <summary>Writes escaped text into per-line HTML, wrapping each line's piece of a span in its own tags.</summary>
/// <remarks>
/// Lines end at CR LF, LF or CR, even when a CR ends one span and the LF starts the next; text after the
/// last line break makes a last line, nothing after it makes none (so "a\n" is one line, "" none).
/// </remarks>
internal sealed class HtmlLineWriter
{
    private readonly ImmutableArray<string>.Builder lines = ImmutableArray.CreateBuilder<string>();
    private readonly StringBuilder line = new();
    private bool lineStarted;
    private bool afterCarriageReturn;

    public void Write(string text, int start, int length, string? openTag = null, string? closeTag = null)
    {
        var pieceStart = start;
        var end = start + length;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\n' && afterCarriageReturn)
            {
                afterCarriageReturn = false;
                pieceStart = i + 1;
                continue;
            }
            afterCarriageReturn = c == '\r';
            if (c is not ('\r' or '\n'))
            {
                lineStarted = true;
                continue;
            }
            WritePiece(text, pieceStart, i, openTag, closeTag);
            lines.Add(line.ToString());
            line.Clear();
            lineStarted = false;
            pieceStart = i + 1;
        }
        WritePiece(text, pieceStart, end, openTag, closeTag);
    }

    public ImmutableArray<string> Finish()
    {
        if (lineStarted) lines.Add(line.ToString());
        line.Clear();
        lineStarted = false;
        return lines.ToImmutable();
    }

    private void WritePiece(string text, int from, int to, string? openTag, string? closeTag)
    {
        if (to <= from) return;
        line.Append(openTag);
        AppendEscaped(line, text.AsSpan(from, to - from));
        line.Append(closeTag);
    }

    /// <param name="inAttribute">Quotes are escaped too, for a double-quoted attribute value.</param>
    public static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text, bool inAttribute = false)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '&': html.Append("&amp;"); break;
                case '"' when inAttribute: html.Append("&quot;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
