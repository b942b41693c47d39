using System.Text;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>The visible stand-ins that spec files use for characters a reader could not see.</summary>
/// <remarks>
/// <c>→</c> tab, <c>␣</c> space (only needed at the end of a line), <c>␍</c> carriage return, <c>⟨BOM⟩</c> byte-order mark,
/// and <c>↵</c> at the end of a line: no line feed after this line.
/// </remarks>
public static class SpecNotation
{
    public const string Tab = "→";
    public const string Space = "␣";
    public const string CarriageReturn = "␍";
    public const string ByteOrderMark = "⟨BOM⟩";
    public const string NoLineFeed = "↵";

    /// <summary>Turns the lines of an example's input into the exact file text.</summary>
    public static string DecodeInput(IEnumerable<string> specLines)
    {
        var text = new StringBuilder();
        foreach (var line in specLines)
        {
            var joined = line.EndsWith(NoLineFeed, StringComparison.Ordinal);
            text.Append(Decode(joined ? line[..^NoLineFeed.Length] : line));
            if (!joined) text.Append('\n');
        }
        return text.ToString();
    }

    public static string Decode(string text) => text
        .Replace(ByteOrderMark, "\uFEFF", StringComparison.Ordinal)
        .Replace(Tab, "\t", StringComparison.Ordinal)
        .Replace(Space, " ", StringComparison.Ordinal)
        .Replace(CarriageReturn, "\r", StringComparison.Ordinal);

    /// <summary>Shows a line's text with tabs and trailing spaces made visible.</summary>
    public static string Encode(string text)
    {
        var body = text.TrimEnd(' ');
        return body.Replace("\uFEFF", ByteOrderMark, StringComparison.Ordinal).Replace("\t", Tab, StringComparison.Ordinal)
            + string.Concat(Enumerable.Repeat(Space, text.Length - body.Length));
    }

    /// <summary>A line ending as written after a code line: nothing for "\n", ␍ for "\r\n", ␍↵ for "\r", ↵ for none.</summary>
    public static string EncodeEnding(string ending) => ending switch
    {
        "\n" => string.Empty,
        "\r\n" => CarriageReturn,
        "\r" => CarriageReturn + NoLineFeed,
        _ => NoLineFeed,
    };
}
