using System.Runtime.CompilerServices;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Golden;

/// <summary>
/// Whole pages compared with their verified copies, as <see cref="ReadablePageWriter"/> writes them (one node per line,
/// formulas as TeX). On a mismatch the page is written beside it as <c>*.received.txt</c>; set ANNOTATEDNORM_ACCEPT=1 to
/// accept it as the new verified page.
/// </summary>
public class GoldenPageTests(BuiltSiteFixture site) : IClassFixture<BuiltSiteFixture>
{
    [Theory]
    [InlineData("normalization/layer_norm/LayerNorm.html", "LayerNorm.en")]
    [InlineData("ja/normalization/layer_norm/LayerNorm.html", "LayerNorm.ja")]
    public void Should_Match_The_Verified_Page(string page, string name)
    {
        // Given
        Assert.True(site.Result.Succeeded, string.Join("\n", site.Result.Diagnostics));
        var folder = SourceFolder();
        var verifiedPath = Path.Combine(folder, $"{name}.verified.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");

        // When
        var received = ReadablePageWriter.Write(File.ReadAllText(Path.Combine(site.Output, page)));

        // Then
        if (Environment.GetEnvironmentVariable("ANNOTATEDNORM_ACCEPT") == "1")
            File.WriteAllText(verifiedPath, received);
        // A checkout may have turned the verified file's line breaks into CRLF.
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : "";
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail($"{page} differs from {verifiedPath}; compare it with {receivedPath}. Set ANNOTATEDNORM_ACCEPT=1 to accept.");
    }

    private static string SourceFolder([CallerFilePath] string path = "") =>
        Directory.Exists(Path.GetDirectoryName(path)) ? Path.GetDirectoryName(path)! : Path.Combine(RepositoryRoot.Find(), "tests", "AnnotatedNorm.Tests", "Golden");
}
