using System.Diagnostics;
using System.Text.Json;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core from npm, pinned by this project's package-lock.json and installed with <c>npm ci</c> when missing,
/// so a fresh clone needs only Node.js (no CDN: the tests inject the file into each page).
/// </summary>
public static class AxePackage
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    /// <summary>The path of <c>axe.min.js</c>, installing the locked axe-core first when it is not there.</summary>
    public static async Task<string> ScriptPathAsync(string repositoryFolder)
    {
        var folder = Path.Combine(repositoryFolder, "tests", "AnnotatedNorm.Browser.Tests");
        var script = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        await InstallLock.WaitAsync();
        try
        {
            if (InstalledVersion(folder) != LockedVersion(folder)) await NpmCiAsync(folder);
            if (InstalledVersion(folder) != LockedVersion(folder))
                throw new InvalidOperationException($"npm ci in {folder} did not install axe-core {LockedVersion(folder)}");
            return script;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string? LockedVersion(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")));
        return document.RootElement.GetProperty("packages").GetProperty("node_modules/axe-core").GetProperty("version").GetString();
    }

    private static string? InstalledVersion(string folder)
    {
        var manifest = Path.Combine(folder, "node_modules", "axe-core", "package.json");
        if (!File.Exists(manifest) || !File.Exists(Path.Combine(folder, "node_modules", "axe-core", "axe.min.js"))) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        return document.RootElement.GetProperty("version").GetString();
    }

    private static async Task NpmCiAsync(string folder)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; install Node.js with npm");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"npm ci in {folder} failed with exit code {process.ExitCode}: {await output}{await error}");
    }
}
