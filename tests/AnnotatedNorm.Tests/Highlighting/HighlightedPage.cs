using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

/// <summary>Highlights sources for a test and reads the result back as a DOM, one <c>pre</c> per file.</summary>
internal sealed class HighlightedPage
{
    public static string TorchSharpPath { get; } = typeof(TorchSharp.torch).Assembly.Location;

    private HighlightedPage(CodeHighlighter highlighter, HighlightedSource source, IDocument document)
    {
        Highlighter = highlighter;
        Source = source;
        Document = document;
    }

    public CodeHighlighter Highlighter { get; }

    public HighlightedSource Source { get; }

    public IDocument Document { get; }

    /// <summary>Highlights the first source of <paramref name="files"/>, linking every source symbol to "#" + its id.</summary>
    public static HighlightedPage Of(params (string Path, string Text)[] files) => Of(files, withTorchSharp: false);

    public static HighlightedPage Of(string text, bool withTorchSharp = false) => Of([("a.cs", text)], withTorchSharp);

    public static HighlightedPage Of((string Path, string Text)[] files, bool withTorchSharp)
    {
        var highlighter = CodeHighlighter.Create(files, withTorchSharp ? [TorchSharpPath] : []);
        var source = highlighter.Highlight(files[0].Path, id => "#" + id);
        return new HighlightedPage(highlighter, source, Parse(source));
    }

    public static IDocument Parse(HighlightedSource source)
    {
        var parser = new HtmlParser();
        return parser.ParseDocument("<pre>\n" + string.Join("\n", source.Lines) + "</pre>");
    }

    /// <summary>The elements whose own text is exactly <paramref name="text"/>, in document order.</summary>
    public IReadOnlyList<IElement> All(string text) =>
        [.. Document.QuerySelectorAll("pre *").Where(e => e.TextContent == text && e.Children.Length == 0)];

    public IElement Single(string text) => Assert.Single(All(text));

    /// <summary>The class attribute of the n-th element showing <paramref name="text"/>, or null when the text is not wrapped.</summary>
    public string? ClassOf(string text, int occurrence = 0)
    {
        var elements = All(text);
        return occurrence < elements.Count ? elements[occurrence].GetAttribute("class") : null;
    }

    public string PlainText => Document.QuerySelector("pre")!.TextContent;

    /// <summary>Parses one line's HTML on its own, as the page does when it places lines in separate rows.</summary>
    public static IElement ParseLine(string lineHtml) =>
        new HtmlParser().ParseDocument("<pre>" + lineHtml + "</pre>").QuerySelector("pre")!;
}
