using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>A problem in a doc comment that the page can go on from, at the exact place in the file.</summary>
internal sealed record DocCommentFinding(int Line, int Column, string Code, string Message);

/// <summary>The crefs of a file's doc comments, in source order, and what in them the page cannot show as written.</summary>
/// <param name="Inheritdocs">The <c>&lt;inheritdoc&gt;</c> elements, in source order (an empty element or a start tag).</param>
internal sealed record DocCommentSyntax(ImmutableArray<XmlAttributeSyntax> Crefs, ImmutableArray<DocCommentFinding> Findings,
    ImmutableArray<XmlNodeSyntax> Inheritdocs = default)
{
    public static DocCommentSyntax None { get; } = new([], [], []);
}

/// <summary>Reads the doc comments of a syntax tree as the compiler parsed them (<c>DocumentationMode.Parse</c>).</summary>
internal static class DocCommentReader
{
    public const string UnknownElement = "AN0603";
    public const string IncludeUnsupported = "AN0604";

    /// <summary>The elements of the documentation-comment spec, and the few HTML ones that doc comments commonly hold.</summary>
    private static readonly FrozenSet<string> KnownElements = new[]
    {
        "summary", "remarks", "para", "c", "code", "example", "list", "listheader", "item", "term", "description",
        "see", "seealso", "paramref", "typeparamref", "param", "typeparam", "returns", "exception", "value",
        "inheritdoc", "include", "permission", "b", "i", "em", "strong", "a", "br", "u", "sub", "sup",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static DocCommentSyntax Read(SyntaxTree tree, string text)
    {
        // Most files hold no doc comment: one scan of the text spares a walk of their trivia.
        if (!text.Contains("///", StringComparison.Ordinal) && !text.Contains("/**", StringComparison.Ordinal)) return DocCommentSyntax.None;
        var crefs = ImmutableArray.CreateBuilder<XmlAttributeSyntax>();
        var findings = ImmutableArray.CreateBuilder<DocCommentFinding>();
        var inheritdocs = ImmutableArray.CreateBuilder<XmlNodeSyntax>();
        LineMap? lines = null;
        foreach (var trivia in DocComments(tree, text))
        {
            // Building the structure takes a lock Roslyn shares between threads: only comments that need it get one.
            if (!NeedsStructure(text.AsSpan(trivia.FullSpan.Start, trivia.FullSpan.Length))) continue;
            foreach (var node in trivia.GetStructure()!.DescendantNodes())
            {
                switch (node)
                {
                    case XmlCrefAttributeSyntax cref: crefs.Add(cref); break;
                    // The compiler does not parse a cref with a kind prefix (T:, M:…): it is a documentation id as text.
                    case XmlTextAttributeSyntax { Name.LocalName.ValueText: "cref" } id: crefs.Add(id); break;
                    case XmlElementStartTagSyntax start: Check(start.Name); if (IsInheritdoc(start.Name)) inheritdocs.Add((XmlElementSyntax)start.Parent!); break;
                    case XmlEmptyElementSyntax empty: Check(empty.Name); if (IsInheritdoc(empty.Name)) inheritdocs.Add(empty); break;
                }
            }
        }
        return crefs.Count == 0 && findings.Count == 0 && inheritdocs.Count == 0
            ? DocCommentSyntax.None
            : new(crefs.ToImmutable(), findings.ToImmutable(), inheritdocs.ToImmutable());

        static bool IsInheritdoc(XmlNameSyntax name) => name.Prefix is null && name.LocalName.ValueText == "inheritdoc";

        void Check(XmlNameSyntax name)
        {
            var local = name.LocalName.ValueText;
            if (name.Prefix is null && KnownElements.Contains(local) && local != "include") return;
            lines ??= new LineMap(text);
            var (line, column) = lines.PositionOf(name.SpanStart - 1);
            findings.Add(local == "include" && name.Prefix is null
                ? new(line, column, IncludeUnsupported, "<include> is not supported: the documentation it names is not shown")
                : new(line, column, UnknownElement, $"<{name}> is not an element of XML documentation; its text is shown as plain text"));
        }
    }

    /// <summary>The doc comments of the tree, in order, found from where their markers stand in the text.</summary>
    /// <remarks>A walk of every trivia of the tree cost more than binding all its crefs; looking up each marker's trivia costs a path down the tree.</remarks>
    internal static IEnumerable<SyntaxTrivia> DocComments(SyntaxTree tree, string text)
    {
        var root = tree.GetRoot();
        var after = 0;
        for (var at = NextMarker(text, 0); at >= 0; at = NextMarker(text, Math.Max(at + 3, after)))
        {
            if (at < after) continue;
            var trivia = root.FindTrivia(at);
            if (!trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)) continue;
            after = trivia.FullSpan.End;
            yield return trivia;
        }

        static int NextMarker(string text, int from)
        {
            if (from >= text.Length) return -1;
            var line = text.IndexOf("///", from, StringComparison.Ordinal);
            var block = text.IndexOf("/**", from, StringComparison.Ordinal);
            return line < 0 ? block : block < 0 ? line : Math.Min(line, block);
        }
    }

    /// <summary>The cref as the XML reads it: entities decoded and line breaks made spaces, as in the Markdown the parser wrote.</summary>
    public static string TextOf(XmlAttributeSyntax cref, string text)
    {
        var start = cref.StartQuoteToken.Span.End;
        var raw = text[start..cref.EndQuoteToken.SpanStart];
        return WebUtility.HtmlDecode(raw).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
    }

    public static (int Line, int Column) PositionOf(XmlAttributeSyntax cref, LineMap lines) =>
        lines.PositionOf(cref.StartQuoteToken.Span.End);

    /// <summary>Where an element starts: the position of its <c>&lt;</c>.</summary>
    public static (int Line, int Column) PositionOf(XmlNodeSyntax element, LineMap lines) => lines.PositionOf(element.SpanStart);

    private static bool NeedsStructure(ReadOnlySpan<char> comment)
    {
        if (comment.Contains("cref", StringComparison.Ordinal)) return true;
        for (var at = comment.IndexOf('<'); at >= 0 && at + 1 < comment.Length; at = Next(comment, at))
        {
            var rest = comment[(at + 1)..];
            if (rest[0] == '/') rest = rest[1..];
            var end = 0;
            while (end < rest.Length && (char.IsLetterOrDigit(rest[end]) || rest[end] is '_' or ':' or '-' or '.')) end++;
            if (end > 0 && !KnownElements.Contains(rest[..end].ToString())) return true;
            if (rest[..end] is "include" or "inheritdoc") return true;
        }
        return false;

        static int Next(ReadOnlySpan<char> comment, int at)
        {
            var next = comment[(at + 1)..].IndexOf('<');
            return next < 0 ? -1 : at + 1 + next;
        }
    }
}
