using AnnotatedNorm.Pages;
using static AnnotatedNorm.Tests.Pages.AssemblerInput;

namespace AnnotatedNorm.Tests.Pages;

/// <summary>Where the assembler puts a page and how it links it: output paths, breadcrumbs, language links, canonical URLs.</summary>
public class SiteAssemblerTests
{
    [Fact]
    public void Should_Publish_The_Default_Language_At_The_Root_And_Others_Under_Their_Culture_Folder()
    {
        // Given
        var doc = Content("ch/Doc.cs", "Means");

        // When
        var english = Assemble("en", doc).At("ch/Doc.html");
        var japanese = Assemble("ja", doc).At("ja/ch/Doc.html");

        // Then
        Assert.Equal((PageKind.Code, "en", "../", "../index.html"), (english.Kind, english.Culture, english.AssetRoot, english.HomeHref));
        // The shared assets stay at the root; the home link stays within the culture.
        Assert.Equal((PageKind.Code, "ja", "../../", "../index.html"), (japanese.Kind, japanese.Culture, japanese.AssetRoot, japanese.HomeHref));
        Assert.Equal("https://github.com/example/repo/blob/main/content/ch/Doc.cs", english.SourceUrl);
        Assert.Equal(english.SourceUrl, japanese.SourceUrl);
        Assert.Equal(("Means", "Test Site"), (english.Title, english.SiteTitle));
    }

    [Fact]
    public void Should_Lead_Breadcrumbs_From_The_Top_Folder_Down_To_The_Folder_Of_The_Page()
    {
        // Given a chapter introduced by its readme, and a sub-folder with neither readme nor index
        var pages = Assemble("en",
            Content("chapter/readme.md", "Normalization Layers"),
            Content("chapter/layer_norm/LayerNorm.cs", "Layer Normalization"));

        // When
        var crumbs = pages.At("chapter/layer_norm/LayerNorm.html").Breadcrumbs;

        // Then the folder without a title page is named after the folder itself
        Assert.Equal<Link>(
            [new Link("Normalization Layers", "../index.html"), new Link("Layer norm", "index.html")],
            crumbs);
    }

    [Fact]
    public void Should_Not_Repeat_A_Folder_In_The_Breadcrumbs_Of_Its_Own_Index()
    {
        // Given
        var pages = Assemble("ja",
            Content("a/readme.md", "A"),
            Content("a/b/index.md", "B"),
            Content("a/b/Doc.cs", "Doc"));

        // When
        var index = pages.At("ja/a/b/index.html");

        // Then
        Assert.Equal<Link>([new Link("A", "../index.html")], index.Breadcrumbs);
        Assert.Equal<Link>([new Link("A", "../index.html"), new Link("B", "index.html")], pages.At("ja/a/b/Doc.html").Breadcrumbs);
        Assert.Empty(pages.At("ja/index.html").Breadcrumbs);
        Assert.Empty(pages.At("ja/404.html").Breadcrumbs);
    }

    [Fact]
    public void Should_Link_Every_Language_Version_Of_A_Page_Relative_To_It_And_Absolute()
    {
        // Given
        var doc = Content("ch/Doc.cs", "Means");

        // When
        var japanese = Assemble("ja", doc).At("ja/ch/Doc.html");

        // Then
        Assert.Equal<Alternate>(
            [
                new Alternate("en", "English", "../../ch/Doc.html", "https://example.org/docs/ch/Doc.html", false),
                new Alternate("ja", "日本語", "Doc.html", "https://example.org/docs/ja/ch/Doc.html", true),
            ],
            japanese.Alternates);
        Assert.Equal("https://example.org/docs/ja/ch/Doc.html", japanese.CanonicalUrl);
    }

    [Theory]
    [InlineData("en", "ch/Doc.cs", "ch/Doc.html", "https://example.org/docs/ch/Doc.html")]
    [InlineData("en", "ch/index.md", "ch/index.html", "https://example.org/docs/ch/")]
    [InlineData("en", "index.md", "index.html", "https://example.org/docs/")]
    [InlineData("ja", "index.md", "ja/index.html", "https://example.org/docs/ja/")]
    [InlineData("ja", "ch/readme.md", "ja/ch/index.html", "https://example.org/docs/ja/ch/")]
    [InlineData("en", "ch/Reindex.cs", "ch/Reindex.html", "https://example.org/docs/ch/Reindex.html")]
    [InlineData("en", "ch/Reindex.cs", "ch/index.html", "https://example.org/docs/ch/")]
    public void Should_Give_A_Folder_Index_The_Folder_Url_As_Canonical_Url(string culture, string source, string page, string canonical)
    {
        // Given one source: a folder index, a page beside it, or a page whose name only ends like an index

        // When
        var pages = Assemble(culture, Content(source, "Title"));

        // Then
        Assert.Equal(canonical, pages.At(page).CanonicalUrl);
    }

    [Fact]
    public void Should_Describe_A_Page_Without_Summary_With_The_Site_Description()
    {
        // Given
        var pages = Assemble("en", Content("ch/With.cs", "With", "Its own summary."), Content("ch/Without.cs", "Without"));

        // When / Then
        Assert.Equal("Its own summary.", pages.At("ch/With.html").Description);
        Assert.Equal("A site for tests.", pages.At("ch/Without.html").Description);
    }

    [Fact]
    public void Should_Return_Pages_In_Ordinal_Order_Of_Their_Output_Path_With_One_Page_Per_Path()
    {
        // Given sources in no particular order
        var pages = Assemble("en", Content("b/Z.cs", "Z"), Content("B/a.cs", "a"), Content("a.cs", "a"), Content("b/readme.md", "b"));

        // When
        var paths = pages.Select(p => p.OutputPath).ToList();

        // Then
        Assert.Equal(["404.html", "B/a.html", "B/index.html", "a.html", "b/Z.html", "b/index.html", "b/readme.html", "index.html"], paths);
    }
}
