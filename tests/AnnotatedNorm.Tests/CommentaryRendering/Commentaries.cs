using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Tests.Typesetting;

namespace AnnotatedNorm.Tests.CommentaryRendering;

/// <summary>Small builders shared by the commentary tests.</summary>
internal static class Commentaries
{
    /// <summary>Commentary whose Markdown line i came from source line <paramref name="firstLine"/> + i, column <paramref name="column"/>.</summary>
    public static Commentary At(string markdown, int firstLine = 1, int column = 1) =>
        new(markdown, [.. markdown.Split('\n').Select((_, i) => new SourcePosition(firstLine + i, column))]);

    public static CommentaryPage Page(DiagnosticBag? diagnostics = null, Func<string, string?>? resolveLink = null) =>
        new("content/Sample.cs", diagnostics ?? new DiagnosticBag(), resolveLink is null ? null : (url, _) => resolveLink(url));

    public static IDocument Html(string html) => new HtmlParser().ParseDocument(html);

    // An array, not ImmutableArray: xunit compares ImmutableArray by its IEquatable (the backing array's identity).
    public static string[] TexAnnotations(string html) =>
        [.. Html(html).QuerySelectorAll("annotation[encoding='application/x-tex']").Select(a => a.TextContent)];

    public static CommentaryRenderer Renderer(KatexFixture katex) => new(katex.Renderer);
}
