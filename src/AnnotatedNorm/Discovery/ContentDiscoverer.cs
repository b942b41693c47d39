using System.Collections.Immutable;
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
    public static (ImmutableArray<SourceFile> Pages, ImmutableArray<string> Assets) Find(string contentRoot)
    {
        var root = Path.GetFullPath(contentRoot);
        var files = new List<SourceFile>();
        var assets = new List<string>();
        Walk(root, root, files, assets);
        return ([.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)], [.. assets.Order(StringComparer.Ordinal)]);
    }

    private static void Walk(string root, string folder, List<SourceFile> files, List<string> assets)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
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
            if (name.StartsWith('.') || SkippedFolders.Contains(name)) continue;
            if ((File.GetAttributes(sub) & FileAttributes.ReparsePoint) != 0) continue;
            Walk(root, sub, files, assets);
        }
    }
}
