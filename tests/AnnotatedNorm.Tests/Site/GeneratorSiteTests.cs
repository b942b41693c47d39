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

        // Then it passes, with a page for every source and no warning at all
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.True(result.PagesPerCulture["en"] > 100, $"only {result.PagesPerCulture["en"]} pages");
        Assert.Empty(result.Diagnostics);
        Assert.False(Directory.Exists(output));
    }
}
