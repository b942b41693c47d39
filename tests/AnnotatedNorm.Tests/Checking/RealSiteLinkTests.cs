using AnnotatedNorm.Tests.Cli;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Checking;

public class RealSiteLinkTests
{
    [Fact]
    public async Task Should_Find_No_Broken_Link_In_The_Real_Site_In_Any_Language()
    {
        // Given
        var root = RepositoryRoot.Find();

        // When
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(root, "content"), Path.Combine(root, "site-templates"), WriteOutput: false)
        {
            ReferencePaths = TestReferences.Paths,
            CheckLinks = true,
        });

        // Then
        Assert.Contains(result.StageTimes, s => s.Stage == "check links");
        Assert.Empty(result.Diagnostics.Where(d => d.Code.StartsWith("AN05", StringComparison.Ordinal)));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Files, f => f.Path == "ja/normalization/layer_norm/LayerNorm.html");
    }
}
