namespace AnnotatedNorm.Tests.Site;

/// <summary>
/// The generator's own sources (<c>src/</c>, with <c>src/site.json</c>) as a second site: real C# with XML
/// documentation, read with its own project's settings, checked as <c>check --content src --strict</c> checks it.
/// </summary>
public class GeneratorSiteTests
{
    [Fact]
    public async Task Should_Pass_The_Strict_Check_With_No_Dead_Link()
    {
        // Given the repository's src folder
        var root = RepositoryRoot.Find();
        var output = Path.Combine(Path.GetTempPath(), $"annotatednorm-generator-{Guid.NewGuid():N}", "output");

        // When it is checked strictly, every internal link and fragment included
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(root, "src"), Path.Combine(root, "site-templates"), output, Strict: true, WriteOutput: false)
        {
            CheckLinks = true,
        });

        // Then it passes, with a page for every source and no warning but the framework crefs that the cref binding
        // of XML documentation turns into links to the .NET API reference (AN0601 on IOException and the like)
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.PagesPerCulture["en"] > 100, $"only {result.PagesPerCulture["en"]} pages");
        Assert.All(result.Diagnostics, d => Assert.True(d.Code == "AN0601" && d.Message.Contains("Exception'", StringComparison.Ordinal), d.ToString()));
        Assert.False(Directory.Exists(output));
    }
}
