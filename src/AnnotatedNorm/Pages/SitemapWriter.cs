using System.Text;
using System.Xml;

namespace AnnotatedNorm.Pages;

/// <summary>Writes <c>sitemap.xml</c>: every page, with its other-language versions as hreflang alternates.</summary>
public static class SitemapWriter
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static string Write(IEnumerable<PageModel> pages)
    {
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriterUtf8(text), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", SitemapNamespace);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages.Where(p => p.Kind != PageKind.NotFound).OrderBy(p => p.CanonicalUrl, StringComparer.Ordinal))
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, page.CanonicalUrl);
                foreach (var alternate in page.Alternates)
                    WriteAlternate(writer, alternate.Culture, alternate.AbsoluteUrl);
                if (page.Alternates.Length > 0)
                    WriteAlternate(writer, "x-default", page.Alternates[0].AbsoluteUrl);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return text.Append('\n').ToString();
    }

    private static void WriteAlternate(XmlWriter writer, string culture, string url)
    {
        writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("hreflang", culture);
        writer.WriteAttributeString("href", url);
        writer.WriteEndElement();
    }

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
