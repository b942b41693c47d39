using System.Diagnostics;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Tool;

/// <summary>
/// The tool as its users get it: packed from this repository into a local feed once per test class, and installed
/// from there into a tool path of its own. Commands run with an environment built from nothing but what .NET and git
/// need, so no <c>node</c> or <c>npm</c> is on the <c>PATH</c>.
/// </summary>
public sealed class PackagedToolFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("an-tool-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>A NuGet configuration with the local feed as its only source, so nothing is fetched or cached elsewhere.</summary>
    public string NuGetConfig => Path.Combine(Root, "nuget.config");

    public string ToolPath => Path.Combine(Root, "tools");

    public string Tool => Path.Combine(ToolPath, "annotatednorm");

    /// <summary>A folder of links to the programs the tool's users need (dotnet, git), and nothing else.</summary>
    /// <remarks><c>dotnet tool install</c> runs <c>chmod</c> to make the command it installs executable.</remarks>
    public string Bin => Path.Combine(Root, "bin");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Path.Combine(Root, "home"));
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Bin);
        foreach (var program in new[] { "dotnet", "git", "chmod" })
            File.CreateSymbolicLink(Path.Combine(Bin, program), Which(program));

        // Packed with the developer's environment: the repository's own build may use npm.
        var project = Path.Combine(RepositoryRoot.Find(), "src", "AnnotatedNorm.Cli");
        var pack = await RunAsync(Which("dotnet"), ["pack", project, "-c", "Release", "-o", Feed], Root, Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value), TimeSpan.FromMinutes(30));
        Assert.True(pack.Exit == 0, pack.Output);
        var install = await RunInClean(Which("dotnet"), ["tool", "install", "--tool-path", ToolPath, "--configfile", NuGetConfig, "AnnotatedNorm", "--version", GeneratorVersion.Current], Root);
        Assert.True(install.Exit == 0, install.Output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The size of the package in the feed, in bytes.</summary>
    public long PackageSize => new FileInfo(Directory.EnumerateFiles(Feed, "*.nupkg").Single()).Length;

    /// <summary>An environment with only <see cref="Bin"/> on the path, and NuGet's cache inside <see cref="Root"/>.</summary>
    public Dictionary<string, string?> CleanEnvironment() => new()
    {
        ["PATH"] = Bin,
        ["HOME"] = Path.Combine(Root, "home"),
        ["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(Which("dotnet")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Which("dotnet")),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
        ["TMPDIR"] = Path.GetTempPath(),
    };

    public Task<(int Exit, string Output)> RunInClean(string program, IEnumerable<string> arguments, string folder) =>
        RunAsync(program, arguments, folder, CleanEnvironment(), TimeSpan.FromMinutes(5));

    /// <summary>Runs the installed tool in <paramref name="folder"/> with the clean environment.</summary>
    public Task<(int Exit, string Output)> Annotatednorm(string folder, params string[] arguments) => RunInClean(Tool, arguments, folder);

    private static async Task<(int Exit, string Output)> RunAsync(string program, IEnumerable<string> arguments, string folder, Dictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return (process.ExitCode, $"{program} {string.Join(' ', arguments)}\n{await output}{await error}");
    }

    /// <summary>The full path of a program on the test process's own PATH.</summary>
    public static string Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} is not on the PATH");
}
