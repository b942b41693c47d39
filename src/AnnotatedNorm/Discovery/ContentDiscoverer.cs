using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Discovery;

/// <summary>Finds the pages of a site in its content folder: annotated <c>.cs</c> files and <c>readme.md</c>/<c>index.md</c> pages.</summary>
public static class ContentDiscoverer
{
    // Build products and catalogs live beside the sources; none of them is a page.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "xlf", "node_modules" };

    private static readonly HashSet<string> MarkdownPages = new(StringComparer.OrdinalIgnoreCase) { "readme.md", "index.md" };

    /// <summary>Images that pages show; they are published at the same relative path.</summary>
    private static readonly HashSet<string> AssetExtensions = new(StringComparer.OrdinalIgnoreCase) { ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp" };

    /// <summary>The pages of the content folder, and the images they may show.</summary>
    /// <param name="warnings">Told of each link that leaves the content folder, dangles or loops, which is not followed.</param>
    /// <param name="outputFolder">The site's output folder, never read as content when it sits in the content folder.</param>
    public static (ImmutableArray<SourceFile> Pages, ImmutableArray<string> Assets) Find(string contentRoot, List<Diagnostic>? warnings = null, string? outputFolder = null)
    {
        var root = Path.GetFullPath(contentRoot);
        var files = new List<SourceFile>();
        var assets = new List<string>();
        Walk(root, root, files, assets, warnings, outputFolder is null ? null : Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar));
        return ([.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)], [.. assets.Order(StringComparer.Ordinal)]);
    }

    private static void Walk(string root, string folder, List<SourceFile> files, List<string> assets, List<Diagnostic>? warnings, string? output)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!Admitted(root, new FileInfo(file), warnings)) continue;
            if (AssetExtensions.Contains(Path.GetExtension(name)))
                assets.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            DocumentKind? kind = name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? DocumentKind.CSharp
                : MarkdownPages.Contains(name) ? DocumentKind.Markdown
                : null;
            if (kind is { } k)
                files.Add(new SourceFile(Path.GetRelativePath(root, file).Replace('\\', '/'), file, k));
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name) || IsOutput(sub, output)) continue;
            // A linked folder is not walked: one inside the content folder is walked where it really is, and one
            // outside it is not read at all.
            var info = new DirectoryInfo(sub);
            if (info.LinkTarget is not null)
            {
                Admitted(root, info, warnings);
                continue;
            }
            Walk(root, sub, files, assets, warnings, output);
        }
    }

    // The output folder, and the staging and previous folders the writer keeps beside it while it swaps them.
    internal static bool IsOutput(string folder, string? output) =>
        output is not null && (folder == output || folder.StartsWith(output + ".building-", StringComparison.Ordinal) || folder.StartsWith(output + ".previous-", StringComparison.Ordinal));

    private static bool Admitted(string root, FileSystemInfo entry, List<Diagnostic>? warnings)
    {
        if (ContentBoundary.Admits(root, entry)) return true;
        warnings?.Add(Diagnostic.Warning(SiteInput.Display(entry.FullName), 1, 1, "AN0009",
            $"'{entry.Name}' is a link to '{entry.LinkTarget}', outside the content folder, missing or a loop; it is not read or published"));
        return false;
    }
}
