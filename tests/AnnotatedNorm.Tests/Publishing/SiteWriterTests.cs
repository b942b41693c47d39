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

    [Fact]
    public void Should_Remove_What_A_Killed_Build_Left_Beside_The_Output()
    {
        // Given an output folder, and the staging and previous folders of a build that was killed (its process is gone)
        var root = Path.Combine(Path.GetTempPath(), $"annotatednorm-abandoned-{Guid.NewGuid():N}");
        var output = Path.Combine(root, "site");
        SiteWriter.Publish(output, [OutputFile.Text("index.html", "old")]);
        var dead = DeadProcessId();
        string[] abandoned = [Path.Combine(root, $"site.building-{dead}"), Path.Combine(root, $"site.previous-{dead}")];
        var unrelated = Path.Combine(root, "site.notes-1");
        foreach (var folder in abandoned.Append(unrelated))
        {
            Directory.CreateDirectory(Path.Combine(folder, "normalization"));
            File.WriteAllText(Path.Combine(folder, "normalization", "page.html"), "half");
        }
        try
        {
            // When the next build publishes
            SiteWriter.Publish(output, [OutputFile.Text("index.html", "new")]);

            // Then only the new site and the unrelated folder remain
            Assert.Equal("new", File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.All(abandoned, folder => Assert.False(Directory.Exists(folder), folder));
            Assert.Equal(["site", "site.notes-1"], Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Should_Exchange_An_Existing_Output_Folder_For_The_New_One_In_One_Step()
    {
        // Given two folders with a file each
        var root = Path.Combine(Path.GetTempPath(), $"annotatednorm-exchange-{Guid.NewGuid():N}");
        var (a, b) = (Path.Combine(root, "a"), Path.Combine(root, "b"));
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        File.WriteAllText(Path.Combine(a, "f"), "a");
        File.WriteAllText(Path.Combine(b, "f"), "b");
        try
        {
            // When they are exchanged
            var exchanged = AtomicExchange.TryExchange(a, b);

            // Then on Linux each holds the other's file; elsewhere nothing moved
            Assert.Equal(OperatingSystem.IsLinux(), exchanged);
            Assert.Equal(exchanged ? ("b", "a") : ("a", "b"), (File.ReadAllText(Path.Combine(a, "f")), File.ReadAllText(Path.Combine(b, "f"))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int DeadProcessId()
    {
        for (var pid = 4_000_000; ; pid--)
            if (!Directory.Exists($"/proc/{pid}")) return pid;
    }
}
