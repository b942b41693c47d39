using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Publishing;

/// <summary>Output folders a build must refuse, each with a diagnostic and nothing written or deleted.</summary>
public class OutputFolderTests
{
    [Fact]
    public async Task Should_Refuse_An_Output_Folder_Inside_A_Folder_Of_The_Content()
    {
        // Given a site whose output folder would be inside one of its content's folders
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var output = Path.Combine(tree.Content, "notes", "site");

        // When it is built
        var result = await SiteBuilder.BuildAsync(tree.Options with { OutputFolder = output });

        // Then it fails with the reason and writes nothing
        Assert.Equal("AN0903", Assert.Single(result.Diagnostics).Code);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Should_Refuse_An_Output_Folder_Directly_In_The_Content_Folder_That_It_Did_Not_Build()
    {
        // Given a content folder whose sub-folder of sources is named as the output folder
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("site/Other.cs", SiteTree.DemoPage));
        var output = Path.Combine(tree.Content, "site");

        // When it is built there
        var result = await SiteBuilder.BuildAsync(tree.Options with { OutputFolder = output });

        // Then it fails with the reason and the sources are still there
        Assert.Equal("AN0903", Assert.Single(result.Diagnostics).Code);
        Assert.True(File.Exists(Path.Combine(output, "Other.cs")));
    }

    [Fact]
    public async Task Should_Build_Into_An_Output_Folder_Directly_In_The_Content_Folder_Without_Reading_It_Back()
    {
        // Given a site built into a folder directly in its content folder, as a site made of a whole repository is
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        var options = tree.Options with { OutputFolder = Path.Combine(tree.Content, "output"), UseCache = true };
        var first = await SiteBuilder.BuildAsync(options);

        // When it is built again with nothing changed
        var second = await SiteBuilder.BuildAsync(options);

        // Then both succeed with the same pages, the output's copy of the image is not published again inside it,
        // and the second build finds the site up to date (the output is not an input)
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Equal(first.PagesPerCulture, second.PagesPerCulture);
        Assert.True(second.UpToDate);
        Assert.True(File.Exists(Path.Combine(options.OutputFolder, "diagram.svg")));
        Assert.False(Directory.Exists(Path.Combine(options.OutputFolder, "output")));
    }

    [Fact]
    public async Task Should_Refuse_A_Content_Folder_Inside_A_Built_Output_Folder()
    {
        // Given a built site, and content placed inside its output folder
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        Assert.True((await tree.BuildAsync()).Succeeded);
        var inner = Path.Combine(tree.Output, "drafts");
        Directory.CreateDirectory(inner);
        File.Copy(Path.Combine(tree.Content, "site.json"), Path.Combine(inner, "site.json"));
        File.WriteAllText(Path.Combine(inner, "Draft.cs"), SiteTree.DemoPage);

        // When that content is built into the output folder around it
        var result = await SiteBuilder.BuildAsync(tree.Options with { ContentFolder = inner });

        // Then the build is refused and the drafts are still there
        Assert.Equal("AN0903", Assert.Single(result.Diagnostics).Code);
        Assert.True(File.Exists(Path.Combine(inner, "Draft.cs")));
    }

    [Fact]
    public async Task Should_Report_An_Output_Path_That_Is_A_File_And_Leave_It()
    {
        // Given an output path where a file is
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        Directory.CreateDirectory(tree.Root);
        File.WriteAllText(tree.Output, "a file");

        // When the site is built there
        var result = await tree.BuildAsync();

        // Then the build fails at that path, the file is unchanged, and no staging folder is left
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("AN0902", tree.Output), (error.Code, error.Path));
        Assert.Equal("a file", File.ReadAllText(tree.Output));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(tree.Root), e => Path.GetFileName(e).StartsWith("output.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Refuse_The_Root_Of_The_File_System()
    {
        // Given a site
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));

        // When it is built with the root as its output folder
        var result = await SiteBuilder.BuildAsync(tree.Options with { OutputFolder = "/" });

        // Then the build fails with a diagnostic
        Assert.Contains(Assert.Single(result.Diagnostics).Code, new[] { "AN0902", "AN0903" });
    }
}
