using System.Xml.Linq;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Serving;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Serving;

/// <summary>serve renders again only the pages an edit reaches, and what it serves is what a cold build writes.</summary>
public class IncrementalRebuildTests
{
    private const string Other = """
        namespace Demo;

        /// <summary>Uses <see cref="Mean.Of"/> and <see cref="Missing.Symbol"/>, which warns.</summary>
        // Another page.
        public static class Other
        {
            // Calls the demo.
            public static double Twice(double x) => Mean.Of(x, 1) * 2;
        }
        """;

    [Fact]
    public async Task Should_Render_Again_Only_The_Pages_An_Edit_Reaches()
    {
        // Given a served site of two pages in two languages, built once
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("Other.cs", Other));
        using var site = new SiteRebuilder(tree.Options);
        var first = await site.RebuildAsync();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        var memo = site.Session.Pages!;
        Assert.Equal(4, memo.Rendered);
        var filesAfterFirst = site.Session.Files!.Rendered;

        // When one commentary line changes
        tree.Write("Other.cs", Other.Replace("// Calls the demo.", "// Calls the demo page's method."));
        var commentary = await site.RebuildAsync();

        // Then only that page is rendered again, in both languages, and the warning of the untouched page is still reported
        Assert.Equal(6, memo.Rendered);
        Assert.Equal(2, site.Session.Files!.Rendered - filesAfterFirst);
        await AssertSameAsColdBuild(tree, site);
        Assert.Contains(commentary.Diagnostics, d => d.Code == "AN0602");
        Assert.Equal(first.Diagnostics.Count(d => d.Code == "AN0602"), commentary.Diagnostics.Count(d => d.Code == "AN0602"));

        // When the code of the demo page moves a declaration into another section
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("    // Divides the total by the count.\n", ""));
        await site.RebuildAsync();

        // Then the page linking to it is rendered again too, and both match a cold build
        Assert.Equal(10, memo.Rendered);
        await AssertSameAsColdBuild(tree, site);
    }

    [Fact]
    public async Task Should_Render_Again_A_Translated_Page_When_Its_Catalog_Changes()
    {
        // Given a served site with a Japanese catalog for the demo page
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("Other.cs", Other));
        var (_, problems) = SiteCatalogs.Update(new BuildOptions(tree.Content, SiteTree.Templates) { ReferencePaths = TestReferences.Paths }, prune: false);
        Assert.Empty(problems);
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();
        var before = site.Session.Pages!.Rendered;

        // When a translation is filled in
        var path = Path.Combine(tree.Content, "xlf", "Demo.cs.ja.xlf");
        var catalog = XliffCatalogReader.ReadFile(path);
        catalog = catalog with
        {
            Entries = [.. catalog.Entries.Select(e => e.Source == "The first line of commentary." ? e with { Target = "最初の説明の行。", State = TranslationState.Translated } : e)],
        };
        XliffCatalogWriter.Save(catalog, path);
        await site.RebuildAsync();

        // Then the Japanese demo page alone is rendered again, and shows the translation as a cold build does
        Assert.Equal(before + 1, site.Session.Pages!.Rendered);
        Assert.Contains("最初の説明の行。", System.Text.Encoding.UTF8.GetString(site.Find("ja/Demo.html")!.Content.Span));
        await AssertSameAsColdBuild(tree, site);
    }

    [Fact]
    public async Task Should_Render_Again_A_Page_Whose_Link_Target_Appears()
    {
        // Given a served readme linking to a page that does not exist yet
        using var tree = new SiteTree(("readme.md", "# Home\n\nSee [the third page](Third.cs).\n"), ("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();

        // When the page is added
        tree.Write("Third.cs", "namespace Demo;\n\n// A third page.\npublic static class Third { }\n");
        await site.RebuildAsync();

        // Then the readme links to its HTML, as a cold build does
        Assert.Contains("<a href=\"Third.html\">the third page</a>", System.Text.Encoding.UTF8.GetString(site.Find("index.html")!.Content.Span));
        await AssertSameAsColdBuild(tree, site);
    }

    private static async Task AssertSameAsColdBuild(SiteTree tree, SiteRebuilder site)
    {
        var cold = await SiteBuilder.BuildAsync(tree.Options with { WriteOutput = false });
        Assert.True(cold.Succeeded, string.Join("\n", cold.Diagnostics));
        foreach (var file in cold.Files)
        {
            var served = site.Find(file.Path);
            Assert.NotNull(served);
            Assert.True(file.Content.Span.SequenceEqual(served.Content.Span), $"{file.Path} differs from a cold build");
        }
        Assert.Equal(cold.Diagnostics.AsEnumerable(), site.Latest.Diagnostics.AsEnumerable());
    }
}
