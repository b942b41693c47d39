using System.Collections.Immutable;
using System.Text;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Parsing;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Parsing;

/// <summary>A source file with its parsed sections and the source text the highlighter compiles.</summary>
public sealed record ParsedDocument(SourceFile Source, string Text, AnnotatedDocument Document)
{
    /// <summary>Roslyn's tree of a C# file, kept from parsing for the highlighter; null once highlighting is done, and for Markdown.</summary>
    public SyntaxTree? Tree { get; init; }

    private readonly Lazy<int[]> sectionOfLine = new(() => Map(Document));

    /// <summary>The section that holds a 1-based source line, or -1.</summary>
    public int SectionOf(int line) => line >= 1 && line < sectionOfLine.Value.Length ? sectionOfLine.Value[line] : -1;

    private static int[] Map(AnnotatedDocument document)
    {
        var lines = 0;
        foreach (var section in document.Sections)
            foreach (var line in section.Lines)
                lines = Math.Max(lines, line.Number);
        var map = new int[lines + 1];
        Array.Fill(map, -1);
        foreach (var section in document.Sections)
            foreach (var line in section.Lines)
                map[line.Number] = section.Index;
        return map;
    }
}

/// <summary>The Parse stage over the whole site: every file parsed in parallel, every failure reported.</summary>
public static class SiteParser
{
    /// <param name="previous">Documents of an earlier build (with their trees), by relative path; a file whose text is unchanged is not parsed again.</param>
    public static ImmutableArray<ParsedDocument> Parse(SiteInput site, DiagnosticBag diagnostics, IReadOnlyDictionary<string, ParsedDocument>? previous = null)
    {
        var options = Highlighting.CodeHighlighterOptions.For(site).ParseOptions;
        var parser = new AnnotationParser(options);
        var parsed = new ParsedDocument?[site.Sources.Length];
        Parallel.For(0, site.Sources.Length, i =>
        {
            var source = site.Sources[i];
            var path = site.DisplayPath(source);
            try
            {
                var text = SourceFileReader.Read(source.FullPath, path);
                if (previous is not null && previous.TryGetValue(source.RelativePath, out var earlier)
                    && earlier.Source == source && earlier.Document.Path == path && earlier.Text == text
                    && (earlier.Tree is null || earlier.Tree.Options.Equals(options)))
                {
                    parsed[i] = earlier;
                    return;
                }
                if (Path.GetExtension(source.FullPath).Equals(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    var document = parser.ParseCSharp(path, text, source.RelativePath, out var tree);
                    parsed[i] = new ParsedDocument(source, text, document) { Tree = tree };
                }
                else
                    parsed[i] = new ParsedDocument(source, text, parser.Parse(path, text));
            }
            catch (BuildException e)
            {
                diagnostics.Add(e.Diagnostic);
            }
        });
        return [.. parsed.OfType<ParsedDocument>()];
    }

    /// <summary>
    /// The documents with what each <c>&lt;inheritdoc&gt;</c> brings in put in its place: only the compiler knows which
    /// member a comment inherits from, so the files that have one are converted again once highlighting has found out.
    /// </summary>
    public static ImmutableArray<ParsedDocument> Inherit(SiteInput site, ImmutableArray<ParsedDocument> documents, Highlighting.HighlightedSite code)
    {
        AnnotationParser? parser = null;
        var result = documents.ToBuilder();
        for (var i = 0; i < result.Count; i++)
        {
            var parsed = result[i];
            if (parsed.Document.Kind != DocumentKind.CSharp || code.InheritedOf(parsed.Source.RelativePath) is not { Count: > 0 } inherited) continue;
            parser ??= new AnnotationParser(Highlighting.CodeHighlighterOptions.For(site).ParseOptions);
            // The same text parsed again: front matter that was read once reads again, so nothing here can throw.
            var document = parser.ParseCSharp(parsed.Document.Path, parsed.Text, parsed.Source.RelativePath, out _, inherited);
            result[i] = parsed with { Document = document, Tree = null };
        }
        return result.ToImmutable();
    }

    /// <summary>The documents without their syntax trees, so the trees can be collected once the highlighter has read them.</summary>
    public static ImmutableArray<ParsedDocument> WithoutTrees(this ImmutableArray<ParsedDocument> documents) =>
        [.. documents.Select(d => d.Tree is null ? d : d with { Tree = null })];
}
