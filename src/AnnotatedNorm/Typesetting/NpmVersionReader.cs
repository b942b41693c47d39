using System.Text.Json;

namespace AnnotatedNorm.Typesetting;

/// <summary>Reads which version of an npm package a lock file pins and which version a package folder holds.</summary>
/// <remarks>KaTeX and Pagefind come from the same lock file and <c>npm ci</c>; only the package's name tells them apart.</remarks>
internal static class NpmVersionReader
{
    /// <summary>The version <c>package-lock.json</c> pins for the top-level <paramref name="package"/>; null when it pins none.</summary>
    public static string? Locked(string lockFile, string package)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(lockFile));
        return json.RootElement.TryGetProperty("packages", out var packages)
               && packages.TryGetProperty("node_modules/" + package, out var entry)
               && entry.TryGetProperty("version", out var version)
            ? version.GetString()
            : null;
    }

    /// <summary>The version in the <c>package.json</c> of <paramref name="packageFolder"/>; null when there is no manifest or it names no version.</summary>
    public static string? Installed(string packageFolder)
    {
        var manifest = Path.Combine(packageFolder, "package.json");
        if (!File.Exists(manifest)) return null;
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }

    /// <summary>Where <c>npm ci</c> in <paramref name="templatesDirectory"/> installs <paramref name="package"/>.</summary>
    public static string InstalledFolder(string templatesDirectory, string package) =>
        Path.Combine(templatesDirectory, "node_modules", package);
}
