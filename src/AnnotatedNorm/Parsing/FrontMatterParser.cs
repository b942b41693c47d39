using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnnotatedNorm.Parsing;

/// <summary>Reads the YAML block between two <c>---</c> lines that may open a commentary, and reports its mistakes at their source position.</summary>
internal static class FrontMatterParser
{
    public const string InvalidYaml = "AN0101";
    public const string NotAMapping = "AN0102";
    public const string UnknownKey = "AN0103";
    public const string NotAString = "AN0104";
    public const string Unclosed = "AN0105";

    private static readonly string[] NullWords = ["~", "null", "Null", "NULL"];

    /// <summary>Splits the front matter off the Markdown lines; returns the lines unchanged when there is none.</summary>
    public static (FrontMatter FrontMatter, List<MarkdownLine> Remaining) Extract(string path, List<MarkdownLine> lines)
    {
        if (lines.Count == 0 || !IsDelimiter(lines[0])) return (FrontMatter.None, lines);
        var close = lines.FindIndex(1, IsDelimiter);
        if (close < 0)
            throw Error(path, lines[0].Origin, Unclosed, "front matter opened with '---' has no closing '---' line");

        var yaml = lines.GetRange(1, close - 1);
        var frontMatter = Read(path, yaml, lines[close].Origin);
        return (frontMatter, CommentaryBuilder.Trim(lines.GetRange(close + 1, lines.Count - close - 1)));
    }

    private static FrontMatter Read(string path, List<MarkdownLine> yaml, SourcePosition end)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join("\n", yaml.Select(l => l.Text))));
        }
        catch (YamlException e)
        {
            throw Error(path, Map(yaml, e.Start, end), InvalidYaml, $"front matter is not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on a flow collection ('[' or '{') still open at the end of the text.
            throw Error(path, end, InvalidYaml, "front matter is not valid YAML: a '[' or '{' is never closed before the closing '---'");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return FrontMatter.None;
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
            throw Error(path, Map(yaml, stream.Documents[0].RootNode.Start, end), NotAMapping, "front matter must be 'key: value' lines");

        var result = FrontMatter.None;
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is not ("title" or "summary"))
                throw Error(path, Map(yaml, key.Start, end), UnknownKey, $"unknown front matter key '{name ?? key.ToString()}'; expected 'title' or 'summary'");
            if (value is not YamlScalarNode { Value: { Length: > 0 } text } scalar
                || (scalar.Style == ScalarStyle.Plain && NullWords.Contains(text)))
                throw Error(path, Map(yaml, value.Start, end), NotAString, $"front matter key '{name}' must have a text value");
            var position = Map(yaml, value.Start, end);
            result = name == "title"
                ? result with { Title = text, TitlePosition = position }
                : result with { Summary = text, SummaryPosition = position };
        }
        return result;
    }

    private static bool IsDelimiter(MarkdownLine line) => line.Text.TrimEnd() == "---";

    /// <summary>Maps a 1-based YAML mark to the source through the origin of the Markdown line it falls on.</summary>
    private static SourcePosition Map(List<MarkdownLine> yaml, Mark mark, SourcePosition end)
    {
        var line = (int)mark.Line - 1;
        if (line < 0 || line >= yaml.Count) return end;
        var origin = yaml[line].Origin;
        return origin with { Column = origin.Column + Math.Max(0, (int)mark.Column - 1) };
    }

    private static BuildException Error(string path, SourcePosition at, string code, string message) =>
        new(Diagnostic.Error(path, at.Line, at.Column, code, message));
}
