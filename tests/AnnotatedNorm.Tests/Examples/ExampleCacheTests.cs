using AnnotatedNorm.Examples;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>
/// Results are saved in the content folder by the code that produced them: an edit of commentary compiles and runs
/// nothing, an edit of code runs the example again, and a copy of the content elsewhere (a fresh clone) reuses them.
/// </summary>
public sealed class ExampleCacheTests : IDisposable
{
    private const string Page = """
        // The sum, computed.
        namespace Cached;

        public static class Sums
        {
            // COMMENTARY
            [Example]
            public static string Total() => (1 + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class ExampleAttribute : Attribute;
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"annotatednorm-example-cache-{Guid.NewGuid():N}");

    [Fact]
    public async Task Should_Compile_And_Run_Nothing_When_Only_Commentary_Changed()
    {
        // Given a content folder that is its own project, built once
        var options = Site(Path.Combine(root, "content"));
        var first = await SiteBuilder.BuildAsync(options);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Contains("examples: 0 stored, 1 run", first.Notes);
        Assert.Contains($"examples: wrote {ExampleResultsFile.FileName}", first.Notes);

        // When only the commentary changes, nothing is compiled or run, the result is still shown, and the saved results are not rewritten
        var page = Path.Combine(options.ContentFolder, "Sums.cs");
        var saved = Path.Combine(options.ContentFolder, ExampleResultsFile.FileName);
        var before = File.GetLastWriteTimeUtc(saved);
        File.WriteAllText(page, Page.Replace("COMMENTARY", "Adds two small numbers, with a longer comment.", StringComparison.Ordinal));
        var second = await SiteBuilder.BuildAsync(options);
        Assert.True(second.Succeeded, string.Join('\n', second.Diagnostics));
        Assert.Contains("examples: 1 stored, 0 run, nothing compiled", second.Notes);
        Assert.DoesNotContain(second.Notes, n => n.StartsWith("examples: compiled", StringComparison.Ordinal));
        Assert.Contains("<pre class=\"example-text\">3</pre>", File.ReadAllText(Path.Combine(options.OutputFolder, "Sums.html")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(saved));

        // When the code changes, it runs again and the saved result changes with it
        File.WriteAllText(page, Page.Replace("COMMENTARY", "Adds two numbers.", StringComparison.Ordinal).Replace("1 + 2", "2 + 2", StringComparison.Ordinal));
        var third = await SiteBuilder.BuildAsync(options);
        Assert.Contains("examples: 0 stored, 1 run", third.Notes);
        Assert.Contains("<pre class=\"example-text\">4</pre>", File.ReadAllText(Path.Combine(options.OutputFolder, "Sums.html")));
        Assert.Contains("\"Cached.Sums.Total\": [{\"kind\":\"Text\",\"value\":\"4\"}]", File.ReadAllText(saved));
    }

    [Fact]
    public async Task Should_Reuse_The_Saved_Results_In_A_Copy_Of_The_Content_Elsewhere()
    {
        // Given a content folder built once, copied with its saved results to another place, as a fresh clone would be
        var options = Site(Path.Combine(root, "first", "content"));
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        var copy = Path.Combine(root, "clone", "content");
        Directory.CreateDirectory(copy);
        foreach (var file in new[] { "site.json", "Cached.csproj", "Sums.cs", ExampleResultsFile.FileName })
            File.Copy(Path.Combine(options.ContentFolder, file), Path.Combine(copy, file));

        // When the copy is built into its own output
        var clone = await SiteBuilder.BuildAsync(options with { ContentFolder = copy, OutputFolder = Path.Combine(root, "clone", "output") });

        // Then it compiles nothing and shows the saved result
        Assert.True(clone.Succeeded, string.Join('\n', clone.Diagnostics));
        Assert.Contains("examples: 1 stored, 0 run, nothing compiled", clone.Notes);
        Assert.Contains("<pre class=\"example-text\">3</pre>", File.ReadAllText(Path.Combine(root, "clone", "output", "Sums.html")));
    }

    [Fact]
    public async Task Should_Not_Take_A_Build_Without_Examples_For_The_Same_Site_With_Them()
    {
        // Given a site built with the build cache and --no-examples
        var options = Site(Path.Combine(root, "toggled", "content")) with { UseCache = true };
        Assert.True((await SiteBuilder.BuildAsync(options with { Examples = null })).Succeeded);

        // When it is built again with its examples, nothing else changed
        var result = await SiteBuilder.BuildAsync(options);

        // Then the build runs them and the page shows their result
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("examples: 0 stored, 1 run", result.Notes);
        Assert.Contains("<pre class=\"example-text\">3</pre>", File.ReadAllText(Path.Combine(options.OutputFolder, "Sums.html")));
    }

    private static BuildOptions Site(string content)
    {
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "site.json"), SiteTree.DefaultConfiguration.Replace("\"en\", \"ja\"", "\"en\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(content, "Cached.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(content, "Sums.cs"), Page.Replace("COMMENTARY", "Adds two numbers.", StringComparison.Ordinal));
        return new BuildOptions(content, SiteTree.Templates, Path.Combine(Path.GetDirectoryName(content)!, "output"))
        {
            ReferencePaths = TestReferences.Paths,
            Examples = new ExampleOptions(ExampleProjectFixture.Runner),
        };
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
