using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Localization;

public class SiteCatalogsTests
{
    [Theory]
    // A typo in the XML, and an inline tag that XLIFF editors write.
    [InlineData("<target state=\"translated\">デモ</targt>")]
    [InlineData("<target state=\"translated\"><g id=\"1\">デモ</g></target>")]
    public void Should_Leave_A_Catalog_It_Cannot_Read_As_It_Was(string brokenTarget)
    {
        // Given a page whose Japanese catalog was filled in, then broken
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var options = new BuildOptions(tree.Content, SiteTree.Templates) { ReferencePaths = TestReferences.Paths };
        SiteCatalogs.Update(options, prune: false);
        var catalog = Path.Combine(tree.Content, "xlf", "Demo.cs.ja.xlf");
        var text = File.ReadAllText(catalog);
        var title = text.IndexOf("<target state=\"new\"></target>", StringComparison.Ordinal);
        var broken = string.Concat(text.AsSpan(0, title), brokenTarget, text.AsSpan(title + "<target state=\"new\"></target>".Length));
        File.WriteAllText(catalog, broken);

        // When the catalogs are updated again
        var (changes, diagnostics) = SiteCatalogs.Update(options, prune: false);

        // Then the catalog is untouched, the problem is reported at its line, and nothing was written for it
        Assert.Equal(broken, File.ReadAllText(catalog));
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((LocalizationCodes.MalformedCatalog, broken[..title].Count(c => c == '\n') + 1), (error.Code, error.Line));
        Assert.DoesNotContain(changes, c => c.Written);
    }

    [Fact]
    public void Should_Put_Inherited_Documentation_In_The_Catalog_To_Translate()
    {
        // Given a two-language site whose class inherits its summary from a base class in another file
        using var tree = new SiteTree(
            ("Shape.cs", "/// <summary>A shape with an area.</summary>\npublic abstract class Shape { }\n"),
            ("Square.cs", "/// <inheritdoc/>\npublic sealed class Square : Shape { }\n"));
        var options = new BuildOptions(tree.Content, SiteTree.Templates) { ReferencePaths = TestReferences.Paths };

        // When the catalogs are updated
        var (_, diagnostics) = SiteCatalogs.Update(options, prune: false);

        // Then the inheriting page's catalog holds the inherited text, as its page shows it
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("A shape with an area.", File.ReadAllText(Path.Combine(tree.Content, "xlf", "Square.cs.ja.xlf")), StringComparison.Ordinal);
    }
}
