using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Highlighting;
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
            if (example.IsMarkdownPage) return Write(parser.ParseMarkdown(example.DisplayPath, text));
            var document = parser.ParseCSharp(example.DisplayPath, text, example.DisplayPath, out var tree);
            List<string> output;
            if (text.Contains("///", StringComparison.Ordinal))
            {
                // As a build does: what each <inheritdoc> brings in, once the compiler has found it, is put in its place.
                var highlighter = CodeHighlighter.Create([(example.DisplayPath, text)], []);
                var inherited = highlighter.InheritedOf(example.DisplayPath).Where(d => d.Xml is not null)
                    .ToDictionary(d => new SourcePosition(d.Line, d.Column), d => d.Xml!);
                if (inherited.Count > 0) document = parser.ParseCSharp(example.DisplayPath, text, example.DisplayPath, out tree, inherited);
                output = Write(document);
                output.AddRange(WriteDocComments(highlighter, example.DisplayPath));
            }
            else output = Write(document);
            output.AddRange(Examples(document, text, tree));
            return output;
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

    /// <summary>
    /// What the compiler makes of the doc comments, when there is something to show: each cref with what it binds to
    /// (a documentation id in the file, a page of the .NET API reference, another library, or nothing), and each warning.
    /// </summary>
    private static List<string> WriteDocComments(CodeHighlighter highlighter, string path)
    {
        var output = new List<string>();
        var crefs = highlighter.CrefsOf(path);
        if (!crefs.IsEmpty) output.Add("-- crefs");
        foreach (var cref in crefs)
            output.Add($"{cref.Line}:{cref.Column}|{SpecNotation.Encode(cref.Text)} → {Describe(cref.Target)}");
        var inheritedCrefs = highlighter.InheritedOf(path).SelectMany(d => d.Crefs).ToList();
        if (inheritedCrefs.Count > 0) output.Add("-- inherited crefs");
        output.AddRange(inheritedCrefs.Select(c => $"{SpecNotation.Encode(c.Key)} → {Describe(c.Value)}"));
        var findings = highlighter.FindingsOf(path).Select(f => (f.Line, f.Column, f.Code, f.Message))
            .Concat(highlighter.InheritedOf(path).Where(d => d.Code is not null).Select(d => (d.Line, d.Column, d.Code!, d.Message!)))
            .OrderBy(f => f.Line).ThenBy(f => f.Column).ToList();
        if (findings.Count > 0) output.Add("-- warnings");
        output.AddRange(findings.Select(f => $"{f.Line}:{f.Column}|{f.Item3}: {f.Item4}"));
        return output;

        string? Describe(CrefTarget target) => target.Kind switch
        {
            CrefTargetKind.Source => highlighter.Declarations.FirstOrDefault(d => d.SymbolId == target.Target)?.DocumentationId ?? "in the file, no declaring name",
            CrefTargetKind.Framework => target.Target,
            CrefTargetKind.External => "another library",
            _ => "unbound",
        };
    }

    // The methods marked [Example] (spec 09): what the runner calls each one, where it is, and the section that shows its results.
    private static IEnumerable<string> Examples(AnnotatedDocument document, string text, Microsoft.CodeAnalysis.SyntaxTree? tree)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = new ParsedDocument(new AnnotatedNorm.Discovery.SourceFile(document.Path, document.Path, DocumentKind.CSharp), text, document) { Tree = tree };
        var found = AnnotatedNorm.Examples.ExampleFinder.Find([parsed], diagnostics);
        return [.. found.Select(e => $"example {e.Id} {e.Line}:{e.Column} section {e.Section}"), .. diagnostics.ToSortedArray().Select(d => d.ToString())];
    }

    private static string Position(SourcePosition position) => $"{position.Line}:{position.Column}";

    private static string Range(IReadOnlyList<SourceLine> lines) => lines.Count switch
    {
        0 => string.Empty,
        1 => $" {lines[0].Number}",
        _ => $" {lines[0].Number}-{lines[^1].Number}",
    };
}
