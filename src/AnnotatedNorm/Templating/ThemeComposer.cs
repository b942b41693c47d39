using System.Collections.Immutable;

namespace AnnotatedNorm.Templating;

/// <summary>
/// Puts a site's own templates folder over the built-in theme file by file, so a site that changes one template or
/// stylesheet takes everything else from the theme the tool carries; and copies that theme out for customizing.
/// </summary>
/// <remarks>
/// A theme folder holds <c>templates/</c>, <c>assets/</c>, <c>i18n/</c> and, in the built-in theme, <c>katex/</c>.
/// The stages read one folder, so an incomplete site folder is merged with the built-in theme into a folder of the
/// build's own (beside the build cache) and the build reads that. A site folder with every file of the theme is read
/// as it is, and so is the built-in theme when the site has no folder at all.
/// </remarks>
public static class ThemeComposer
{
    /// <summary>Where the tool carries its theme: beside its own assemblies (absent when run from the repository).</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "theme");

    // What a theme is; npm's files and the packages it installed belong to a theme that pins its own KaTeX.
    private static readonly string[] ThemeFolders = ["templates", "assets", "i18n", Typesetting.KatexPackage.ShippedFolder];

    /// <summary>Whether <paramref name="folder"/> holds a theme (at least its layout template).</summary>
    public static bool IsTheme(string folder) => File.Exists(Path.Combine(folder, "templates", "_Layout.cshtml"));

    /// <summary>The files of a theme, relative with '/' separators, in ordinal order.</summary>
    public static ImmutableArray<string> FilesOf(string themeFolder) =>
    [
        .. ThemeFolders.Select(f => Path.Combine(themeFolder, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(themeFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// The folder a build of a site with <paramref name="siteFolder"/> reads its theme from: the built-in theme when the
    /// site has none, the site's folder when it lacks no file of the theme, otherwise both merged into
    /// <paramref name="mergedFolder"/> (the site's files winning), rewriting only the files that changed.
    /// </summary>
    public static string Compose(string siteFolder, string builtInFolder, string mergedFolder)
    {
        if (!Directory.Exists(siteFolder)) return builtInFolder;
        var own = FilesOf(siteFolder).ToHashSet(StringComparer.Ordinal);
        var missing = FilesOf(builtInFolder).Where(f => !own.Contains(f)).ToList();
        if (missing.Count == 0) return siteFolder;

        var wanted = own.Select(f => (File: f, From: siteFolder)).Concat(missing.Select(f => (File: f, From: builtInFolder)))
            .ToDictionary(e => e.File, e => Path.Combine(e.From, e.File), StringComparer.Ordinal);
        if (Directory.Exists(mergedFolder))
            foreach (var stale in FilesOf(mergedFolder).Where(f => !wanted.ContainsKey(f)))
                File.Delete(Path.Combine(mergedFolder, stale));
        foreach (var (file, source) in wanted)
        {
            var target = Path.Combine(mergedFolder, file);
            var bytes = File.ReadAllBytes(source);
            // Unchanged files keep their write time, so the engines a session keeps see no change.
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
        return mergedFolder;
    }

    /// <summary>Where a build whose output is <paramref name="outputFolder"/> merges its theme: <c>.annotatednorm/theme/&lt;output&gt;/</c> beside it.</summary>
    public static string MergedFolderFor(string outputFolder)
    {
        var output = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output)!, Session.BuildCache.FolderName, "theme", Path.GetFileName(output));
    }

    /// <summary>
    /// Copies the theme of <paramref name="themeFolder"/> into <paramref name="targetFolder"/> for customizing, never
    /// replacing a file that is already there. KaTeX's files are left out: nothing in them is the site's to change,
    /// and a build takes them from the tool.
    /// </summary>
    /// <returns>The files written and the files left as they were, relative to <paramref name="targetFolder"/>.</returns>
    public static (ImmutableArray<string> Written, ImmutableArray<string> Kept) Export(string themeFolder, string targetFolder)
    {
        var (written, kept) = (ImmutableArray.CreateBuilder<string>(), ImmutableArray.CreateBuilder<string>());
        foreach (var file in FilesOf(themeFolder).Where(f => !f.StartsWith(Typesetting.KatexPackage.ShippedFolder + "/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(targetFolder, file);
            if (File.Exists(target) || Directory.Exists(target))
            {
                kept.Add(file);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(themeFolder, file), target);
            written.Add(file);
        }
        return (written.ToImmutable(), kept.ToImmutable());
    }
}
