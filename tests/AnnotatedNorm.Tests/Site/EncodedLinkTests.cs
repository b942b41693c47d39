using System.Text;

namespace AnnotatedNorm.Tests.Site;

public sealed class EncodedLinkTests
{
    [Fact]
    public async Task Should_Encode_File_Names_In_Links_So_That_Build_And_Check_Agree()
    {
        // Given pages whose file names hold a space, '#', '%' and a letter outside ASCII
        using var tree = new SiteTree(("ch/a b#c%d é.cs", SiteTree.DemoPage), ("ch/Other.cs", "// Other.\nclass Other { }\n"));

        // When the site is built with its links checked
        var result = await SiteBuilder.BuildAsync(tree.Options with { CheckLinks = true });

        // Then every link resolves, and the links to the page are percent-encoded, in both languages and in the sitemap
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("ch/index.html", """
            href="a%20b%23c%25d%20%C3%A9.html"
            ! href="a b#c%d é.html"
            """);
        tree.AssertPage("ja/ch/Other.html", "href=\"a%20b%23c%25d%20%C3%A9.html\"");
        tree.AssertPage("ch/a b#c%d é.html", """
            href="../ja/ch/a%20b%23c%25d%20%C3%A9.html"
            https://example.org/docs/ch/a%20b%23c%25d%20%C3%A9.html
            https://github.com/example/repo/blob/main/content/ch/a%20b%23c%25d%20%C3%A9.cs
            """);
        Assert.Contains("<loc>https://example.org/docs/ch/a%20b%23c%25d%20%C3%A9.html</loc>", tree.Read("sitemap.xml"), StringComparison.Ordinal);
    }
}
