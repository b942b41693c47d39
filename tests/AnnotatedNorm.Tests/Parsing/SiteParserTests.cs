using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Site;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Tests.Parsing;

public class SiteParserTests
{
    [Fact]
    public void Should_Parse_Again_Only_The_Files_Whose_Text_Changed()
    {
        // Given a site parsed once, then one of its two files edited
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("Other.cs", "namespace Demo;\n\n// Another page.\npublic static class Other { }\n"));
        var first = SiteParser.Parse(SiteDiscoverer.Discover(tree.Options), new DiagnosticBag());
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line."));

        // When it is parsed again with the first result
        var previous = first.ToDictionary(d => d.Source.RelativePath, StringComparer.Ordinal);
        var second = SiteParser.Parse(SiteDiscoverer.Discover(tree.Options), new DiagnosticBag(), previous);

        // Then the unchanged file's document and tree are the same objects, and the edited one is new
        Assert.Same(previous["Other.cs"], Assert.Single(second, d => d.Source.RelativePath == "Other.cs"));
        var edited = Assert.Single(second, d => d.Source.RelativePath == "Demo.cs");
        Assert.NotSame(previous["Demo.cs"], edited);
        Assert.Contains("An edited line.", edited.Document.Sections.Select(s => s.Commentary.Markdown));
        Assert.NotNull(edited.Tree);
        Assert.NotSame(previous["Demo.cs"].Tree, edited.Tree);
    }

    [Fact]
    public void Should_Let_Go_Of_The_Trees_Once_Asked()
    {
        // Given
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var documents = SiteParser.Parse(SiteDiscoverer.Discover(tree.Options), new DiagnosticBag());

        // When / Then
        Assert.All(documents, d => Assert.NotNull(d.Tree));
        Assert.All(documents.WithoutTrees(), d => Assert.Null(d.Tree));
    }
}
