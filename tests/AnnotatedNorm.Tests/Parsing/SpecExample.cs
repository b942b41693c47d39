namespace AnnotatedNorm.Tests.Parsing;

/// <summary>One example of a spec file: the input lines, the expected output lines, and where it is.</summary>
public sealed record SpecExample(string File, int Number, string Heading, bool IsMarkdownPage, IReadOnlyList<string> Input, IReadOnlyList<string> Expected)
{
    public const string Fence = "````````````````````````````````";

    public static string SpecFolder => Path.Combine(AppContext.BaseDirectory, "Parsing", "Specs");

    public string DisplayPath => IsMarkdownPage ? "readme.md" : "Example.cs";

    public static IEnumerable<SpecExample> ReadAll() =>
        Directory.GetFiles(SpecFolder, "*.md")
            .Where(f => !f.EndsWith(".received.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(Read);

    /// <summary>Examples open with a fence of 32 backticks and "example", hold input, a "." line, the output, and close with the fence.</summary>
    public static IEnumerable<SpecExample> Read(string path)
    {
        var file = Path.GetFileName(path);
        var heading = string.Empty;
        var number = 0;
        var lines = System.IO.File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) heading = lines[i].TrimStart('#').Trim();
            if (!lines[i].StartsWith(Fence + " example", StringComparison.Ordinal)) continue;
            var isMarkdownPage = lines[i].EndsWith("markdown", StringComparison.Ordinal);
            var input = new List<string>();
            var expected = new List<string>();
            var target = input;
            for (i++; i < lines.Length && lines[i] != Fence; i++)
            {
                if (lines[i] == "." && target == input) { target = expected; continue; }
                target.Add(lines[i]);
            }
            yield return new SpecExample(file, ++number, heading, isMarkdownPage, input, expected);
        }
    }
}
