using System.Collections.Immutable;
using System.Text;
using System.Xml.Linq;
using AnnotatedNorm.Pages;

namespace AnnotatedNorm.Tests.Pages;

public class SitemapWriterTests
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public void Should_Start_With_The_Xml_Declaration_At_Byte_Zero_Without_Byte_Order_Mark()
    {
        // Given
        var pages = AssemblerInput.Assemble("en", AssemblerInput.Content("ch/Doc.cs", "Means"));

        // When
        var bytes = Encoding.UTF8.GetBytes(SitemapWriter.Write(pages));

        // Then
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.ASCII.GetString(bytes, 0, 38));
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(Sitemap + "urlset", XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!.Name);
    }

    [Fact]
    public void Should_List_Every_Page_Once_In_Url_Order_Except_The_Not_Found_Page()
    {
        // Given the pages of both cultures
        var doc = AssemblerInput.Content("ch/Doc.cs", "Means");
        var pages = AssemblerInput.Assemble("ja", doc).AddRange(AssemblerInput.Assemble("en", doc));

        // When
        var locations = Urls(SitemapWriter.Write(pages)).Select(u => u.Element(Sitemap + "loc")!.Value);

        // Then
        Assert.Equal(
            [
                "https://example.org/docs/",
                "https://example.org/docs/ch/",
                "https://example.org/docs/ch/Doc.html",
                "https://example.org/docs/ja/",
                "https://example.org/docs/ja/ch/",
                "https://example.org/docs/ja/ch/Doc.html",
            ],
            locations);
    }

    [Fact]
    public void Should_Give_Each_Url_Its_Language_Versions_And_The_Default_Language_As_X_Default()
    {
        // Given
        var pages = AssemblerInput.Assemble("ja", AssemblerInput.Content("ch/Doc.cs", "Means"));

        // When
        var url = Assert.Single(Urls(SitemapWriter.Write(pages)), u => u.Element(Sitemap + "loc")!.Value.EndsWith("Doc.html", StringComparison.Ordinal));

        // Then
        Assert.Equal(
            [
                "en https://example.org/docs/ch/Doc.html",
                "ja https://example.org/docs/ja/ch/Doc.html",
                "x-default https://example.org/docs/ch/Doc.html",
            ],
            url.Elements(Xhtml + "link").Select(l => $"{l.Attribute("hreflang")!.Value} {l.Attribute("href")!.Value}"));
        Assert.All(url.Elements(Xhtml + "link"), l => Assert.Equal("alternate", l.Attribute("rel")!.Value));
    }

    [Fact]
    public void Should_Escape_Urls_And_Leave_Out_Alternates_Of_A_Page_That_Has_None()
    {
        // Given a page alone in its language, at an address with characters XML must escape
        var page = AssemblerInput.Assemble("en", AssemblerInput.Content("Doc.cs", "Doc"))[0] with
        {
            Kind = PageKind.Code,
            CanonicalUrl = "https://example.org/?a=1&b=<2>",
            Alternates = ImmutableArray<Alternate>.Empty,
        };

        // When
        var text = SitemapWriter.Write([page]);

        // Then
        var url = Assert.Single(Urls(text));
        Assert.Equal("https://example.org/?a=1&b=<2>", url.Element(Sitemap + "loc")!.Value);
        Assert.Empty(url.Elements(Xhtml + "link"));
        Assert.Contains("&amp;b=&lt;2&gt;", text);
    }

    private static IEnumerable<XElement> Urls(string sitemap) => XDocument.Parse(sitemap).Root!.Elements(Sitemap + "url");
}
