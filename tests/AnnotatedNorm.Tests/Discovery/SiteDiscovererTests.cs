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
