namespace AnnotatedNorm.Discovery;

/// <summary>The URL scheme of the site: output paths mirror the content tree, and links between pages are relative.</summary>
public static class OutputPaths
{
    public static string ForSource(string relativePath) => Path.ChangeExtension(relativePath, ".html").Replace('\\', '/');

    public static string IndexOf(string folder) => folder.Length == 0 ? "index.html" : $"{folder}/index.html";

    /// <summary>Prefix that leads from the folder of <paramref name="pagePath"/> back to the output root ("", "../", …).</summary>
    public static string RootPrefix(string pagePath) => string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));

    /// <summary>Relative URL from one output page to another output path (both relative to the same root).</summary>
    public static string Relative(string fromPage, string toPath)
    {
        var from = fromPage.Split('/')[..^1];
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common]) common++;
        var up = string.Concat(Enumerable.Repeat("../", from.Length - common));
        var result = up + Escape(string.Join('/', to[common..]));
        return result.Length == 0 ? "./" : result;
    }

    /// <summary>A '/'-separated path as a URL path: each segment percent-encoded (spaces, '#', '%', non-ASCII letters).</summary>
    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Output path of a page in a culture: the default culture at the root, others under their name.</summary>
    public static string InCulture(string path, string culture, string defaultCulture) =>
        culture == defaultCulture ? path : $"{culture}/{path}";
}
