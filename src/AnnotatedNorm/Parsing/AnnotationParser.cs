using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using CSharpParseOptions = Microsoft.CodeAnalysis.CSharp.CSharpParseOptions;
using SyntaxTree = Microsoft.CodeAnalysis.SyntaxTree;

namespace AnnotatedNorm.Parsing;

/// <summary>Splits an annotated C# file or a Markdown page into sections of commentary and code, losing no line.</summary>
/// <remarks>
/// The rules are documented, with examples that double as tests, in the spec files under
/// <c>tests/AnnotatedNorm.Tests/Parsing/Specs</c>. Columns count UTF-16 code units, a tab as one.
/// </remarks>
/// <param name="options">How C# is parsed (the content project's symbols and language version); the defaults when null.</param>
public sealed class AnnotationParser(CSharpParseOptions? options = null)
{
    public const string UnsupportedFile = "AN0100";

    private const char ByteOrderMark = '\uFEFF';

    /// <summary>Parses by file extension: <c>.cs</c> as C#, <c>.md</c> as a Markdown page.</summary>
    /// <exception cref="BuildException">AN0100 for another extension; AN0101–AN0105 for malformed front matter.</exception>
    public AnnotatedDocument Parse(string path, string text) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".cs" => ParseCSharp(path, text),
            ".md" => ParseMarkdown(path, text),
            var other => throw new BuildException(Diagnostic.Error(path, 1, 1, UnsupportedFile, $"cannot annotate a '{other}' file; expected .cs or .md")),
        };

    /// <summary>Parses annotated C#. An empty file has no sections.</summary>
    /// <exception cref="BuildException">For malformed front matter, at its source position.</exception>
    public AnnotatedDocument ParseCSharp(string path, string text) => ParseCSharp(path, text, path, out _);

    /// <summary>Parses annotated C# and hands back Roslyn's tree of it (null if Roslyn's parser crashed), for the highlighter to reuse.</summary>
    /// <param name="treePath">The path the tree carries (the highlighter's key of the file).</param>
    /// <param name="inherited">What each <c>&lt;inheritdoc&gt;</c> brings in, as XML, by the position of its <c>&lt;</c> (see <see cref="Highlighting.HighlightedSite.InheritedOf"/>); null when not known yet.</param>
    /// <exception cref="BuildException">For malformed front matter, at its source position.</exception>
    public AnnotatedDocument ParseCSharp(string path, string text, string treePath, out SyntaxTree? tree, IReadOnlyDictionary<SourcePosition, string>? inherited = null)
    {
        var (body, hasBom) = WithoutByteOrderMark(text);
        var index = LineIndex.Of(body);
        tree = CSharpSyntax.TryParse(body, options ?? CSharpSyntax.DefaultOptions, treePath);
        var drafts = SectionBuilder.Build(CommentLineClassifier.Classify(tree?.GetRoot(), index), inherited);

        // Front matter belongs to the file's first commentary, and only if no code comes before it.
        var first = drafts.FindIndex(d => d.CommentaryLines.Length > 0);
        var frontMatter = FrontMatter.None;
        var sections = drafts.Select((d, i) => d.ToSection(i, d.Markdown)).ToList();
        if (first >= 0 && drafts.Take(first).All(d => d.CodeLines.All(l => string.IsNullOrWhiteSpace(l.Text))))
        {
            (frontMatter, var rest) = FrontMatterParser.Extract(path, drafts[first].Markdown);
            sections[first] = drafts[first].ToSection(first, rest);
        }
        return new AnnotatedDocument(path, DocumentKind.CSharp, hasBom, frontMatter, [.. sections]);
    }

    /// <summary>Parses a <c>readme.md</c> / <c>index.md</c> page: always one section, all commentary.</summary>
    /// <exception cref="BuildException">For malformed front matter, at its source position.</exception>
    public AnnotatedDocument ParseMarkdown(string path, string text)
    {
        var (body, hasBom) = WithoutByteOrderMark(text);
        var lines = LineIndex.Of(body).Lines;
        var markdown = lines.Select(l => new MarkdownLine(l.Text, new SourcePosition(l.Number, 1))).ToList();
        var (frontMatter, rest) = FrontMatterParser.Extract(path, markdown);
        var draft = new SectionDraft(lines, [], rest);
        var section = draft.ToSection(0, CommentaryBuilder.Trim(rest));
        return new AnnotatedDocument(path, DocumentKind.Markdown, hasBom, frontMatter, [section]);
    }

    private static (string Body, bool HasByteOrderMark) WithoutByteOrderMark(string text) =>
        text.Length > 0 && text[0] == ByteOrderMark ? (text[1..], true) : (text, false);
}
