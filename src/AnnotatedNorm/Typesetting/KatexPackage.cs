using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Typesetting;

/// <summary>The KaTeX distribution pinned by the templates' npm lock file: the script that typesets and the files the site serves.</summary>
public sealed class KatexPackage
{
    private KatexPackage(string distDirectory, string version, ImmutableArray<string> siteFiles)
    {
        DistDirectory = distDirectory;
        Version = version;
        SiteTemplater = siteFiles;
    }

    /// <summary>The <c>node_modules/katex/dist</c> folder.</summary>
    public string DistDirectory { get; }

    /// <summary>The installed KaTeX version, as in its package.json.</summary>
    public string Version { get; }

    /// <summary>Full path of <c>katex.min.js</c>, the script <see cref="KatexRenderer"/> runs.</summary>
    public string ScriptPath => Path.Combine(DistDirectory, "katex.min.js");

    /// <summary>
    /// Files to copy into the site, relative to <see cref="DistDirectory"/> with '/' separators and in ordinal order:
    /// <c>katex.min.css</c> and every font it refers to, so the stylesheet's relative <c>fonts/…</c> URLs resolve offline.
    /// </summary>
    public ImmutableArray<string> SiteTemplater { get; }

    /// <summary>The folder of a theme that carries KaTeX's files itself, copied from the npm package when the tool was packed.</summary>
    public const string ShippedFolder = "katex";

    /// <summary>
    /// Finds KaTeX under <paramref name="templatesDirectory"/>: the npm package its lock file pins, running <c>npm ci</c>
    /// there first when it is missing or not the locked version; or, in a theme without a lock file, the copy the tool
    /// carries in <c>katex/</c> (no Node.js needed).
    /// </summary>
    /// <exception cref="BuildException">npm is not installed, fails, or leaves no KaTeX behind (code AN0303 / AN0304).</exception>
    public static KatexPackage Locate(string templatesDirectory)
    {
        var lockFile = Path.Combine(templatesDirectory, "package-lock.json");
        var shipped = Path.Combine(templatesDirectory, ShippedFolder);
        if (!File.Exists(lockFile) && InstalledVersion(shipped, "") is { } version)
            return new KatexPackage(shipped, version, ListSiteFiles(shipped));
        if (!File.Exists(lockFile))
            throw Failure(lockFile, "AN0304", "package-lock.json is missing; KaTeX's version cannot be pinned without it");

        var locked = LockedVersion(lockFile);
        lock (NpmInstaller.InstallLock)
        {
            if (InstalledVersion(templatesDirectory) != locked)
                new NpmInstaller(templatesDirectory).Install();

            var installed = InstalledVersion(templatesDirectory);
            if (installed != locked)
                throw Failure(lockFile, "AN0304",
                    $"npm ci finished but node_modules holds katex {installed ?? "(none)"} instead of the locked {locked}");
        }

        var dist = Path.Combine(NpmVersionReader.InstalledFolder(templatesDirectory, "katex"), "dist");
        return new KatexPackage(dist, locked, ListSiteFiles(dist));
    }

    private static ImmutableArray<string> ListSiteFiles(string dist)
    {
        // The stylesheet lists woff2, woff and ttf for every face. Browsers fetch only the first format they support
        // (woff2 everywhere today), but shipping all three keeps every URL in the CSS resolvable, so a link checker
        // over the output stays quiet; the cost is disk space, not page weight.
        var fonts = Directory.EnumerateFiles(Path.Combine(dist, "fonts"))
            .Where(f => f.EndsWith(".woff2", StringComparison.Ordinal) || f.EndsWith(".woff", StringComparison.Ordinal)
                        || f.EndsWith(".ttf", StringComparison.Ordinal))
            .Select(f => "fonts/" + Path.GetFileName(f));
        return [.. fonts.Append("katex.min.css").Order(StringComparer.Ordinal)];
    }

    private static string LockedVersion(string lockFile) =>
        NpmVersionReader.Locked(lockFile, "katex") ?? throw Failure(lockFile, "AN0304", "package-lock.json does not lock a katex version");

    private static string? InstalledVersion(string templatesDirectory) =>
        InstalledVersion(NpmVersionReader.InstalledFolder(templatesDirectory, "katex"), "dist");

    // The package's manifest, and its script in <paramref name="dist"/> beside it: a manifest without the script is no KaTeX.
    private static string? InstalledVersion(string package, string dist) =>
        File.Exists(Path.Combine(package, dist, "katex.min.js")) ? NpmVersionReader.Installed(package) : null;

    internal static BuildException Failure(string path, string code, string message) =>
        new(Diagnostic.Error(path, 1, 1, code, message));
}
