using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Site;

public class LocalizedSiteTests
{
    private const string Page = """
        -- ch/Doc.cs
        // ---
        // title: Means
        // summary: Taking averages.
        // ---
        // The mean $\mu$ is the first statistic.
        //
        // The variance comes second.
        //
        // - A list item with `code`.
        class Doc { }
        """;

    /// <summary>Creates the Japanese catalog with <c>i18n update</c>, then fills targets by English text.</summary>
    private static void Translate(SiteTree tree, Dictionary<string, (string Target, string State)> bySource)
    {
        var (changes, diagnostics) = SiteCatalogs.Update(new BuildOptions(tree.Content, SiteTree.Templates) { ReferencePaths = TestReferences.Paths }, prune: false);
        Assert.Empty(diagnostics);
        var path = Path.Combine(tree.Content, "ch", "xlf", "Doc.cs.ja.xlf");
        var catalog = XliffCatalogReader.ReadFile(path);
        catalog = catalog with
        {
            Entries = [.. catalog.Entries.Select(e => bySource.TryGetValue(e.Source, out var t)
                ? e with { Target = t.Target, State = Enum.Parse<TranslationState>(t.State) }
                : e)],
        };
        XliffCatalogWriter.Save(catalog, path);
    }

    [Fact]
    public async Task Should_Show_Translated_Units_And_Mark_Missing_Ones_As_English()
    {
        // Given a catalog that translates the title, summary and first paragraph only
        using var tree = new SiteTree(Page);
        Translate(tree, new()
        {
            ["Means"] = ("平均", "Translated"),
            ["Taking averages."] = ("平均を取る。", "Translated"),
            ["The mean $\\mu$ is the first statistic."] = ("平均 $\\mu$ は最初の統計量です。", "Final"),
        });

        // When
        var result = await tree.BuildAsync();

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("ja/ch/Doc.html", """
            <html lang="ja">
            <title>平均 · Test Site</title>
            <meta name="description" content="平均を取る。">
            は最初の統計量です。</p>
            <p class="l10n-missing" lang="en">The variance comes second.</p>
            <li class="l10n-missing" lang="en">A list item with <code>code</code>.</li>
            <link rel="canonical" href="https://example.org/docs/ja/ch/Doc.html">
            <link rel="alternate" hreflang="en" href="https://example.org/docs/ch/Doc.html">
            <link rel="alternate" hreflang="ja" href="https://example.org/docs/ja/ch/Doc.html">
            <link rel="alternate" hreflang="x-default" href="https://example.org/docs/ch/Doc.html">
            <li><a href="../index.html">ホーム</a></li>
            <a href="../../ch/Doc.html" hreflang="en" lang="en" aria-current="false">English</a>
            ! <p>The mean
            """);
    }

    [Fact]
    public async Task Should_Describe_The_Site_In_Each_Language_On_The_Home_And_Not_Found_Pages()
    {
        // Given a site.json whose description has a text per language
        using var tree = new SiteTree(Page);
        tree.Write("site.json", SiteTree.DefaultConfiguration.Replace(
            "\"description\": \"A site for tests.\"",
            "\"description\": { \"en\": \"A site for tests.\", \"ja\": \"テスト用のサイトです。\" }"));

        // When
        var result = await tree.BuildAsync();

        // Then the Japanese pages carry the Japanese text, the English pages the English one
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("ja/index.html", """
            <meta name="description" content="テスト用のサイトです。">
            <p>テスト用のサイトです。</p>
            ! A site for tests.
            """);
        tree.AssertPage("ja/404.html", """
            <meta name="description" content="テスト用のサイトです。">
            ! A site for tests.
            """);
        tree.AssertPage("index.html", """
            <meta name="description" content="A site for tests.">
            ! テスト用のサイトです。
            """);
    }

    [Fact]
    public async Task Should_Mark_A_Translation_Of_Older_English_As_Possibly_Outdated()
    {
        // Given a translated paragraph whose English then changes
        using var tree = new SiteTree(Page);
        Translate(tree, new() { ["The variance comes second."] = ("分散は二番目です。", "Translated") });
        tree.Write("ch/Doc.cs", File.ReadAllText(Path.Combine(tree.Content, "ch", "Doc.cs")).Replace("comes second", "always comes second"));

        // When
        var result = await tree.BuildAsync();

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var document = new HtmlParser().ParseDocument(tree.Read("ja/ch/Doc.html"));
        var stale = Assert.Single(document.QuerySelectorAll(".l10n-stale"));
        Assert.Contains("分散は二番目です。", stale.TextContent);
        var marker = stale.QuerySelector("a.l10n-stale-marker")!;
        Assert.Equal("../../ch/Doc.html#section-0", marker.GetAttribute("href"));
        Assert.Contains("英語版を読む", marker.TextContent);
    }

    [Fact]
    public async Task Should_Show_The_English_With_A_Warning_When_A_Stale_Translation_No_Longer_Fits_It()
    {
        // Given a translation whose English then gains a formula
        using var tree = new SiteTree(Page);
        Translate(tree, new() { ["The variance comes second."] = ("分散は二番目です。", "Translated") });
        tree.Write("ch/Doc.cs", File.ReadAllText(Path.Combine(tree.Content, "ch", "Doc.cs")).Replace("comes second", "$\\sigma^2$ comes second"));

        // When
        var result = await tree.BuildAsync();

        // Then the page is built, with the English in place of the outgrown translation
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("AN0410", Diagnostics.Severity.Warning), (warning.Code, warning.Severity));
        Assert.EndsWith("ch/xlf/Doc.cs.ja.xlf", warning.Path);
        tree.AssertPage("ja/ch/Doc.html", """
            class="l10n-missing" lang="en">The variance
            ! 分散は二番目です。
            """);
    }

    [Fact]
    public async Task Should_Fail_In_Strict_Mode_When_A_Unit_Is_Missing()
    {
        using var tree = new SiteTree(Page);
        Translate(tree, new() { ["Means"] = ("平均", "Translated") });

        var result = await tree.BuildAsync(strict: true);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "AN0409" && d.Path.EndsWith("Doc.cs.ja.xlf", StringComparison.Ordinal));
        Assert.False(Directory.Exists(tree.Output));
    }

    [Fact]
    public async Task Should_Never_Pass_Raw_Html_From_A_Translation()
    {
        using var tree = new SiteTree(Page);
        Translate(tree, new() { ["The variance comes second."] = ("分散<script>alert(1)</script>は二番目です。", "Translated") });

        var result = await tree.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal("AN0407", error.Code);
        Assert.EndsWith("ch/xlf/Doc.cs.ja.xlf", error.Path);
        Assert.True(error.Line > 1);
        Assert.False(Directory.Exists(tree.Output));
    }

    [Fact]
    public async Task Should_List_Every_Page_With_Its_Alternates_In_The_Sitemap()
    {
        using var tree = new SiteTree(Page);

        Assert.True((await tree.BuildAsync()).Succeeded);

        XNamespace s = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace x = "http://www.w3.org/1999/xhtml";
        var urls = XDocument.Parse(tree.Read("sitemap.xml")).Root!.Elements(s + "url").ToList();
        var doc = urls.Single(u => u.Element(s + "loc")!.Value == "https://example.org/docs/ja/ch/Doc.html");
        Assert.Equal(
            ["en https://example.org/docs/ch/Doc.html", "ja https://example.org/docs/ja/ch/Doc.html", "x-default https://example.org/docs/ch/Doc.html"],
            doc.Elements(x + "link").Select(l => $"{l.Attribute("hreflang")!.Value} {l.Attribute("href")!.Value}"));
        Assert.Contains(urls, u => u.Element(s + "loc")!.Value == "https://example.org/docs/");
        Assert.Contains(urls, u => u.Element(s + "loc")!.Value == "https://example.org/docs/ja/");
    }

    [Fact]
    public async Task Should_Link_Every_Language_Switch_To_The_Same_Page_In_That_Language()
    {
        // Given
        using var tree = new SiteTree(Page);

        // When
        Assert.True((await tree.BuildAsync()).Succeeded);

        // Then each link leads to a page in its language whose canonical URL is this page's alternate for it
        var parser = new HtmlParser();
        var files = Directory.EnumerateFiles(tree.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.Equal(8, files.Count);
        foreach (var file in files)
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var links = document.QuerySelectorAll(".language-switcher a").ToList();
            Assert.Equal(["en", "ja"], links.Select(l => l.GetAttribute("hreflang")));
            foreach (var link in links)
            {
                var culture = link.GetAttribute("hreflang")!;
                // The 404 page's links start from the base URL's path (/docs/), since a host serves it at any depth.
                var href = link.GetAttribute("href")!;
                var target = href.StartsWith("/docs/", StringComparison.Ordinal)
                    ? Path.GetFullPath(Path.Combine(tree.Output, href["/docs/".Length..]))
                    : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, href));
                Assert.True(File.Exists(target), $"{file}: {link.GetAttribute("href")}");
                var other = parser.ParseDocument(File.ReadAllText(target));
                Assert.Equal(culture, other.DocumentElement.GetAttribute("lang"));
                Assert.Equal(
                    document.QuerySelector($"link[rel=alternate][hreflang={culture}]")!.GetAttribute("href"),
                    other.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
                Assert.Equal(target == file ? "true" : "false", link.GetAttribute("aria-current"));
            }
        }
    }

    [Fact]
    public async Task Should_Publish_Images_Once_And_Point_Every_Language_At_Them()
    {
        // Given a page that shows an image next to it
        using var tree = new SiteTree(Page + "\n-- ch/readme.md\n# Figure\n\n![Axes](axes.svg)\n-- ch/axes.svg\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");

        // When
        Assert.True((await tree.BuildAsync()).Succeeded);

        // Then
        Assert.Equal(File.ReadAllBytes(Path.Combine(tree.Content, "ch", "axes.svg")), File.ReadAllBytes(Path.Combine(tree.Output, "ch", "axes.svg")));
        Assert.False(File.Exists(Path.Combine(tree.Output, "ja", "ch", "axes.svg")));
        tree.AssertPage("ch/readme.html", "<img src=\"axes.svg\" alt=\"Axes\" />");
        tree.AssertPage("ja/ch/readme.html", "<img src=\"../../ch/axes.svg\" alt=\"Axes\" />");
    }

    [Fact]
    public void Should_Have_The_Same_Interface_Keys_In_Every_Language()
    {
        var folder = Path.Combine(SiteTree.Templates, "i18n");
        var keys = Directory.EnumerateFiles(folder, "*.json")
            .ToDictionary(f => Path.GetFileName(f), f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.True(keys.Count >= 2);
        foreach (var (file, set) in keys)
            Assert.Equal(keys["en.json"], set);
    }
}
