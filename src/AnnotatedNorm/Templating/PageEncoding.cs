using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AnnotatedNorm.Templating;

/// <summary>The HTML encoder templates use: escapes markup characters but writes Japanese and other scripts as text, not entities.</summary>
public static class PageEncoding
{
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);
}
