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

    public void Write(string text, int start, int length) => Write(text, start, length, null);

    /// <param name="tag">The element each line's piece of the text is wrapped in, if any.</param>
    public void Write(string text, int start, int length, SpanTag? tag)
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
            WritePiece(text, pieceStart, i, tag);
            lines.Add(line.ToString());
            line.Clear();
            lineStarted = false;
            pieceStart = i + 1;
        }
        WritePiece(text, pieceStart, end, tag);
    }

    public ImmutableArray<string> Finish()
    {
        if (lineStarted) lines.Add(line.ToString());
        line.Clear();
        lineStarted = false;
        return lines.ToImmutable();
    }

    private void WritePiece(string text, int from, int to, SpanTag? tag)
    {
        if (to <= from) return;
        tag?.AppendOpening(line);
        AppendEscaped(line, text.AsSpan(from, to - from));
        tag?.AppendClosing(line);
    }

    /// <param name="inAttribute">Quotes are escaped too, for a double-quoted attribute value.</param>
    /// <remarks>Runs of characters that need no escaping are appended whole.</remarks>
    public static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text, bool inAttribute = false)
    {
        while (!text.IsEmpty)
        {
            var next = inAttribute ? text.IndexOfAny("<>&\"") : text.IndexOfAny("<>&");
            if (next < 0)
            {
                html.Append(text);
                return;
            }
            html.Append(text[..next]);
            html.Append(text[next] switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", _ => "&quot;" });
            text = text[(next + 1)..];
        }
    }
}

/// <summary>The element a highlighted span is written in: a link when it has an address, else a span.</summary>
internal readonly record struct SpanTag(string? CssClass, bool IsDeclaration, string? SymbolId, string? Href)
{
    public void AppendOpening(StringBuilder html)
    {
        html.Append(Href is null ? "<span" : "<a");
        if (CssClass is not null || IsDeclaration)
        {
            html.Append(" class=\"");
            if (CssClass is not null) html.Append(CssClass);
            if (IsDeclaration) html.Append(CssClass is null ? "" : " ").Append(HighlightClasses.Declaration);
            html.Append('"');
        }
        if (SymbolId is not null) html.Append(" data-sym=\"").Append(SymbolId).Append('"');
        if (Href is not null)
        {
            html.Append(" href=\"");
            HtmlLineWriter.AppendEscaped(html, Href, inAttribute: true);
            html.Append('"');
        }
        html.Append('>');
    }

    public void AppendClosing(StringBuilder html) => html.Append(Href is null ? "</span>" : "</a>");
}
