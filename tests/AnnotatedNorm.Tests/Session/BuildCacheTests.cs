using System.Security.Cryptography;
using AnnotatedNorm.Tests.Site;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Tests.Session;

/// <summary>The no-change shortcut of a build: taken only when the output is exactly what a full build would write.</summary>
public class BuildCacheTests
{
    private const string Pages = """
        -- readme.md
        # Home text

        See [the demo](Demo.cs).
        -- Other.cs
        namespace Demo;

        /// <summary>Points at <see cref="Missing.Symbol"/>, which warns.</summary>
        public static class Other { }
        """;

    [Fact]
    public async Task Should_Leave_The_Output_Untouched_When_No_Input_Changed()
    {
        // Given a site built once with the cache
        using var tree = Tree();
        var first = await Build(tree);
        var before = Snapshot(tree.Output, withTimes: true);

        // When it is built again with nothing changed
        var second = await Build(tree);

        // Then nothing was rendered or written, and the same warnings and counts are reported
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.False(first.UpToDate);
        Assert.True(second.UpToDate);
        Assert.Equal(before, Snapshot(tree.Output, withTimes: true));
        Assert.Equal(first.Diagnostics.AsEnumerable(), second.Diagnostics.AsEnumerable());
        Assert.Contains(second.Diagnostics, d => d.Code == "AN0602");
        Assert.Equal(first.PagesPerCulture, second.PagesPerCulture);
        Assert.DoesNotContain(second.StageTimes, s => s.Stage == "highlight");
    }

    [Fact]
    public async Task Should_Rebuild_When_A_Source_Changes_And_Match_A_Cold_Build_Byte_For_Byte()
    {
        // Given a site built with the cache, then one source edited
        using var tree = Tree();
        await Build(tree);
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line."));

        // When it is built again, and the same content is built cold elsewhere
        var rebuilt = await Build(tree);
        using var cold = Tree();
        cold.Write("Demo.cs", SiteTree.DemoPage.Replace("The first line of commentary.", "An edited line."));
        await cold.BuildAsync();

        // Then the edit is published from the previous build's bindings, and the two outputs are identical
        Assert.False(rebuilt.UpToDate);
        Assert.Equal(["bindings", "formulas", "templates"], rebuilt.Reused.Order());
        tree.AssertPage("Demo.html", "An edited line.");
        Assert.Equal(Snapshot(cold.Output, withTimes: false), Snapshot(tree.Output, withTimes: false));
    }

    [Fact]
    public async Task Should_Remove_An_Outputs_Cache_And_The_Cache_Folders_It_Leaves_Empty()
    {
        // Given a site built with the cache
        using var tree = Tree();
        await Build(tree);
        var root = Path.Combine(Path.GetDirectoryName(tree.Output)!, BuildCache.FolderName);
        Assert.True(Directory.Exists(Path.Combine(root, "cache", Path.GetFileName(tree.Output))));

        // When its cache is cleaned, twice
        var first = BuildCache.Clean(tree.Output);
        var second = BuildCache.Clean(tree.Output);

        // Then it was removed once, with the folders it emptied, and the output was left alone
        Assert.True(first);
        Assert.False(second);
        Assert.False(Directory.Exists(root));
        Assert.True(Directory.Exists(tree.Output));
    }

    [Fact]
    public async Task Should_Rebuild_When_The_Configuration_Changes()
    {
        // Given
        using var tree = Tree();
        await Build(tree);

        // When the site title changes
        tree.Write("site.json", SiteTree.DefaultConfiguration.Replace("\"Test Site\"", "\"Renamed Site\""));
        var rebuilt = await Build(tree);

        // Then
        Assert.False(rebuilt.UpToDate);
        tree.AssertPage("Demo.html", "Renamed Site");
    }

    [Fact]
    public async Task Should_Rebuild_When_A_Template_Changes()
    {
        // Given a site built from a copy of the templates
        using var tree = Tree();
        var templates = await BuiltFromTemplateCopy(tree);

        // When a layout gains a marker
        var layout = Path.Combine(templates, "templates", "_Layout.cshtml");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</body>", "<!-- template-edit --></body>"));
        var rebuilt = await Build(tree, templates);

        // Then every page is written again through the new template
        Assert.False(rebuilt.UpToDate);
        tree.AssertPage("Demo.html", "<!-- template-edit -->");
        tree.AssertPage("ja/Demo.html", "<!-- template-edit -->");
    }

    [Fact]
    public async Task Should_Rebuild_When_The_KaTeX_Package_Is_Installed_Again()
    {
        // Given a site built from a copy of the templates, KaTeX package included
        using var tree = Tree();
        var templates = await BuiltFromTemplateCopy(tree);

        // When a file of the package is written again, as an install does (same bytes, a new write time)
        var stylesheet = Path.Combine(templates, "node_modules", "katex", "dist", "katex.min.css");
        File.WriteAllBytes(stylesheet, File.ReadAllBytes(stylesheet));
        File.SetLastWriteTimeUtc(stylesheet, DateTime.UtcNow.AddMinutes(1));
        var rebuilt = await Build(tree, templates);
        var again = await Build(tree, templates);

        // Then the build does not trust the output it left, and the one after it does
        Assert.False(rebuilt.UpToDate);
        Assert.True(again.UpToDate);
    }

    [Fact]
    public async Task Should_Have_Nothing_To_Do_On_The_Second_Build_Of_A_Fresh_Clone()
    {
        // Given a site as a fresh clone has it: a project never restored, and templates whose npm packages are not installed
        using var tree = Tree();
        tree.Write("Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        var templates = Path.Combine(tree.Root, "templates-copy");
        CopyFolder(SiteTree.Templates, templates, except: "node_modules");

        // When it is built twice with the cache
        var first = await Build(tree, templates);
        var second = await Build(tree, templates);

        // Then the first build installed the packages and restored the project, and the second found nothing changed
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.True(Directory.Exists(Path.Combine(templates, "node_modules", "katex")));
        Assert.DoesNotContain(first.Diagnostics, d => d.Code == AnnotatedNorm.Discovery.MSBuildProjectEvaluator.NotRestored);
        Assert.False(first.UpToDate);
        Assert.True(second.UpToDate);
    }

    [Fact]
    public async Task Should_Rebuild_When_A_Catalog_Changes()
    {
        // Given a site with a Japanese catalog
        using var tree = Tree();
        await SiteCatalogs.UpdateAsync(tree);
        await Build(tree);
        var catalog = Path.Combine(tree.Content, "xlf", "Demo.cs.ja.xlf");

        // When a translation is filled in
        var xml = File.ReadAllText(catalog);
        var at = xml.IndexOf("<target state=\"new\"", StringComparison.Ordinal);
        var end = xml.IndexOf("</trans-unit>", at, StringComparison.Ordinal);
        File.WriteAllText(catalog, xml[..at] + "<target state=\"translated\">デモ</target>\n      " + xml[end..]);
        var rebuilt = await Build(tree);

        // Then the Japanese page shows it
        Assert.False(rebuilt.UpToDate);
        Assert.True(rebuilt.Succeeded, string.Join("\n", rebuilt.Diagnostics));
        tree.AssertPage("ja/Demo.html", "デモ");
    }

    [Fact]
    public async Task Should_Rebuild_When_The_Output_Was_Edited_By_Hand()
    {
        // Given a built site whose page was edited and another deleted after the build
        using var tree = Tree();
        await Build(tree);
        var expected = Snapshot(tree.Output, withTimes: false);
        File.AppendAllText(Path.Combine(tree.Output, "Demo.html"), "<!-- hand edit -->");
        File.Delete(Path.Combine(tree.Output, "Other.html"));

        // When it is built again with the same inputs
        var rebuilt = await Build(tree);

        // Then the output is the build's again
        Assert.False(rebuilt.UpToDate);
        Assert.Equal(expected, Snapshot(tree.Output, withTimes: false));
    }

    [Fact]
    public async Task Should_Be_Up_To_Date_Again_When_A_Broken_Edit_Is_Reverted()
    {
        // Given a built site, then an edit that breaks the build
        using var tree = Tree();
        await Build(tree);
        var before = Snapshot(tree.Output, withTimes: true);
        tree.Write("Demo.cs", SiteTree.DemoPage.Replace(@"\frac{1}{n}", @"\frac{1}{n"));
        var broken = await Build(tree);

        // When the edit is undone
        tree.Write("Demo.cs", SiteTree.DemoPage);
        var reverted = await Build(tree);

        // Then the failed build left the output alone, and it still matches the original inputs
        Assert.False(broken.Succeeded);
        Assert.True(reverted.UpToDate);
        Assert.Equal(before, Snapshot(tree.Output, withTimes: true));
    }

    [Fact]
    public async Task Should_Not_Use_The_Cache_Unless_Asked()
    {
        // Given
        using var tree = Tree();
        await Build(tree);

        // When built again without the option
        var again = await tree.BuildAsync();

        // Then
        Assert.False(again.UpToDate);
        Assert.Contains(again.StageTimes, s => s.Stage == "highlight");
    }

    private static SiteTree Tree()
    {
        var tree = new SiteTree(Pages);
        tree.Write("Demo.cs", SiteTree.DemoPage);
        return tree;
    }

    private static Task<BuildResult> Build(SiteTree tree, string? templates = null) =>
        SiteBuilder.BuildAsync(tree.Options with { TemplatesFolder = templates ?? SiteTree.Templates, UseCache = true });

    private static SortedDictionary<string, string> Snapshot(string folder, bool withTimes) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
                f => Path.GetRelativePath(folder, f),
                f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) + (withTimes ? $"@{File.GetLastWriteTimeUtc(f).Ticks}" : "")),
            StringComparer.Ordinal);

    /// <summary>Copies the site's templates into the tree and builds the site with the copy; returns the copy's folder.</summary>
    private static async Task<string> BuiltFromTemplateCopy(SiteTree tree)
    {
        var templates = Path.Combine(tree.Root, "templates-copy");
        CopyFolder(SiteTree.Templates, templates);
        await Build(tree, templates);
        return templates;
    }

    private static void CopyFolder(string from, string to, string? except = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (except is not null && Path.GetRelativePath(from, file).Split(Path.DirectorySeparatorChar).Contains(except)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Runs <c>i18n update</c> over a tree.</summary>
    private static class SiteCatalogs
    {
        public static Task UpdateAsync(SiteTree tree)
        {
            var (_, diagnostics) = AnnotatedNorm.Localization.SiteCatalogs.Update(tree.Options, prune: false);
            Assert.DoesNotContain(diagnostics, d => d.Severity == AnnotatedNorm.Diagnostics.Severity.Error);
            return Task.CompletedTask;
        }
    }
}
