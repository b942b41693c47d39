using AnnotatedNorm.Examples;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>Results are kept by the compiled code: an edit of commentary runs no example, an edit of code runs it again.</summary>
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
    public async Task Should_Run_No_Example_When_Only_Commentary_Changed()
    {
        // Given a content folder that is its own project, built once with the cache
        var content = Path.Combine(root, "content");
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
        var page = Path.Combine(content, "Sums.cs");
        File.WriteAllText(page, Page.Replace("COMMENTARY", "Adds two numbers.", StringComparison.Ordinal));
        var options = new BuildOptions(content, SiteTree.Templates, Path.Combine(root, "output"))
        {
            ReferencePaths = TestReferences.Paths, UseCache = true,
            Examples = new ExampleOptions(ExampleProjectFixture.Runner),
        };
        var first = await SiteBuilder.BuildAsync(options);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        Assert.Contains("examples: 0 cached, 1 run", first.Notes);

        // When only the commentary changes, the example is not run again, and its result is still shown
        File.WriteAllText(page, Page.Replace("COMMENTARY", "Adds two small numbers, with a longer comment.", StringComparison.Ordinal));
        var second = await SiteBuilder.BuildAsync(options);
        Assert.True(second.Succeeded, string.Join('\n', second.Diagnostics));
        Assert.Contains("examples: 1 cached, 0 run", second.Notes);
        Assert.Contains("<pre class=\"example-text\">3</pre>", File.ReadAllText(Path.Combine(options.OutputFolder, "Sums.html")));

        // When the code changes, it runs again
        File.WriteAllText(page, Page.Replace("COMMENTARY", "Adds two numbers.", StringComparison.Ordinal).Replace("1 + 2", "2 + 2", StringComparison.Ordinal));
        var third = await SiteBuilder.BuildAsync(options);
        Assert.Contains("examples: 0 cached, 1 run", third.Notes);
        Assert.Contains("<pre class=\"example-text\">4</pre>", File.ReadAllText(Path.Combine(options.OutputFolder, "Sums.html")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
