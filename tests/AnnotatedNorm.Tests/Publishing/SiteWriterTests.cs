using AnnotatedNorm.Publishing;
using CsCheck;

namespace AnnotatedNorm.Tests.Publishing;

public class SiteWriterTests
{
    [Fact]
    public void Should_Never_Resolve_A_Path_Outside_The_Output_Folder()
    {
        // Given random paths made of separators, dots, names and rooted prefixes
        var root = Path.Combine(Path.GetTempPath(), "annotatednorm-root");
        var part = Gen.OneOf("..", ".", "", "a", "b.html", "/", "\\", "~", "c:", "..a", "a..", " ");
        var separator = Gen.OneOf("/", "\\", "");
        var paths = Gen.Select(part.Array[1, 6], separator, (parts, s) => string.Join(s, parts));

        // Then every path either resolves inside the root or is refused
        paths.Sample(path =>
        {
            try
            {
                var resolved = SiteWriter.Resolve(root, path);
                Assert.StartsWith(root + Path.DirectorySeparatorChar, resolved);
            }
            catch (ArgumentException)
            {
            }
        }, iter: 2000);
    }

    [Theory]
    [InlineData("../escape.html")]
    [InlineData("a/../../escape.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b.html")]
    public void Should_Refuse_Paths_That_Are_Not_Plain_Relative_Paths(string path)
    {
        Assert.Throws<ArgumentException>(() => SiteWriter.Resolve(Path.GetTempPath(), path));
    }

    [Fact]
    public void Should_Clean_Only_A_Folder_It_Built()
    {
        // Given one folder built by the writer and one that was not
        var root = Path.Combine(Path.GetTempPath(), $"annotatednorm-clean-{Guid.NewGuid():N}");
        var built = Path.Combine(root, "built");
        var foreign = Path.Combine(root, "foreign");
        SiteWriter.Publish(built, [OutputFile.Text("index.html", "<!DOCTYPE html>")]);
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "keep");
        try
        {
            // When / Then
            Assert.True(SiteWriter.Clean(built));
            Assert.False(Directory.Exists(built));
            Assert.Throws<Diagnostics.BuildException>(() => SiteWriter.Clean(foreign));
            Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
