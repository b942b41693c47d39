using System.Text;
using System.Text.Json;

namespace AnnotatedNorm.Configuration;

/// <summary>Line and column, in characters, of places in a JSON text, which System.Text.Json's DOM does not keep.</summary>
internal static class JsonPosition
{
    /// <summary>Where the first property named <paramref name="key"/> starts, at any depth; (1,1) when there is none.</summary>
    /// <remarks>Only property names count: a string value that happens to spell the key is not taken for it.</remarks>
    public static (int Line, int Column) OfProperty(string json, string key, JsonReaderOptions options)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(key))
                    return OfByte(utf8, (int)reader.TokenStartIndex);
        }
        catch (JsonException)
        {
            // The text parsed once already; a reader that disagrees leaves the position at the start.
        }
        return (1, 1);
    }

    /// <summary>The position of a <see cref="JsonException"/>, whose column counts the bytes of its line, not its characters.</summary>
    public static (int Line, int Column) Of(JsonException e, string json)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lines = json.Split('\n');
        var bytes = line < lines.Length ? Encoding.UTF8.GetBytes(lines[line]) : [];
        var offset = (int)Math.Clamp(e.BytePositionInLine ?? 0, 0, bytes.Length);
        return (line + 1, Encoding.UTF8.GetCharCount(bytes, 0, offset) + 1);
    }

    private static (int Line, int Column) OfByte(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
