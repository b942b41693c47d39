using System.Collections.Immutable;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Pages;

namespace AnnotatedNorm.Tests.Pages;

public class PageNeighbourTests
{
    // A chapter of two methods, each a readme and a code page titled like it, as in the real content.
    private static readonly PageContent[] Chapter =
    [
        Content("guide/readme.md", "Guide"),
        Content("guide/alpha/readme.md", "Alpha"),
        Content("guide/alpha/Alpha.cs", "Alpha"),
        Content("guide/beta/readme.md", "Beta"),
        Content("guide/beta/Beta.cs", "Beta"),
        Content("guide/beta/Tools.cs", "Beta tools"),
    ];

    private static ImmutableArray<PageModel> Assemble(string culture = "en") =>
        new SiteAssembler(Site, Ui).Assemble(culture, Chapter);

    private static PageModel At(ImmutableArray<PageModel> pages, string path) => pages.Single(p => p.OutputPath == path);

    [Fact]
    public void Should_Link_Previous_And_Next_In_The_Order_Of_The_Chapter_Listing()
    {
        // Given the pages of a chapter
        // When the site is assembled
        var pages = Assemble();

        // Then each folder index comes before its pages, and the next folder after them
        Assert.Null(At(pages, "guide/index.html").Previous);
        Assert.Equal(new Link("Alpha", "alpha/index.html"), At(pages, "guide/index.html").Next);
        Assert.Equal(new Link("Alpha", "index.html"), At(pages, "guide/alpha/Alpha.html").Previous);
        Assert.Equal(new Link("Beta", "../beta/index.html"), At(pages, "guide/alpha/Alpha.html").Next);
        Assert.Equal(new Link("Beta.cs", "Beta.html"), At(pages, "guide/beta/index.html").Next);
        Assert.Equal(new Link("Beta tools", "Tools.html"), At(pages, "guide/beta/Beta.html").Next);
        Assert.Null(At(pages, "guide/beta/Tools.html").Next);
    }

    [Fact]
    public void Should_Give_A_Readme_The_Neighbours_Of_The_Folder_Index_It_Introduces()
    {
        // Given a method folder whose readme introduces its generated index
        // When the site is assembled
        var pages = Assemble();

        // Then the readme leads on as its index does
        var readme = At(pages, "guide/beta/readme.html");
        Assert.Equal(new Link("Alpha.cs", "../alpha/Alpha.html"), readme.Previous);
        Assert.Equal(new Link("Beta.cs", "Beta.html"), readme.Next);
        Assert.Equal(At(pages, "guide/beta/index.html").Previous, readme.Previous);
    }

    [Fact]
    public void Should_Link_A_Readme_To_Its_Code_Pages_And_To_The_Other_Methods_Of_The_Chapter()
    {
        // Given the pages of a chapter
        // When the site is assembled
        var pages = Assemble();

        // Then a readme names its folder's code pages and the chapter's other folders
        var readme = At(pages, "guide/beta/readme.html");
        Assert.Equal([new Link("Beta.cs", "Beta.html"), new Link("Beta tools", "Tools.html")], readme.FolderPages.ToArray());
        Assert.Equal([new Link("Alpha", "../alpha/index.html")], readme.Related.ToArray());
        // And a code page names its readme and the other code page, never itself
        Assert.Equal([new Link("Beta", "readme.html"), new Link("Beta tools", "Tools.html")], At(pages, "guide/beta/Beta.html").FolderPages.ToArray());
        // And the chapter's own pages have no related methods: other chapters are the home page's listing
        Assert.Empty(At(pages, "guide/readme.html").Related);
        Assert.Empty(At(pages, "index.html").Related);
        Assert.Null(At(pages, "index.html").Next);
    }

    [Fact]
    public void Should_End_The_Breadcrumbs_With_The_Page_Title_Once()
    {
        // Given readmes and code pages titled like their folders
        // When the site is assembled
        var pages = Assemble();

        // Then a readme stands for its folder, and a code page is named by its file
        var readme = At(pages, "guide/alpha/readme.html");
        Assert.Equal(["Guide"], readme.Breadcrumbs.Select(b => b.Label));
        Assert.Equal("Alpha", readme.Crumb);
        var code = At(pages, "guide/alpha/Alpha.html");
        Assert.Equal(["Guide", "Alpha"], code.Breadcrumbs.Select(b => b.Label));
        Assert.Equal("Alpha.cs", code.Crumb);
        // And a page with a title of its own keeps it
        Assert.Equal("Beta tools", At(pages, "guide/beta/Tools.html").Crumb);
    }

    [Theory]
    [InlineData("en", "404.html", "/docs/index.html")]
    [InlineData("ja", "ja/404.html", "/docs/ja/index.html")]
    public void Should_Start_Every_Link_Of_The_404_Page_From_The_Base_Url_Path(string culture, string path, string home)
    {
        // Given a site published under https://example.org/docs/
        // When the site is assembled in a language
        var notFound = At(Assemble(culture), path);

        // Then the 404 page's assets, home link and language links work at any depth under /docs/
        Assert.Equal("/docs/", notFound.AssetRoot);
        Assert.Equal(home, notFound.HomeHref);
        Assert.Equal(["/docs/404.html", "/docs/ja/404.html"], notFound.Alternates.Select(a => a.Href));
        // While every other page stays relative, so the site works from any folder and from file://
        Assert.StartsWith("../../", At(Assemble(culture), culture == "en" ? "guide/alpha/Alpha.html" : "ja/guide/alpha/Alpha.html").AssetRoot);
    }

    private static PageContent Content(string path, string title) =>
        new(new SourceFile(path, "/content/" + path, path.EndsWith(".cs", StringComparison.Ordinal) ? DocumentKind.CSharp : DocumentKind.Markdown),
            title, "", [], "", false);

    private static readonly SiteConfiguration Site = new(
        "Test", ImmutableSortedDictionary.CreateRange([KeyValuePair.Create("en", "A test site.")]), "https://example.org/docs/", null, "main", "content", ["en", "ja"], [], ImmutableSortedDictionary<string, string>.Empty);

    private static readonly ImmutableSortedDictionary<string, UiStrings> Ui = ImmutableSortedDictionary.CreateRange(
        new[] { "en", "ja" }.Select(c => KeyValuePair.Create(c, new UiStrings(c, ImmutableSortedDictionary.CreateRange(
            new[] { "home", "notFoundTitle", "languageName" }.Select(k => KeyValuePair.Create(k, $"{k} ({c})")))))));
}
