using AnnotatedNorm.Pages;
using static AnnotatedNorm.Tests.Pages.AssemblerInput;

namespace AnnotatedNorm.Tests.Pages;

/// <summary>The pages the assembler adds or lists: folder indexes, the home page, the 404 page and the listings.</summary>
public class SiteAssemblerIndexTests
{
    [Fact]
    public void Should_Generate_A_Folder_Index_Introduced_By_The_Readme_That_It_Does_Not_List()
    {
        // Given a folder with a readme and no index.md
        var pages = Assemble("en",
            Content("ch/readme.md", "Chapter", "What the chapter holds.", "<p>Intro.</p>"),
            Content("ch/Doc.cs", "Means", "Taking averages."));

        // When
        var index = pages.At("ch/index.html");

        // Then
        Assert.Equal((PageKind.FolderIndex, "Chapter", "What the chapter holds.", "<p>Intro.</p>"), (index.Kind, index.Title, index.Description, index.BodyHtml));
        Assert.Equal([new IndexEntry("Means", "Taking averages.", "Doc.html", false, [])], index.Entries, EntryComparer.Instance);
        Assert.Equal(PageKind.Markdown, pages.At("ch/readme.html").Kind);
    }

    [Fact]
    public void Should_Make_An_Index_Md_The_Folder_Index_And_List_The_Readme_First()
    {
        // Given a folder with both index.md and readme.md
        var pages = Assemble("en",
            Content("ch/index.md", "Chapter index", "From index.md.", "<p>Index.</p>"),
            Content("ch/Doc.cs", "Means"),
            Content("ch/readme.md", "Read me"));

        // When
        var index = pages.At("ch/index.html");

        // Then Markdown pages come before code pages
        Assert.Equal((PageKind.FolderIndex, "Chapter index", "<p>Index.</p>"), (index.Kind, index.Title, index.BodyHtml));
        Assert.Equal(
            [new IndexEntry("Read me", "", "readme.html", false, []), new IndexEntry("Means", "", "Doc.html", false, [])],
            index.Entries, EntryComparer.Instance);
    }

    [Fact]
    public void Should_Generate_A_Home_Page_With_The_Site_Title_When_There_Is_No_Root_Index()
    {
        // Given pages two and three folders deep
        var pages = Assemble("ja",
            Content("a/readme.md", "Chapter A", "About A."),
            Content("a/Doc.cs", "Doc", "One page."),
            Content("a/b/Deep.cs", "Deep"),
            Content("a/b/c/Deeper.cs", "Deeper"));

        // When
        var home = pages.At("ja/index.html");

        // Then the home page lists each folder with its pages and sub-folders, one level down
        Assert.Equal((PageKind.Home, "Test Site", "A site for tests.", "index.html"), (home.Kind, home.Title, home.Description, home.HomeHref));
        Assert.Equal(
            [
                new IndexEntry("Chapter A", "About A.", "a/index.html", true,
                [
                    new IndexEntry("Doc", "One page.", "a/Doc.html", false, []),
                    new IndexEntry("B", "", "a/b/index.html", true, []),
                ]),
            ],
            home.Entries, EntryComparer.Instance);
        Assert.Equal(
            [new IndexEntry("Deep", "", "Deep.html", false, []), new IndexEntry("C", "", "c/index.html", true, [new IndexEntry("Deeper", "", "c/Deeper.html", false, [])])],
            pages.At("ja/a/b/index.html").Entries, EntryComparer.Instance);
    }

    [Fact]
    public void Should_Make_A_Root_Index_Md_The_Only_Home_Page()
    {
        // Given
        var pages = Assemble("en", Content("index.md", "Welcome", "", "<p>Hello.</p>"), Content("Top.cs", "Top"));

        // When
        var home = pages.At("index.html");

        // Then
        Assert.Equal((PageKind.Home, "Welcome", "<p>Hello.</p>"), (home.Kind, home.Title, home.BodyHtml));
        Assert.Equal([new IndexEntry("Top", "", "Top.html", false, [])], home.Entries, EntryComparer.Instance);
    }

    [Fact]
    public void Should_Add_One_Not_Found_Page_Per_Culture_Titled_In_Its_Language()
    {
        // Given
        var doc = Content("ch/Doc.cs", "Means");

        // When
        var english = Assemble("en", doc).At("404.html");
        var japanese = Assemble("ja", doc).At("ja/404.html");

        // Then (its links start from the base URL's path: a host serves it at any depth)
        Assert.Equal((PageKind.NotFound, "Page not found", "/docs/index.html", "/docs/"), (english.Kind, english.Title, english.HomeHref, english.AssetRoot));
        Assert.Equal((PageKind.NotFound, "ページが見つかりません", "/docs/ja/index.html", "/docs/"), (japanese.Kind, japanese.Title, japanese.HomeHref, japanese.AssetRoot));
        Assert.Empty(english.Entries);
        Assert.Null(english.SourceUrl);
    }

    [Fact]
    public void Should_Name_A_Folder_Without_Title_Page_After_The_Folder()
    {
        // Given folders whose names use underscores and hyphens
        var pages = Assemble("en", Content("layer_norm/A.cs", "A"), Content("group-norm/B.cs", "B"));

        // When
        var titles = pages.Where(p => p.Kind == PageKind.FolderIndex).Select(p => p.Title);

        // Then
        Assert.Equal(["Group norm", "Layer norm"], titles);
    }

    /// <summary>Compares entries by value, children included (records compare immutable arrays by reference).</summary>
    private sealed class EntryComparer : IEqualityComparer<IndexEntry>
    {
        public static readonly EntryComparer Instance = new();

        public bool Equals(IndexEntry? x, IndexEntry? y) =>
            x is not null && y is not null
            && (x.Title, x.Summary, x.Href, x.IsFolder) == (y.Title, y.Summary, y.Href, y.IsFolder)
            && x.Children.SequenceEqual(y.Children, this);

        public int GetHashCode(IndexEntry entry) => entry.Href.GetHashCode(StringComparison.Ordinal);
    }
}
