using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Discovery;

public class SiteDiscovererTests
{
    [Theory]
    [InlineData("ch/index.cs", "ch/index.html")]
    [InlineData("index.cs", "index.html")]
    [InlineData("404.cs", "404.html")]
    [InlineData("ja/Doc.cs", "ja/Doc.html")]
    [InlineData("JA/readme.md", "JA/readme.html")]
    public void Should_Refuse_A_Source_Published_Where_The_Site_Puts_A_Page_Of_Its_Own(string source, string output)
    {
        // Given a site in English and Japanese
        using var tree = new SiteTree($"-- ch/Doc.cs\nclass D {{ }}\n-- {source}\nclass S {{ }}\n");

        // When
        var error = Assert.Throws<BuildException>(() => SiteDiscoverer.Discover(tree.Options)).Diagnostic;

        // Then
        Assert.Equal(("AN0008", 1, 1), (error.Code, error.Line, error.Column));
        Assert.EndsWith($"content/{source}", error.Path);
        Assert.Contains($"'{output}'", error.Message);
    }

    [Theory]
    [InlineData("ch/Index.cs")]
    [InlineData("ch/404.cs")]
    [InlineData("ch/ja/Doc.cs")]
    [InlineData("jaguar/Doc.cs")]
    [InlineData("en/Doc.cs")]
    [InlineData("ch/index.md")]
    public void Should_Accept_A_Source_Whose_Page_Has_A_Path_Of_Its_Own(string source)
    {
        // Given
        using var tree = new SiteTree($"-- ch/Doc.cs\nclass D {{ }}\n-- {source}\nclass S {{ }}\n");

        // When
        var site = SiteDiscoverer.Discover(tree.Options);

        // Then
        Assert.Contains(site.Sources, s => s.RelativePath == source);
    }

    [Fact]
    public async Task Should_Report_The_Collision_Instead_Of_Failing_The_Build()
    {
        // Given
        using var tree = new SiteTree("-- ch/index.cs\nclass I { }\n");

        // When
        var result = await tree.BuildAsync();

        // Then
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AN0008", error.Code);
        Assert.False(Directory.Exists(tree.Output));
    }
}

public sealed class SiteDiscovererBoundaryTests
{
    [Theory]
    [InlineData("ch/index.md", "ch/readme.md")]
    [InlineData("ch/readme.cs", "ch/readme.md")]
    public void Should_Refuse_Two_Sources_Of_Which_One_Would_Be_Lost(string first, string second)
    {
        // Given a folder with both an index.md and a readme.md, or a readme.cs and a readme.md (both readme.html)
        using var tree = new SiteTree($"-- ch/Doc.cs\nclass D {{ }}\n-- {first}\n// First\n-- {second}\n# Second\n");

        // When
        var error = Assert.Throws<BuildException>(() => SiteDiscoverer.Discover(tree.Options)).Diagnostic;

        // Then one is an error at its path, naming the other
        Assert.Equal(("AN0014", 1, 1), (error.Code, error.Line, error.Column));
        Assert.EndsWith($"content/{second}", error.Path);
        Assert.Contains($"'{first}'", error.Message);
    }

    [Fact]
    public void Should_Warn_Of_A_Catalog_That_Belongs_To_No_Page_Or_Language()
    {
        // Given catalogs of a page that exists, of one that does not, and of a language the site does not have
        using var tree = new SiteTree("-- ch/Doc.cs\nclass D { }\n-- ch/xlf/Doc.cs.ja.xlf\n<xliff/>\n-- ch/xlf/Gone.cs.ja.xlf\n<xliff/>\n-- ch/xlf/Doc.cs.fr.xlf\n<xliff/>\n");
        var diagnostics = new DiagnosticBag();

        // When
        SiteDiscoverer.Discover(tree.Options, diagnostics);

        // Then the two that are not used are warnings at their paths
        var warnings = diagnostics.ToSortedArray();
        Assert.Equal(["content/ch/xlf/Doc.cs.fr.xlf", "content/ch/xlf/Gone.cs.ja.xlf"], warnings.Select(w => w.Path[w.Path.IndexOf("content/", StringComparison.Ordinal)..]));
        Assert.All(warnings, w => Assert.Equal((Severity.Warning, "AN0412"), (w.Severity, w.Code)));
        Assert.Contains("'ch/Gone.cs'", warnings[1].Message);
    }

    [Fact]
    public void Should_Report_A_Missing_Reference_At_Its_Name_In_Site_Json()
    {
        // Given a site.json whose references name an assembly the generator is not offered, on its fifth line
        using var tree = new SiteTree("-- Doc.cs\nclass D { }\n", withConfiguration: false);
        tree.Write("site.json", "{\n  \"title\": \"T\",\n  \"baseUrl\": \"https://example.org/\",\n  \"references\": [\n    \"Missing.Assembly\"\n  ]\n}\n");

        // When
        var error = Assert.Throws<BuildException>(() => SiteDiscoverer.Discover(tree.Options)).Diagnostic;

        // Then it is reported at the name
        Assert.Equal(("AN0007", 5, 5), (error.Code, error.Line, error.Column));
    }
}
