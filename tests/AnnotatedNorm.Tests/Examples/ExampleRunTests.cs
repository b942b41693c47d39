using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>Examples run in a process of their own: a failure of any kind is an error at the example, and the site stays as it was.</summary>
public sealed class ExampleRunTests(ExampleProjectFixture fixture) : IClassFixture<ExampleProjectFixture>
{
    [Fact]
    public async Task Should_Fail_At_The_Example_When_It_Throws_And_Leave_The_Output()
    {
        // Given a site whose output holds an earlier build
        var options = fixture.Site("throw");
        var marker = Earlier(options);

        // When its example throws
        var result = await SiteBuilder.BuildAsync(options);

        // Then the build fails at the method's name, saying what was thrown, and the output is untouched
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("AN1002", 8, 26), (error.Code, error.Line, error.Column));
        Assert.EndsWith("throw.cs", error.Path);
        Assert.Contains("the example failed on purpose", error.Message);
        Assert.Equal(marker, Snapshot(options));
    }

    [Fact]
    public async Task Should_Stop_An_Example_That_Runs_Past_Its_Time_Limit()
    {
        var options = fixture.Site("hang");
        options = options with { Examples = options.Examples! with { TimeLimit = TimeSpan.FromSeconds(10) } };
        var marker = Earlier(options);

        var result = await SiteBuilder.BuildAsync(options);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("AN1003", 7, 26), (error.Code, error.Line, error.Column));
        Assert.Equal(marker, Snapshot(options));
    }

    [Fact]
    public async Task Should_Fail_When_An_Example_Writes_Into_The_Content_Folder()
    {
        var options = fixture.Site("write");
        var marker = Earlier(options);

        var result = await SiteBuilder.BuildAsync(options);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("AN1004", 7, 26), (error.Code, error.Line, error.Column));
        Assert.True(File.Exists(Path.Combine(options.ContentFolder, "escaped.txt")));
        Assert.Equal(marker, Snapshot(options));
    }

    [Fact]
    public async Task Should_Show_Text_Tables_And_Figures_In_The_Declaring_Section()
    {
        var options = fixture.Site("print");

        var result = await SiteBuilder.BuildAsync(options);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(options.OutputFolder, "print.html"));
        var section = html[html.IndexOf("id=\"section-1\"", StringComparison.Ordinal)..];
        Assert.Contains("<pre class=\"example-text\">printed by the example\n</pre>", section);
        Assert.Contains("<caption>squares</caption>", section);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 300\" class=\"figure-svg\" role=\"img\" aria-label=\"Figure: noise. value against step.", section);
        // The figure's colours come from the page, so it follows the theme.
        Assert.Contains("stroke:var(--figure-1)", section);
        Assert.Contains("fill=\"currentColor\"", section);
        Assert.DoesNotContain("rgb(1,2,", html);
        Assert.DoesNotContain("id=\"clipPath", html);
    }

    [Fact]
    public async Task Should_Build_Byte_Identical_Sites_And_Results_Twice()
    {
        // Given a site built once, and its saved results taken away so that the second build runs the example again
        var first = fixture.Site("print");
        var second = first with { OutputFolder = first.OutputFolder + "-again" };
        var saved = Path.Combine(first.ContentFolder, ExampleResultsFile.FileName);
        Assert.True((await SiteBuilder.BuildAsync(first)).Succeeded);
        var results = File.ReadAllBytes(saved);
        File.Delete(saved);

        // When it is built again
        var again = await SiteBuilder.BuildAsync(second);

        // Then the example ran, and the pages and the saved results are the same bytes
        Assert.Contains("examples: 0 stored, 1 run", again.Notes);
        Assert.Equal(results, File.ReadAllBytes(saved));
        var files = Directory.GetFiles(first.OutputFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.OutputFolder, f)).Order().ToArray();
        Assert.Equal(files, Directory.GetFiles(second.OutputFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second.OutputFolder, f)).Order());
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(first.OutputFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.OutputFolder, file))), file);
    }

    private static string Earlier(BuildOptions options)
    {
        Directory.CreateDirectory(options.OutputFolder);
        File.WriteAllText(Path.Combine(options.OutputFolder, "index.html"), "the earlier site");
        return Snapshot(options);
    }

    private static string Snapshot(BuildOptions options) => FileIdentity.StampFolder(options.OutputFolder);
}
