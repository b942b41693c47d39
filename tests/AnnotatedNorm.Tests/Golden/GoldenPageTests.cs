using System.Runtime.CompilerServices;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Golden;

/// <summary>
/// Whole pages compared with their verified copies. On a mismatch the page is written beside it as
/// <c>*.received.html</c>; set ANNOTATEDNORM_ACCEPT=1 to accept it as the new verified page.
/// </summary>
public class GoldenPageTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    [Theory]
    [InlineData("normalization/layer_norm/LayerNorm.html", "LayerNorm.en")]
    [InlineData("ja/normalization/layer_norm/LayerNorm.html", "LayerNorm.ja")]
    public void Should_Match_The_Verified_Page(string page, string name)
    {
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        var received = File.ReadAllText(Path.Combine(site.Output, page));
        var folder = SourceFolder();
        var verifiedPath = Path.Combine(folder, $"{name}.verified.html");
        var receivedPath = Path.Combine(folder, $"{name}.received.html");

        if (Environment.GetEnvironmentVariable("ANNOTATEDNORM_ACCEPT") == "1")
            File.WriteAllText(verifiedPath, received);

        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : "";
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail($"{page} differs from {verifiedPath}; see {receivedPath}. Set ANNOTATEDNORM_ACCEPT=1 to accept.");
    }

    private static string SourceFolder([CallerFilePath] string path = "") =>
        Directory.Exists(Path.GetDirectoryName(path)) ? Path.GetDirectoryName(path)! : Path.Combine(RepositoryRoot.Find(), "tests", "AnnotatedNorm.Tests", "Golden");
}
