using AnnotatedNorm.Checking;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Tests.Cli;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Checking;

public class LinkCheckerTests
{
    private static OutputFile Page(string path, string body) =>
        OutputFile.Text(path, $"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>");

    private static readonly OutputFile[] Site =
    [
        Page("index.html", """<h1 id="top">Home</h1><a href="dir/">dir</a><a href="dir/Page.html#section-2">s2</a><a href="#top">top</a>"""),
        Page("dir/index.html", """<a href="../">home</a><a href="Page.html">page</a><a href="./">self</a><link rel="stylesheet" href="../assets/site.css">"""),
        Page("dir/Page.html", """<div id="section-2"></div><a href="https://example.org/x">out</a><a href="mailto:a@b.c">mail</a><img src="../assets/pic%20one.png">"""),
        OutputFile.Text("assets/site.css", "body{}"),
        OutputFile.Text("assets/pic one.png", "png"),
    ];

    [Fact]
    public void Should_Accept_A_Site_Whose_Links_All_Land()
    {
        // Given / When
        var diagnostics = LinkChecker.Check(Site, _ => null);

        // Then
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Should_Report_A_Link_To_A_Missing_Page_On_The_Page_That_Has_It()
    {
        // Given
        var files = Site.Append(Page("ja/index.html", """<a href="../dir/Missing.html">gone</a>""")).ToList();

        // When
        var diagnostics = LinkChecker.Check(files, _ => null);

        // Then
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AN0501", diagnostic.Code);
        Assert.Equal("ja/index.html", diagnostic.Path);
        Assert.Contains("dir/Missing.html", diagnostic.Message);
    }

    [Fact]
    public void Should_Report_A_Fragment_That_Names_No_Element()
    {
        // Given
        var files = Site.Append(Page("other.html", """<a href="dir/Page.html#section-9">nine</a><a href="#nowhere">x</a>""")).ToList();

        // When
        var diagnostics = LinkChecker.Check(files, _ => null);

        // Then
        Assert.Equal(2, diagnostics.Length);
        Assert.Contains("names '#section-9'", diagnostics[0].Message);
        Assert.Contains("names '#nowhere'", diagnostics[1].Message);
        Assert.All(diagnostics, d => Assert.Equal("AN0502", d.Code));
    }

    [Fact]
    public void Should_Report_A_Link_That_Climbs_Above_The_Site_Root()
    {
        // Given
        var files = Site.Append(Page("up.html", """<a href="../../etc/passwd">up</a>""")).ToList();

        // When / Then
        Assert.Equal("AN0501", Assert.Single(LinkChecker.Check(files, _ => null)).Code);
    }

    [Fact]
    public void Should_Point_A_Broken_Link_At_The_Source_Line_That_Wrote_It()
    {
        // Given a source that links to its sibling by its .cs name, which the page turned into .html
        var source = "# Title\n\nSee [the layer](Layer.cs#section-7) for more.\n";
        var files = new[] { Page("Doc.html", """<p><a href="Layer.html#section-7">the layer</a></p>"""), Page("Layer.html", "<div id=\"section-1\"></div>") };

        // When
        var diagnostic = Assert.Single(LinkChecker.Check(files, page => page == "Doc.html" ? new LinkOrigin("content/Doc.md", () => source) : null));

        // Then
        Assert.Equal(("content/Doc.md", 3, 17), (diagnostic.Path, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("content/Doc.md(3,17): error AN0502: ", diagnostic.ToString());
    }

    [Fact]
    public async Task Should_Fail_A_Check_Of_Content_With_A_Broken_Link_And_Fragment_At_The_Right_Files()
    {
        // Given a readme linking to a page that does not exist and to a section the code page does not have
        using var tree = new SiteTree(
            ("Demo.cs", SiteTree.DemoPage),
            ("guide/readme.md", "# Guide\n\nRead [the demo](../Demo.cs#section-99).\n\nAnd [the missing page](Missing.md).\n"));

        // When
        var result = await SiteBuilder.BuildAsync(tree.Options with { WriteOutput = false, CheckLinks = true });

        // Then
        var broken = result.Diagnostics.Where(d => d.Code.StartsWith("AN05", StringComparison.Ordinal))
            .Select(d => (string.Join('/', d.Path.Split('/')[^2..]), d.Line, d.Code)).Distinct();
        Assert.Equal([("guide/readme.md", 3, "AN0502"), ("guide/readme.md", 5, "AN0501")], broken.Order());
        Assert.False(result.Succeeded);
        Assert.Empty(result.Files);
    }
}
