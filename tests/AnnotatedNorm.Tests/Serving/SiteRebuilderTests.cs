using AnnotatedNorm.Serving;
using AnnotatedNorm.Tests.Cli;
using Xunit.Abstractions;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Serving;

public class SiteRebuilderTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Should_Rebuild_In_Memory_Reusing_The_Engines_And_Report_Only_The_Changed_Pages()
    {
        // Given a served site built once
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("Other.cs", "namespace Demo;\n\n// Another page.\npublic static class Other { }\n"));
        using var site = new SiteRebuilder(tree.Options);
        var first = await site.RebuildAsync();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));

        // When nothing changes, then one commentary line changes
        var unchanged = await site.RebuildAsync();
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line."));
        var edited = await site.RebuildAsync();

        // Then
        log.WriteLine($"cold {first.Elapsed.TotalMilliseconds:F0} ms, no change {unchanged.Elapsed.TotalMilliseconds:F0} ms, one edit {edited.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Empty(unchanged.Changed);
        Assert.Contains("Demo.html", edited.Changed);
        Assert.DoesNotContain("Other.html", edited.Changed);
        Assert.DoesNotContain(edited.Changed, p => p.StartsWith("assets/", StringComparison.Ordinal));
        Assert.Equal((1, 1), (site.Session.TypesettingStarts, site.Session.TemplateEngineStarts));
        Assert.DoesNotContain("bindings", first.Reused);
        Assert.Contains("bindings", edited.Reused);
        Assert.NotNull(site.Session.Documents);
        Assert.Contains("An edited line.", System.Text.Encoding.UTF8.GetString(site.Find("Demo.html")!.Content.Span));
        Assert.False(Directory.Exists(Path.Combine(tree.Root, "output")));
    }

    [Fact]
    public async Task Should_Serve_An_Edit_Before_Its_Search_Index_And_Swap_The_Index_In_When_It_Is_Ready()
    {
        // Given a served site and its first search index
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        Assert.True((await site.RebuildAsync()).Succeeded);
        Assert.Null(await site.SearchIndex);
        var firstIndex = site.Find("pagefind/pagefind-entry.json");
        Assert.NotNull(firstIndex);

        // When a commentary line is edited
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line about zebras."));
        var edited = await site.RebuildAsync();

        // Then the rebuild neither indexed nor reported the index as changed, and the previous index stayed served meanwhile
        Assert.DoesNotContain(edited.StageTimes, s => s.Stage == "index");
        Assert.Equal(["Demo.html", "ja/Demo.html"], edited.Changed.Where(p => p.EndsWith(".html", StringComparison.Ordinal)));
        Assert.DoesNotContain(edited.Changed, p => p.StartsWith("pagefind/", StringComparison.Ordinal));
        Assert.NotNull(site.Find("pagefind/pagefind.js"));

        // And once indexed, the served index is the new one (Pagefind's entry names each language's index by a hash of it)
        Assert.Null(await site.SearchIndex);
        Assert.NotEqual(firstIndex!.Content.ToArray(), site.Find("pagefind/pagefind-entry.json")!.Content.ToArray());
    }

    [Fact]
    public async Task Should_Keep_The_Last_Good_Pages_When_An_Edit_Breaks_The_Build()
    {
        // Given
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();

        // When the formula loses a brace
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace(@"\frac{1}{n}", @"\frac{1}{n"));
        var broken = await site.RebuildAsync();

        // Then
        Assert.False(broken.Succeeded);
        Assert.Empty(broken.Changed);
        Assert.Contains(broken.Diagnostics, d => d.Code == "AN0301" && d.Path.EndsWith("Demo.cs", StringComparison.Ordinal) && d.Line == 8);
        Assert.Contains(@"\frac{1}{n}", System.Text.Encoding.UTF8.GetString(site.Find("Demo.html")!.Content.Span));
        Assert.Same(broken, site.Latest);
    }

    [Theory]
    [InlineData("site.json", "{ \"title\": \"T\", \"baseUrl\": \"https://example.org/\", \"description\": 5 }")]
    [InlineData("404.cs", "// A page where the site's own 404 page goes.\nnamespace Demo;\n")]
    [InlineData("deep/readme.md", null)]
    public async Task Should_Keep_Serving_The_Last_Good_Pages_Whatever_An_Edit_Breaks(string path, string? text)
    {
        // Given a site being served
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();

        // When an edit breaks it in a way no page of it shows (a wrong type in site.json, a page colliding with a
        // generated one, Markdown nested past the parser's limit)
        tree.Write(path, text ?? string.Concat(Enumerable.Repeat(">", 10_000)) + "deep\n");
        var broken = await site.RebuildAsync();

        // Then the rebuild reports errors and the last good page is still served
        Assert.False(broken.Succeeded);
        Assert.NotNull(site.Find("Demo.html"));
        Assert.Same(broken, site.Latest);
    }

    [Fact]
    public async Task Should_Answer_Under_The_Path_Of_The_Base_Url_As_Well()
    {
        // Given a site whose baseUrl has the path /docs/, being served
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        using var site = new SiteRebuilder(tree.Options);
        await site.RebuildAsync();

        // When its files are asked for under that path, as the 404 page's links ask for them
        var page = site.Find("docs/Demo.html");
        var stylesheet = site.Find("docs/assets/site.css");

        // Then they are the site's own files, and a path outside the site is still not found
        Assert.Same(site.Find("Demo.html"), page);
        Assert.Same(site.Find("assets/site.css"), stylesheet);
        Assert.Null(site.Find("other/Demo.html"));
    }
}
