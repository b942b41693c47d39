using System.Globalization;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>Rebuilds a file from a spec's expected output: commentary line ranges taken from the input, code lines as shown.</summary>
public static class SpecLineReader
{
    public static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\r' && text[i] != '\n') continue;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Fails unless the ranges and code lines cover lines 1..n in order; error outputs rebuild the input as is.</summary>
    public static string Reassemble(IReadOnlyList<string> expected, List<string> inputLines)
    {
        if (expected.Count == 1 && expected[0].Contains(": error AN", StringComparison.Ordinal)) return string.Concat(inputLines);
        var rebuilt = new List<string>();
        var inCode = false;
        foreach (var line in expected)
        {
            if (line.StartsWith("-- commentary", StringComparison.Ordinal))
            {
                inCode = false;
                var range = line["-- commentary".Length..].Trim();
                if (range.Length == 0) continue;
                var bounds = range.Split('-').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray();
                for (var n = bounds[0]; n <= bounds[^1]; n++)
                {
                    Assert.Equal(rebuilt.Count + 1, n);
                    rebuilt.Add(inputLines[n - 1]);
                }
            }
            else if (line == "-- code") inCode = true;
            // What the compiler makes of the doc comments follows the sections and holds no line of the file.
            else if (line is "-- crefs" or "-- inherited crefs" or "-- warnings") inCode = false;
            // After the sections come the examples the page declares (spec 09) and their errors, which hold no lines.
            else if (line.StartsWith("example ", StringComparison.Ordinal) || line.Contains(": error AN", StringComparison.Ordinal)) inCode = false;
            else if (line.StartsWith("==", StringComparison.Ordinal)) inCode = false;
            else if (inCode)
            {
                var bar = line.IndexOf('|', StringComparison.Ordinal);
                Assert.Equal(rebuilt.Count + 1, int.Parse(line[..bar], CultureInfo.InvariantCulture));
                rebuilt.Add(SpecNotation.DecodeInput([line[(bar + 1)..]]));
            }
        }
        Assert.Equal(inputLines.Count, rebuilt.Count);
        return string.Concat(rebuilt);
    }
}
