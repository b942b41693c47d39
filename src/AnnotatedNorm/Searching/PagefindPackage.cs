using System.Runtime.InteropServices;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Searching;

/// <summary>The Pagefind indexer pinned by the templates' npm lock file: the native binary of this platform's package.</summary>
public sealed class PagefindPackage
{
    internal PagefindPackage(string binaryPath, string version)
    {
        BinaryPath = binaryPath;
        Version = version;
    }

    /// <summary>Full path of <c>pagefind_extended</c>, the build that also segments Chinese and Japanese text.</summary>
    public string BinaryPath { get; }

    /// <summary>The installed Pagefind version, as in its package.json.</summary>
    public string Version { get; }

    /// <summary>Finds Pagefind under <paramref name="templatesDirectory"/>, running <c>npm ci</c> there first when it is missing or not the locked version.</summary>
    /// <exception cref="BuildException">npm fails, or leaves no Pagefind binary for this platform behind (code AN1100).</exception>
    public static PagefindPackage Locate(string templatesDirectory)
    {
        var lockFile = Path.Combine(templatesDirectory, "package-lock.json");
        if (!File.Exists(lockFile) && Shipped(templatesDirectory) is { } shipped)
            return shipped;
        if (!File.Exists(lockFile))
            throw Failure(lockFile, "package-lock.json is missing; Pagefind's version cannot be pinned without it");
        var locked = LockedVersion(lockFile);
        if (PlatformPackage() is not { } platform)
            throw Failure(lockFile, $"Pagefind ships no binary for {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); search needs linux, macOS or Windows on x64 or arm64");

        var binary = Path.Combine(NpmVersionReader.InstalledFolder(templatesDirectory, "@pagefind/" + platform), "bin",
            OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");
        lock (NpmInstaller.InstallLock)
        {
            if (InstalledVersion(templatesDirectory) != locked || !File.Exists(binary))
                new NpmInstaller(templatesDirectory, "Pagefind", "AN1100").Install();
            var installed = InstalledVersion(templatesDirectory);
            if (installed != locked || !File.Exists(binary))
                throw Failure(lockFile,
                    $"npm ci finished but node_modules holds pagefind {installed ?? "(none)"} instead of the locked {locked}, or no {Path.GetRelativePath(templatesDirectory, binary)}");
        }
        return new PagefindPackage(binary, locked);
    }

    /// <summary>The folder of a theme that carries Pagefind's binary itself, copied from the npm package when the tool was packed.</summary>
    public const string ShippedFolder = "pagefind";

    // The installed tool's theme: the binary of the platform it was packed for, and the package's manifest for its version.
    // A package archive keeps no file modes, so the binary may arrive without its executable bit; it gets it back here.
    private static PagefindPackage? Shipped(string templatesDirectory)
    {
        var folder = Path.Combine(templatesDirectory, ShippedFolder);
        var binary = Path.Combine(folder, OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");
        if (!File.Exists(binary) || NpmVersionReader.Installed(folder) is not { } version) return null;
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(binary).HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return new PagefindPackage(binary, version);
    }

    // The npm package installs the binary as an optional dependency named after the platform, like @pagefind/linux-x64.
    private static string? PlatformPackage()
    {
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "windows" : null;
        var cpu = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return os is null || cpu is null ? null : $"{os}-{cpu}";
    }

    private static string LockedVersion(string lockFile) =>
        NpmVersionReader.Locked(lockFile, "pagefind") ?? throw Failure(lockFile, "package-lock.json does not lock a pagefind version");

    private static string? InstalledVersion(string templatesDirectory) =>
        NpmVersionReader.Installed(NpmVersionReader.InstalledFolder(templatesDirectory, "pagefind"));

    private static BuildException Failure(string path, string message) => new(Diagnostic.Error(path, 1, 1, "AN1100", message));
}
