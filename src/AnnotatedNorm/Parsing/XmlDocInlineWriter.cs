using System.Text;
using System.Xml.Linq;

namespace AnnotatedNorm.Parsing;

/// <summary>Writes the inline Markdown of XML documentation elements such as <c>c</c>, <c>see</c> and <c>paramref</c>.</summary>
internal static class XmlDocInlineWriter
{
    public static string Content(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            if (node is XText t) text.Append(t.Value);
            else if (node is XElement e) text.Append(Inline(e));
        }
        return text.ToString();
    }

    public static string Inline(XElement element) => element.Name.LocalName switch
    {
        "c" => Code(element.Value),
        "see" or "seealso" => Link(element),
        "paramref" or "typeparamref" => Code((string?)element.Attribute("name") ?? string.Empty),
        "b" or "strong" => $"**{Content(element)}**",
        "i" or "em" => $"*{Content(element)}*",
        "a" => Link(element),
        "br" => "\n",
        "para" => $"\n\n{Content(element)}\n\n",
        "code" => $"\n\n```csharp\n{element.Value.Trim('\n')}\n```\n\n",
        _ => Content(element),
    };

    public static string Code(string text) =>
        text.Contains('`') ? $"`` {text} ``" : $"`{text}`";

    /// <summary>The symbol an element's <c>cref</c> names, as a link; the element's text is not used.</summary>
    public static string CrefLink(XElement element) => Link(new XElement("see", element.Attribute("cref")));

    /// <summary>A <c>cref</c> becomes a <c>cref:</c> link that the site resolves; <c>langword</c> and <c>href</c> keep their meaning.</summary>
    public static string Link(XElement element)
    {
        var content = Content(element).Trim();
        if ((string?)element.Attribute("langword") is { } word) return Code(word);
        if ((string?)element.Attribute("cref") is { } cref)
        {
            var shown = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
            return $"[{(content.Length > 0 ? content : Code(shown))}](cref:{cref})";
        }
        if ((string?)element.Attribute("href") is { } href)
            return $"[{(content.Length > 0 ? content : href)}]({href})";
        return content;
    }
}
