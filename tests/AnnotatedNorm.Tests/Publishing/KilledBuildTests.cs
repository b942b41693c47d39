using System.Diagnostics;

using Xunit.Abstractions;

using AnnotatedNorm.Tests.Cli;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Publishing;

/// <summary>
/// Starts real builds of the command line in child processes and kills them (SIGKILL) at seeded random moments, half of
/// them spread over the whole build and half just after it starts publishing; the output folder must always be the old
/// site or the new one, byte for byte, and the next build that finishes must leave no staging or previous folder behind.
/// </summary>
/// <remarks>
/// <c>ANNOTATEDNORM_KILL_ITERATIONS</c> (default 10) and <c>ANNOTATEDNORM_KILL_SEED</c> (default 17) run it longer or
/// differently; a failure names the seed and the moment of the kill.
/// </remarks>
public class KilledBuildTests(ITestOutputHelper log)
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "AnnotatedNorm.Cli.dll");

    [Fact]
    public async Task Should_Leave_The_Old_Or_The_New_Site_Whenever_A_Build_Is_Killed()
    {
        // Given a site built from two versions of its content, each one's output hashed
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("ANNOTATEDNORM_KILL_ITERATIONS"), out var n) ? n : 10;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ANNOTATEDNORM_KILL_SEED"), out var s) ? s : 17;
        var random = new Random(seed);
        using var tree = new SiteTree(("Demo.cs", Version(0)));
        var hashes = new string[2];
        var duration = TimeSpan.Zero;
        for (var version = 0; version < 2; version++)
        {
            tree.Write("Demo.cs", Version(version));
            var clock = Stopwatch.StartNew();
            var (exit, printed) = await BuildAsync(tree, kill: null);
            Assert.True(exit == 0, printed);
            // The second build is a typical one: the first also compiles the templates into the cache.
            duration = clock.Elapsed;
            hashes[version] = BadInputSite.TreeHash(tree.Output);
        }
        Assert.NotEqual(hashes[0], hashes[1]);

        // When builds of the other version are killed at random moments
        var (current, written) = (1, 1);
        var kills = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            var next = 1 - current;
            tree.Write("Demo.cs", Version(next));
            written = next;
            var kill = i % 2 == 0
                ? new KillPoint(null, TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds * 1.1))
                : new KillPoint("  publish", TimeSpan.FromMilliseconds(random.NextDouble() * 60));
            var (exit, printed) = await BuildAsync(tree, kill);

            // Then the output folder is one of the two sites, whole
            var hash = BadInputSite.TreeHash(tree.Output);
            var what = $"seed {seed}, iteration {i}, killed {kill} (exit {exit})";
            Assert.True(hash == hashes[current] || hash == hashes[next], $"{what}: the output is neither the old site nor the new one\n{printed}");
            kills.Add($"{what}: {(hash == hashes[next] ? "new" : "old")} site");
            if (hash == hashes[next]) current = next;
        }

        // Then the next build that finishes publishes the content and leaves no temporary folder beside the output
        foreach (var line in kills) log.WriteLine(line);
        var (last, lastPrinted) = await BuildAsync(tree, kill: null);
        Assert.True(last == 0, lastPrinted);
        Assert.Equal(hashes[written], BadInputSite.TreeHash(tree.Output));
        var leftovers = Directory.EnumerateFileSystemEntries(tree.Root).Select(Path.GetFileName).Where(e => e!.StartsWith("output.", StringComparison.Ordinal)).ToList();
        Assert.True(leftovers.Count == 0, $"left beside the output: {string.Join(", ", leftovers)}\n{string.Join("\n", kills)}");
    }

    private static string Version(int version) =>
        SiteTree.DemoPage.Replace("The first line of commentary.", $"The first line of commentary, version {version}.", StringComparison.Ordinal);

    /// <summary>When to kill: after a delay from the start, or from the first output line that starts with <paramref name="AfterLine"/>.</summary>
    private sealed record KillPoint(string? AfterLine, TimeSpan Delay)
    {
        public override string ToString() => $"{Delay.TotalMilliseconds:F0} ms after {(AfterLine is null ? "the start" : $"'{AfterLine.Trim()}'")}";
    }

    private static async Task<(int Exit, string Printed)> BuildAsync(SiteTree tree, KillPoint? kill)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Cli, "build", "--content", tree.Content, "--templates", SiteTree.Templates, "--output", tree.Output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var printed = new System.Text.StringBuilder();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (kill?.AfterLine is null) reached.SetResult();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (printed) printed.AppendLine(e.Data);
            if (kill?.AfterLine is { } line && e.Data.StartsWith(line, StringComparison.Ordinal)) reached.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (printed) printed.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (kill is not null)
        {
            await Task.WhenAny(reached.Task, exited);
            if (reached.Task.IsCompleted) await Task.WhenAny(Task.Delay(kill.Delay), exited);
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        lock (printed) return (process.ExitCode, printed.ToString());
    }
}
