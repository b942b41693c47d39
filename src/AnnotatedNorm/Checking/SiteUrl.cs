namespace AnnotatedNorm.Checking;

/// <summary>How a relative URL on a page of the site resolves to another file of the site, as a browser would.</summary>
public static class SiteUrl
{
    /// <summary>True for a link into the site: no scheme (<c>https:</c>, <c>mailto:</c>, <c>data:</c>) and not protocol-relative.</summary>
    public static bool IsInternal(string reference)
    {
        if (reference.StartsWith("//", StringComparison.Ordinal)) return false;
        var colon = reference.IndexOf(':');
        return colon < 0 || reference.IndexOfAny(['/', '?', '#']) is var stop && stop >= 0 && stop < colon;
    }

    /// <summary>
    /// The site path a reference on <paramref name="page"/> leads to (null when it climbs above the root) and its
    /// fragment without the <c>#</c>. A folder URL (<c>"dir/"</c>, <c>"./"</c>) leads to the folder's index.html.
    /// </summary>
    public static (string? Path, string Fragment) Resolve(string page, string reference)
    {
        var (path, fragment) = reference.Split('#', 2) is [var p, var f] ? (p, f) : (reference, "");
        path = path.Split('?', 2)[0];
        if (path.Length == 0) return (page, fragment);
        List<string> parts = path.StartsWith('/') ? [] : [.. page.Split('/')[..^1]];
        foreach (var part in Uri.UnescapeDataString(path).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return (null, fragment);
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        var resolved = string.Join('/', parts);
        return (path.EndsWith('/') || resolved.Length == 0 ? IndexOf(resolved) : resolved, fragment);
    }

    public static string IndexOf(string folder) => folder.Length == 0 ? "index.html" : $"{folder}/index.html";
}
