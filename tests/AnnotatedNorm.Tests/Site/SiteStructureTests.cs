using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AnnotatedNorm.Configuration;

namespace AnnotatedNorm.Tests.Site;

public class SiteStructureTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    private static readonly string[] ExpectedPages =
    [
        "index.html",
        "404.html",
        "sitemap.xml",
        "normalization/index.html",
        "normalization/readme.html",
        "normalization/layer_norm/index.html",
        "normalization/layer_norm/readme.html",
        "normalization/layer_norm/LayerNorm.html",
        "ja/index.html",
        "ja/404.html",
        "ja/normalization/layer_norm/LayerNorm.html",
    ];

    private IHtmlDocument Parse(string file, List<string> errors)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = false });
        parser.Error += (_, e) => errors.Add($"{Path.GetRelativePath(site.Output, file)}: {e}");
        return parser.ParseDocument(File.ReadAllText(file));
    }

    [Fact]
    public void Should_Build_The_Real_Content_Without_Errors()
    {
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Should_Write_The_Expected_Page_At_Its_Own_Address_In_Its_Language(string page)
    {
        // Given
        var file = Path.Combine(site.Output, page);
        Assert.True(File.Exists(file), $"{page} is missing");

        // When
        if (page.EndsWith(".xml", StringComparison.Ordinal))
        {
            Assert.Equal("urlset", System.Xml.Linq.XDocument.Parse(File.ReadAllText(file)).Root!.Name.LocalName);
            return;
        }
        var document = Parse(file, []);

        // Then the page names its own URL as canonical (a folder index by its folder) and is in its folder's language
        var baseUrl = SiteConfigurationReader.Read(Path.Combine(RepositoryRoot.Find(), "content"), "site.json").BaseUrl;
        var address = page.EndsWith("index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page;
        Assert.Equal(baseUrl + address, document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(page.StartsWith("ja/", StringComparison.Ordinal) ? "ja" : "en", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("main h1"));
    }

    public static TheoryData<string> Pages() => [.. ExpectedPages];

    [Fact]
    public void Should_Write_Html_Without_Parse_Errors()
    {
        var errors = new List<string>();
        foreach (var file in site.HtmlFiles()) Parse(file, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Should_Give_Every_Section_Docs_And_Code()
    {
        var errors = new List<string>();
        var document = Parse(Path.Combine(site.Output, "normalization/layer_norm/LayerNorm.html"), errors);
        var sections = document.QuerySelectorAll("div.section");
        Assert.True(sections.Length > 5, $"only {sections.Length} sections");
        foreach (var section in sections)
        {
            Assert.Matches("^section-[0-9]+$", section.Id);
            // Besides its two columns, a section may hold the names it declares, hidden, for the search index only.
            Assert.Equal(["docs", "code"], section.Children.Where(c => !c.HasAttribute("hidden")).Select(c => c.ClassName));
            Assert.All(section.Children.Where(c => c.HasAttribute("hidden")), c => Assert.Equal("0.3", c.GetAttribute("data-pagefind-weight")));
        }
    }

    [Fact]
    public void Should_Typeset_Math_As_Katex_With_MathML_And_Leave_No_Dollar_Delimiters()
    {
        var errors = new List<string>();
        foreach (var file in site.HtmlFiles())
        {
            var document = Parse(file, errors);
            foreach (var docs in document.QuerySelectorAll(".docs, .page-body"))
            {
                foreach (var katex in docs.QuerySelectorAll(".katex"))
                    Assert.NotNull(katex.QuerySelector("math annotation[encoding='application/x-tex']"));
                var text = string.Concat(docs.QuerySelectorAll("p, li, h1, h2, h3, td, th").Select(e => TextOutsideMath(e)));
                Assert.DoesNotContain("$", text);
            }
            Assert.Empty(document.QuerySelectorAll(".katex-error"));
        }
        var page = Parse(Path.Combine(site.Output, "normalization/layer_norm/LayerNorm.html"), errors);
        Assert.True(page.QuerySelectorAll(".katex-display").Length >= 3, "the LayerNorm page should have display formulas");
    }

    private static string TextOutsideMath(AngleSharp.Dom.IElement element)
    {
        var clone = (AngleSharp.Dom.IElement)element.Clone(deep: true);
        foreach (var math in clone.QuerySelectorAll(".katex, code, pre").ToList()) math.Remove();
        return clone.TextContent;
    }

    [Fact]
    public void Should_Load_No_Stylesheet_Script_Or_Font_From_The_Network()
    {
        var errors = new List<string>();
        foreach (var file in site.HtmlFiles())
        {
            var document = Parse(file, errors);
            var urls = document.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href"))
                .Concat(document.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")));
            Assert.All(urls, url => Assert.DoesNotMatch("^(https?:)?//", url!));
        }
        foreach (var css in Directory.EnumerateFiles(site.Output, "*.css", SearchOption.AllDirectories))
            Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", File.ReadAllText(css));
    }

    [Fact]
    public void Should_Resolve_Every_Relative_Link_And_Fragment()
    {
        var errors = new List<string>();
        var broken = new List<string>();
        foreach (var file in site.HtmlFiles())
        {
            var document = Parse(file, errors);
            var references = document.QuerySelectorAll("a[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("link[href]").Where(e => e.GetAttribute("rel") is "stylesheet").Select(e => e.GetAttribute("href")!))
                .Concat(document.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!));
            foreach (var reference in references.Distinct())
            {
                if (reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var (path, fragment) = reference.Split('#', 2) is [var p, var f] ? (p, f) : (reference, null);
                // Only the 404 page links from the base URL's path (/annotatednorm/): a host serves it at any depth.
                var target = path.Length == 0 ? file
                    : path.StartsWith('/') ? Path.Combine(site.Output, RootRelative(path))
                    : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (Directory.Exists(target)) target = Path.Combine(target, "index.html");
                var from = Path.GetRelativePath(site.Output, file);
                if (!File.Exists(target)) { broken.Add($"{from}: {reference}"); continue; }
                if (fragment is { Length: > 0 } && target.EndsWith(".html", StringComparison.Ordinal))
                {
                    var targetDocument = Parse(target, errors);
                    if (targetDocument.GetElementById(Uri.UnescapeDataString(fragment)) is null) broken.Add($"{from}: {reference} (no such id)");
                }
            }
        }
        Assert.Empty(broken);
    }

    private static string RootRelative(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "content", "site.json")));
        var basePath = new Uri(json.RootElement.GetProperty("baseUrl").GetString()!).AbsolutePath;
        return path.StartsWith(basePath, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[basePath.Length..]) : "(outside the site) " + path;
    }

    [Fact]
    public void Should_Write_A_Sitemap_That_Starts_With_The_Xml_Declaration_And_Lists_Every_Page_Once()
    {
        // Given
        var bytes = File.ReadAllBytes(Path.Combine(site.Output, "sitemap.xml"));
        var pages = site.HtmlFiles()
            .Where(f => Path.GetFileName(f) != "404.html")
            .Select(f => Parse(f, []).QuerySelector("link[rel=canonical]")!.GetAttribute("href")!)
            .Order(StringComparer.Ordinal);

        // When
        var xml = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));

        // Then the declaration is at byte 0 (no byte order mark), and each page but the 404 pages is one url
        Assert.Equal("<?xml"u8.ToArray(), bytes[..5]);
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = xml.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).Order(StringComparer.Ordinal);
        Assert.Equal(pages, locations);
        Assert.Contains(locations, l => l.EndsWith("ja/normalization/layer_norm/LayerNorm.html", StringComparison.Ordinal));
    }
}
