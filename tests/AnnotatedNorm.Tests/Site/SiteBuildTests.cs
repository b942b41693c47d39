using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Tests.Site;

public class SiteBuildTests
{
    private const string Annotated = """
        -- demo/Scale.cs
        // ---
        // title: Scaling
        // summary: Multiplies by a constant.
        // ---
        // # Scaling
        //
        // We multiply by $\alpha$, so that
        //
        // $$y = \alpha x$$
        namespace Demo;

        /// <summary>Scales values; see <see cref="Apply"/>.</summary>
        public sealed class Scale
        {
            // The factor $\alpha$ is fixed at construction; see [the readme](readme.md).
            private readonly double alpha = 2.0; // trailing comment stays in code

            public double Apply(double x) => alpha * x;
        }
        -- demo/readme.md
        ---
        title: Demo chapter
        summary: A tiny chapter.
        ---
        # Demo chapter

        See [the code](Scale.cs) and $E = mc^2$.
        """;

    [Fact]
    public async Task Should_Put_Commentary_Beside_Highlighted_Code_With_Source_Line_Numbers()
    {
        // Given
        using var tree = new SiteTree(Annotated);

        // When
        var result = await tree.BuildAsync();

        // Then
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("demo/Scale.html", """
            <div class="section" id="section-0" data-pagefind-title="Scaling">
            <h1 id="scaling">Scaling</h1>
            <span class="katex-display">
            <span class="line" data-line="10">
            trailing comment stays in code
            <a href="readme.html">the readme</a>
            ! $\alpha$
            ! // The factor
            ! readme.md
            """);
    }

    [Fact]
    public async Task Should_Link_A_Cref_And_Each_Use_To_The_Declaring_Section()
    {
        using var tree = new SiteTree(Annotated);

        var result = await tree.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var html = tree.Read("demo/Scale.html");
        Assert.Matches("<a href=\"#section-[0-9]+\"><code>Apply</code></a>", html);
        Assert.Matches("<a class=\"fi\" data-sym=\"s[0-9a-f]+\" href=\"#section-[0-9]+\">alpha</a>", html);
    }

    [Fact]
    public async Task Should_Generate_Folder_Index_Introduced_By_Its_Readme_Home_404_And_Sitemap()
    {
        using var tree = new SiteTree(Annotated);

        var result = await tree.BuildAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("demo/index.html", """
            <title>Demo chapter · Test Site</title>
            <h1 id="demo-chapter">Demo chapter</h1>
            <a href="Scale.html">the code</a>
            <a class="entry-title" href="Scale.html">Scaling</a>
            ! <a class="entry-title" href="readme.html">
            <span class="entry-summary">Multiplies by a constant.</span>
            """);
        tree.AssertPage("index.html", """
            <a class="entry-title" href="demo/index.html">Demo chapter</a>
            <li><a href="demo/Scale.html">Scaling</a></li>
            """);
        tree.AssertPage("404.html", "<h1>Page not found</h1>");
        Assert.StartsWith("<?xml", tree.Read("sitemap.xml"));
    }

    [Fact]
    public async Task Should_Report_A_TeX_Error_At_The_Source_Line_And_Column()
    {
        // Given: the formula starts at column 9 of line 2
        using var tree = new SiteTree("""
            -- Bad.cs
            // Intro
            // Bad $\frac{1}$ here
            class Bad { }
            """);

        // When
        var result = await tree.BuildAsync();

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("AN0301", error.Code);
        Assert.EndsWith("content/Bad.cs", error.Path);
        Assert.Equal(2, error.Line);
        Assert.InRange(error.Column, 9, 18);
        Assert.False(Directory.Exists(tree.Output));
    }

    [Fact]
    public async Task Should_Report_A_Template_Error_At_The_Template_Line()
    {
        // Given: a copy of the templates whose code page refers to a property that does not exist, on line 9
        using var tree = new SiteTree(Annotated);
        var templates = Path.Combine(tree.Root, "site-templates");
        CopyFolder(SiteTree.Templates, templates);
        var codePage = Path.Combine(templates, "templates", "CodePage.cshtml");
        var lines = File.ReadAllLines(codePage).ToList();
        lines.Insert(8, "<p>@Model.NoSuchProperty</p>");
        File.WriteAllLines(codePage, lines);

        // When
        var result = await tree.BuildAsync(templates: templates);

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("AN0801", error.Code);
        Assert.EndsWith("templates/CodePage.cshtml", error.Path);
        Assert.Equal(9, error.Line);
        Assert.Contains("NoSuchProperty", error.Message);
    }

    [Fact]
    public async Task Should_Leave_The_Previous_Site_Untouched_When_A_Build_Fails()
    {
        // Given a good build
        using var tree = new SiteTree(Annotated);
        Assert.True((await tree.BuildAsync()).Succeeded);
        var before = Snapshot(tree.Output);

        // When an edit breaks the next build
        tree.Write("demo/Broken.cs", "// $\\unknowncommand$\nclass Broken { }\n");
        var result = await tree.BuildAsync();

        // Then
        Assert.False(result.Succeeded);
        Assert.Equal(before, Snapshot(tree.Output));
        Assert.DoesNotContain(Directory.EnumerateDirectories(tree.Root), d => Path.GetFileName(d).StartsWith("output.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Write_Byte_Identical_Sites_From_The_Same_Input()
    {
        using var tree = new SiteTree(Annotated);
        Assert.True((await tree.BuildAsync()).Succeeded);
        var first = Snapshot(tree.Output);

        Assert.True((await tree.BuildAsync()).Succeeded);

        Assert.Equal(first, Snapshot(tree.Output));
    }

    [Fact]
    public async Task Should_Refuse_To_Replace_A_Folder_It_Did_Not_Build()
    {
        // Given an output folder that holds someone else's file
        using var tree = new SiteTree(Annotated);
        Directory.CreateDirectory(tree.Output);
        File.WriteAllText(Path.Combine(tree.Output, "notes.txt"), "mine");

        // When
        var result = await tree.BuildAsync();

        // Then
        Assert.Contains(result.Diagnostics, d => d.Code == "AN0901");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(tree.Output, "notes.txt")));
        Assert.Single(Directory.EnumerateFileSystemEntries(tree.Output));
    }

    [Fact]
    public async Task Should_Write_Nothing_When_Checking()
    {
        using var tree = new SiteTree(Annotated);

        var result = await tree.BuildAsync(write: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.False(Directory.Exists(tree.Output));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
