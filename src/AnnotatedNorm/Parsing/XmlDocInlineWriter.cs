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
            if (node is XText t) text.Append(AsText(t.Value));
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

    /// <summary>
    /// The text of a documentation comment as Markdown whose <c>&lt;</c> and <c>&amp;</c> stay text: the compiler reads
    /// <c>&amp;lt;b&amp;gt;</c> as the characters <c>&lt;b&gt;</c>, never as an element. Math (<c>$…$</c>) is left as
    /// it is, since KaTeX reads it raw.
    /// </summary>
    internal static string AsText(string text)
    {
        if (text.IndexOfAny(['<', '&']) < 0) return text;
        var result = new StringBuilder(text.Length + 8);
        var inMath = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                result.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '$')
            {
                // $$ opens or closes display math as one delimiter.
                if (i + 1 < text.Length && text[i + 1] == '$') result.Append(text[i++]);
                inMath = !inMath;
            }
            if (!inMath && c is '<' or '&') result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }

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
            // The compiler ignores whitespace between a cref's tokens (M(int, string)); a Markdown link ends at a space.
            return $"[{(content.Length > 0 ? content : Code(shown))}](cref:{string.Concat(cref.Where(c => !char.IsWhiteSpace(c)))})";
        }
        if ((string?)element.Attribute("href") is { } href)
            return $"[{(content.Length > 0 ? content : href)}]({href})";
        return content;
    }
}
