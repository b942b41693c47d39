using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>Writes a parse result in the readable form that spec files expect after the "." line.</summary>
public static class SpecOutputWriter
{
    public static List<string> Write(SpecExample example)
    {
        var text = SpecNotation.DecodeInput(example.Input);
        var parser = new AnnotationParser();
        try
        {
            var document = example.IsMarkdownPage ? parser.ParseMarkdown(example.DisplayPath, text) : parser.ParseCSharp(example.DisplayPath, text);
            return Write(document);
        }
        catch (BuildException e)
        {
            return [e.Diagnostic.ToString()];
        }
    }

    public static List<string> Write(AnnotatedDocument document)
    {
        var output = new List<string>();
        if (document.HasByteOrderMark) output.Add(SpecNotation.ByteOrderMark);
        if (document.FrontMatter.Title is { } title) output.Add($"title {Position(document.FrontMatter.TitlePosition)}|{SpecNotation.Encode(title)}");
        if (document.FrontMatter.Summary is { } summary) output.Add($"summary {Position(document.FrontMatter.SummaryPosition)}|{SpecNotation.Encode(summary)}");
        if (document.Sections.IsEmpty) output.Add("(no sections)");
        foreach (var section in document.Sections)
        {
            output.Add($"== section {section.Index}");
            output.Add("-- commentary" + Range(section.CommentaryLines));
            var markdown = section.Commentary.IsEmpty ? [] : section.Commentary.Markdown.Split('\n');
            for (var i = 0; i < markdown.Length; i++)
            {
                var origin = i < section.Commentary.Origins.Length ? Position(section.Commentary.Origins[i]) : "?";
                output.Add($"{origin}|{SpecNotation.Encode(markdown[i])}");
            }
            output.Add("-- code");
            output.AddRange(section.CodeLines.Select(l => $"{l.Number}|{SpecNotation.Encode(l.Text)}{SpecNotation.EncodeEnding(l.Ending)}"));
        }
        return output;
    }

    private static string Position(SourcePosition position) => $"{position.Line}:{position.Column}";

    private static string Range(IReadOnlyList<SourceLine> lines) => lines.Count switch
    {
        0 => string.Empty,
        1 => $" {lines[0].Number}",
        _ => $" {lines[0].Number}-{lines[^1].Number}",
    };
}
