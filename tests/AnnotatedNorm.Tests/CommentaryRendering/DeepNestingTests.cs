using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.CommentaryRendering;

public class DeepNestingTests
{
    [Theory]
    [InlineData(">", 10_000)]
    [InlineData("- ", 3_000)]
    public async Task Should_Report_Markdown_Nested_Past_The_Parsers_Limit_As_An_Error_Of_Its_Page(string marker, int depth)
    {
        // Given a readme nested thousands of levels deep, beside an ordinary page
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("deep/readme.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat(marker, depth)) + "text\n"));

        // When the site is built
        var result = await tree.BuildAsync();

        // Then the build fails with an error at that page in each language, and writes nothing
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(("content/deep/readme.md", "AN0310"), (e.Path[e.Path.IndexOf("content/", StringComparison.Ordinal)..], e.Code)));
        Assert.False(Directory.Exists(tree.Output));
    }
}
