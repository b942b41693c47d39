using System.ComponentModel;
using System.Diagnostics;

namespace AnnotatedNorm.Typesetting;

/// <summary>Runs <c>npm ci</c> in the templates folder, so a fresh clone needs only Node.js to build.</summary>
/// <param name="package">The package that was found missing, as the message names it.</param>
/// <param name="code">The diagnostic code of a failed install.</param>
internal sealed class NpmInstaller(string templatesDirectory, string package = "KaTeX", string code = "AN0303")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Held while installing and checking: two builds (or two test classes) in one process must not run npm in the same folder at once.</summary>
    internal static readonly Lock InstallLock = new();

    public void Install()
    {
        var lockFile = Path.Combine(templatesDirectory, "package-lock.json");
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm") { WorkingDirectory = templatesDirectory };
        // --ignore-scripts: neither KaTeX nor Pagefind needs an install step, and a build should not run package scripts it did not ask for.
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
            start.ArgumentList.Add(argument);

        ChildProcessResult npm;
        try
        {
            npm = ChildProcess.Run(start, Timeout);
        }
        catch (Win32Exception e)
        {
            throw KatexPackage.Failure(lockFile, code,
                $"{package} is not installed and npm could not be started ({e.Message}); install Node.js with npm, or run 'npm ci' in {templatesDirectory}");
        }
        if (!npm.Finished)
            throw KatexPackage.Failure(lockFile, code, $"npm ci did not finish within {Timeout.TotalMinutes} minutes");
        if (npm.ExitCode != 0)
            throw KatexPackage.Failure(lockFile, code, $"npm ci failed with exit code {npm.ExitCode}: {npm.OutputTail}");
    }
}
