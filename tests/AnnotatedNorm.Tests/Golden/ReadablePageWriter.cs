using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AnnotatedNorm.Tests.Golden;

/// <summary>
/// Writes a page as text a reviewer can diff: one node per line, indented by depth, attributes in document order,
/// text in quotes, and each KaTeX formula as its TeX source with a short hash of its typeset HTML.
/// </summary>
/// <remarks>
/// Whitespace is written as a browser renders it: collapsed outside <c>pre</c>, exact inside (a line break there is
/// its own line, <c>↵</c>), and left out only where it cannot render (beside a block element, or at either end of
/// one). Any other change of text, attribute, element or formula changes the output.
/// </remarks>
public static partial class ReadablePageWriter
{
    private const string Indent = "  ";

    private static readonly HashSet<string> VoidElements =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

    private static readonly HashSet<string> PreservingElements = ["pre", "textarea", "script", "style"];

    // Elements beside which (or at whose ends) whitespace never renders.
    private static readonly HashSet<string> BlockElements =
    [
        "address", "article", "aside", "base", "blockquote", "body", "details", "dialog", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "li", "link", "main", "meta", "nav", "noscript", "ol", "p", "pre", "script", "section",
        "style", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ];

    public static string Write(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        foreach (var node in document.ChildNodes) WriteNode(node, 0, preserve: false, text);
        return text.ToString();
    }

    private static void WriteNode(INode node, int depth, bool preserve, StringBuilder text)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        switch (node)
        {
            case IDocumentType doctype:
                text.Append(indent).Append("<!DOCTYPE ").Append(doctype.Name).Append(">\n");
                break;
            case IComment comment:
                text.Append(indent).Append("<!--").Append(comment.Data.Replace("\n", "↵", StringComparison.Ordinal)).Append("-->\n");
                break;
            case IText t:
                foreach (var line in TextLines(t.Data, preserve)) text.Append(indent).Append(line).Append('\n');
                break;
            case IElement element when Formula(element) is { } formula:
                WriteFormula(formula.Tex, formula.Display, Hash(element.OuterHtml), indent, text);
                break;
            case IElement element:
                WriteElement(element, depth, preserve || PreservingElements.Contains(element.LocalName), text);
                break;
        }
    }

    private static void WriteElement(IElement element, int depth, bool preserve, StringBuilder text)
    {
        var indent = string.Concat(Enumerable.Repeat(Indent, depth));
        var tag = element.LocalName;
        var start = new StringBuilder("<").Append(tag);
        foreach (var attribute in element.Attributes)
        {
            start.Append(' ').Append(attribute.Name);
            if (attribute.Value.Length > 0) start.Append("=\"").Append(EscapeAttribute(attribute.Value)).Append('"');
        }
        start.Append('>');

        var children = element.ChildNodes.Where(child => preserve || !IsUnrenderedWhitespace(child)).ToList();
        if (children.Count == 0)
        {
            text.Append(indent).Append(start).Append(VoidElements.Contains(tag) ? "" : $"</{tag}>").Append('\n');
            return;
        }
        // An element holding one line of text stays on one line: <span class="kw">using</span>.
        if (children is [IText only] && Formula(element) is null && TextOf(only.Data, preserve) is var inline && !inline.Contains('\n'))
        {
            text.Append(indent).Append(start).Append(inline).Append("</").Append(tag).Append(">\n");
            return;
        }
        text.Append(indent).Append(start).Append('\n');
        foreach (var child in children) WriteNode(child, depth + 1, preserve, text);
        text.Append(indent).Append("</").Append(tag).Append(">\n");
    }

    private static IEnumerable<string> TextLines(string data, bool preserve)
    {
        var pieces = TextOf(data, preserve).Split('\n');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0) yield return "↵";
            if (pieces[i].Length > 0) yield return $"\"{pieces[i]}\"";
        }
    }

    private static string TextOf(string data, bool preserve) => preserve ? data : Whitespace().Replace(data, " ");

    private static bool IsUnrenderedWhitespace(INode node)
    {
        if (node is not IText text || Whitespace().Replace(text.Data, "").Length > 0) return false;
        var parentIsBlock = node.ParentElement is { } parent && BlockElements.Contains(parent.LocalName);
        return (parentIsBlock && (node.PreviousSibling is null || node.NextSibling is null))
            || IsBlock(node.PreviousSibling) || IsBlock(node.NextSibling);
    }

    private static bool IsBlock(INode? node) => node is IElement element && BlockElements.Contains(element.LocalName);

    /// <summary>The TeX of a KaTeX rendering (<c>span.katex</c> or <c>span.katex-display</c>), or null for any other element.</summary>
    private static (string Tex, bool Display)? Formula(IElement element)
    {
        if (!element.ClassList.Contains("katex") && !element.ClassList.Contains("katex-display")) return null;
        if (element.QuerySelector("annotation[encoding='application/x-tex']") is not { } annotation) return null;
        var display = element.ClassList.Contains("katex-display") || element.QuerySelector("math")?.GetAttribute("display") == "block";
        return (annotation.TextContent, display);
    }

    private static void WriteFormula(string tex, bool display, string hash, string indent, StringBuilder text)
    {
        var delimiter = display ? "$$" : "$";
        if (!tex.Contains('\n'))
        {
            text.Append(indent).Append(delimiter).Append(tex).Append(delimiter).Append(" (katex ").Append(hash).Append(")\n");
            return;
        }
        text.Append(indent).Append(delimiter).Append('\n');
        foreach (var line in tex.Split('\n')) text.Append(indent).Append(Indent).Append(line).Append('\n');
        text.Append(indent).Append(delimiter).Append(" (katex ").Append(hash).Append(")\n");
    }

    /// <summary>Eight hex digits of the typeset HTML: a macro or KaTeX change shows even when the TeX stays.</summary>
    private static string Hash(string html) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..8];

    private static string EscapeAttribute(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("\n", "&#10;", StringComparison.Ordinal).Replace("\t", "&#9;", StringComparison.Ordinal);

    [GeneratedRegex("[ \t\n\r\f]+")]
    private static partial Regex Whitespace();
}
