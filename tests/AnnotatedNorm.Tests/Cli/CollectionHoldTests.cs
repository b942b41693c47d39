using System.Diagnostics;
using AnnotatedNorm.Cli;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

public sealed class CollectionHoldTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"annotatednorm-hold-{Guid.NewGuid():N}");

    public CollectionHoldTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Should_Weigh_Sources_And_Pages_Above_Catalogs_And_Ignore_Other_Files_And_Unread_Folders()
    {
        // Given
        Write("a.cs", 100);
        Write("chapter/readme.md", 50);
        Write("chapter/deep/b.CS", 20);
        Write("ja/a.xlf", 10);
        Write("figure.svg", 1000);
        Write("site.json", 300);
        Write("obj/Generated.cs", 500);
        Write("bin/Debug/Copied.md", 500);
        Write(".git/notes.md", 500);

        // When
        var weighted = CollectionHold.WeightedInput(folder);

        // Then
        Assert.Equal(160 * (100 + 50 + 20) + 96 * 10, weighted);
    }

    [Fact]
    public void Should_Stop_Reading_The_Folder_Once_The_Total_Passes_The_Limit()
    {
        // Given: five sources of equal weight, 16,000 each
        for (var i = 0; i < 5; i++) Write($"part{i}/s.cs", 100);

        // When
        var stopped = CollectionHold.WeightedInput(folder, stopAbove: 20_000);

        // Then: the second file passed the limit, whichever order the folder is read in
        Assert.Equal(32_000, stopped);
        Assert.Equal(80_000, CollectionHold.WeightedInput(folder));
    }

    [Fact]
    public void Should_Ask_For_More_Than_The_Engines_And_A_Quarter_More_As_Input_Grows()
    {
        // When
        var empty = CollectionHold.RegionFor(0);
        var small = CollectionHold.RegionFor(1 << 20);
        var larger = CollectionHold.RegionFor(2 << 20);

        // Then
        Assert.Equal((48L << 20) / 4 * 5, empty);
        Assert.True(small > empty && larger > small);
        Assert.Equal((1L << 20) / 4 * 5, larger - small);
    }

    [Fact]
    public void Should_Not_Hold_Collections_For_Content_Beyond_The_Cap()
    {
        // Given: sources whose estimate is past the cap (a sparse file, so nothing is written)
        using (var stream = File.Create(Path.Combine(folder, "huge.cs")))
            stream.SetLength(CollectionHold.Cap / 160 + 1);

        // When
        using var hold = CollectionHold.Start(folder);

        // Then
        Assert.Equal(0, hold.Region);
        Assert.False(hold.IsHolding);
    }

    [Fact]
    public async Task Should_Collect_Nothing_During_A_Small_Build_In_Its_Own_Process()
    {
        // Given: a one-page site, built by the command line in a process of its own
        using var tree = new SiteTree($"-- demo/Mean.cs\n{SiteTree.DemoPage}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BuiltCommandLine(), "build", "--verbose", "--content", tree.Content, "--templates", SiteTree.Templates, "--output", tree.Output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // When
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Then
        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Matches(@"collections held off for up to \d+ MB: none during the build", await output);
    }

    /// <summary>
    /// The command line as its own project built it, beside this test project's output
    /// (<c>artifacts/bin/AnnotatedNorm.Cli/&lt;configuration&gt;_&lt;runtime&gt;/</c>): there its native libraries are where it looks for them.
    /// </summary>
    private static string BuiltCommandLine()
    {
        var ownFolder = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var projects = ownFolder.Parent!.Parent!.FullName;
        var folders = Directory.GetDirectories(Path.Combine(projects, "AnnotatedNorm.Cli"), ownFolder.Name + "_*");
        return Path.Combine(Assert.Single(folders), "AnnotatedNorm.Cli.dll");
    }

    private void Write(string path, int length)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, new byte[length]);
    }
}
