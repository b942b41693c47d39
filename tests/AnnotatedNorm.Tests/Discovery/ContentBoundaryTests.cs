using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Discovery;

/// <summary>The content folder is the boundary: nothing a link inside it points to outside it is read, fingerprinted or published.</summary>
public sealed class ContentBoundaryTests : IDisposable
{
    private readonly string outside = Path.Combine(Path.GetTempPath(), $"annotatednorm-outside-{Guid.NewGuid():N}");

    public ContentBoundaryTests()
    {
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.svg"), "<svg>secret</svg>");
        File.WriteAllText(Path.Combine(outside, "Secret.cs"), "// A secret.\nnamespace Outside;\n");
    }

    [Fact]
    public async Task Should_Follow_Only_Links_That_Stay_In_The_Content_Folder()
    {
        // Given a site with links that leave the content folder, dangle or loop, and one that stays inside it
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage), ("img/real.svg", "<svg>real</svg>"));
        File.CreateSymbolicLink(Path.Combine(tree.Content, "leak.svg"), Path.Combine(outside, "secret.svg"));
        File.CreateSymbolicLink(Path.Combine(tree.Content, "Host.cs"), Path.Combine(outside, "Secret.cs"));
        File.CreateSymbolicLink(Path.Combine(tree.Content, "Gone.cs"), Path.Combine(outside, "missing.cs"));
        Directory.CreateSymbolicLink(Path.Combine(tree.Content, "elsewhere"), outside);
        Directory.CreateSymbolicLink(Path.Combine(tree.Content, "loop"), tree.Content);
        File.CreateSymbolicLink(Path.Combine(tree.Content, "alias.svg"), Path.Combine(tree.Content, "img", "real.svg"));

        // When it is built, twice (the second time from the build cache's fingerprint)
        var options = tree.Options with { UseCache = true };
        var first = await SiteBuilder.BuildAsync(options);
        var second = await SiteBuilder.BuildAsync(options);

        // Then nothing from outside was published, each link that was not followed is a warning at its path,
        // and the link inside is followed
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.True(second.UpToDate);
        var published = Directory.EnumerateFiles(tree.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tree.Output, f).Replace('\\', '/')).ToList();
        Assert.DoesNotContain(published, p => p.Contains("leak") || p.Contains("Host") || p.Contains("Gone") || p.StartsWith("elsewhere/") || p.StartsWith("loop/"));
        Assert.Contains("alias.svg", published);
        Assert.DoesNotContain(published, p => File.ReadAllText(Path.Combine(tree.Output, p)).Contains("secret", StringComparison.Ordinal));
        var warned = first.Diagnostics.Where(d => d.Code == "AN0009").Select(d => Path.GetFileName(d.Path)).Order(StringComparer.Ordinal);
        Assert.Equal(["Gone.cs", "Host.cs", "elsewhere", "leak.svg", "loop"], warned);
        Assert.All(first.Diagnostics.Where(d => d.Code == "AN0009"), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    public void Dispose() => Directory.Delete(outside, recursive: true);
}
