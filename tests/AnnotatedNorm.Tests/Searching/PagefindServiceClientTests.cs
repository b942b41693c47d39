using System.Text;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Searching;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Searching;

public sealed class PagefindServiceClientTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("an-pagefind-service-");

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public void Should_Return_The_Bundle_Of_Pages_Added_From_Memory()
    {
        // Given the real service and a page in Japanese
        using var service = PagefindServiceClient.Start(PagefindPackage.Locate(SiteTree.Templates).BinaryPath, Patience);
        var index = service.NewIndex([".permalink"], keepIndexUrl: true);

        // When the page is added and the bundle asked for
        service.AddFile(index, "ja/notes/index.html", "<html lang=\"ja\"><body><h1>移動平均</h1><p>分散の計算です。</p></body></html>"u8);
        var files = service.GetFiles(index);

        // Then the bundle has the loader and a Japanese index, with the page at its folder's index URL
        Assert.Contains(files, f => f.Path == "pagefind.js");
        Assert.Contains(files, f => f.Path.StartsWith("index/ja", StringComparison.Ordinal) || f.Path.StartsWith("wasm.ja", StringComparison.Ordinal));
        var entry = Encoding.UTF8.GetString(files.Single(f => f.Path == "pagefind-entry.json").Content);
        Assert.Contains("\"ja\"", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_With_The_Services_Message_When_It_Answers_With_An_Error()
    {
        // Given the real service and an index id it never gave
        using var service = PagefindServiceClient.Start(PagefindPackage.Locate(SiteTree.Templates).BinaryPath, Patience);
        service.NewIndex([], keepIndexUrl: true);

        // When a page is added to that index
        service.AddFile(7, "index.html", "<html><body>text</body></html>"u8);
        var error = Assert.Throws<BuildException>(() => service.GetFiles(7));

        // Then the error names the page and gives the service's reason
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("index.html", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("does not yet exist", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_With_The_Exit_Code_And_Error_Output_When_The_Service_Dies()
    {
        // Given a service that prints an error and exits without answering
        var binary = Script("echo 'thread main panicked: out of memory' >&2; exit 3");

        // When an index is asked for
        using var service = PagefindServiceClient.Start(binary, Patience);
        var error = Assert.Throws<BuildException>(() => service.NewIndex([], keepIndexUrl: true));

        // Then the error says it stopped, with its exit code and its last output
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Equal(binary, error.Diagnostic.Path);
        Assert.Contains("stopped", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 3", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("out of memory", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_When_The_Service_Answers_Something_That_Is_Not_A_Message()
    {
        // Given a service that answers with text that is not base64
        var binary = Script("printf 'Usage: pagefind [OPTIONS],'; cat > /dev/null");

        // When an index is asked for
        using var service = PagefindServiceClient.Start(binary, Patience);
        var error = Assert.Throws<BuildException>(() => service.NewIndex([], keepIndexUrl: true));

        // Then the error says the answer could not be read
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("not base64-encoded JSON", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_When_The_Service_Answers_Another_Request()
    {
        // Given a service that answers message 5 whatever it is asked
        var answer = Convert.ToBase64String("""{"message_id":5,"payload":{"type":"NewIndex","index_id":0}}"""u8);
        var binary = Script($"printf '{answer},'; cat > /dev/null");

        // When an index is asked for (message 1)
        using var service = PagefindServiceClient.Start(binary, Patience);
        var error = Assert.Throws<BuildException>(() => service.NewIndex([], keepIndexUrl: true));

        // Then the error says which answer was due
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("message 5", error.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("message 1", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_When_The_Service_Does_Not_Answer_In_Time()
    {
        // Given a service that reads its requests and never answers
        var binary = Script("while read -r request; do :; done");

        // When an index is asked for, with a time limit of half a second
        using var service = PagefindServiceClient.Start(binary, TimeSpan.FromSeconds(0.5));
        var error = Assert.Throws<BuildException>(() => service.NewIndex([], keepIndexUrl: true));

        // Then the error says it ran out of time
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("did not finish indexing within", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_AN1101_When_The_Binary_Cannot_Be_Started()
    {
        // Given a path where no program is
        var binary = Path.Combine(folder.FullName, "missing", "pagefind_extended");

        // When the service is started
        var error = Assert.Throws<BuildException>(() => PagefindServiceClient.Start(binary, Patience));

        // Then the error says it could not be started
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("could not be started", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    private string Script(string body)
    {
        var path = Path.Combine(folder.FullName, $"pagefind-{Guid.NewGuid():N}");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);
}
