using AnnotatedNorm.Discovery;

namespace AnnotatedNorm.Checking;

/// <summary>The source file a page was made from, to point a broken link of the page back at the line that wrote it.</summary>
/// <param name="DisplayPath">The source as diagnostics name it.</param>
/// <param name="ReadText">Reads the source text; called only when a link of the page is broken.</param>
public sealed record LinkOrigin(string DisplayPath, Func<string> ReadText)
{
    /// <summary>
    /// Line and column of the link in the source: where the source spells it as the page does, or with the
    /// <c>.cs</c>/<c>.md</c> name that the page turned into <c>.html</c>; line 1 when the page made the link itself.
    /// </summary>
    public (int Line, int Column) Locate(string reference)
    {
        var text = ReadText();
        var path = reference.Split('#', 2)[0];
        string[] spellings = path.EndsWith(".html", StringComparison.Ordinal)
            ? [reference, SwapExtension(reference, path, ".cs"), SwapExtension(reference, path, ".md")]
            : [reference];
        foreach (var spelling in spellings.Where(s => s.Length > 0))
        {
            var at = text.IndexOf(spelling, StringComparison.Ordinal);
            if (at < 0) continue;
            var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            return (text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
        }
        return (1, 1);
    }

    /// <summary>The origins of a site's pages: each source's page in every culture points at the source.</summary>
    public static Func<string, LinkOrigin?> For(SiteInput site)
    {
        var origins = new Dictionary<string, LinkOrigin>(StringComparer.Ordinal);
        foreach (var source in site.Sources)
        {
            var origin = new LinkOrigin(site.DisplayPath(source), () => File.ReadAllText(source.FullPath));
            foreach (var culture in site.Configuration.Languages)
                origins[OutputPaths.InCulture(source.OutputPath, culture, site.Configuration.DefaultLanguage)] = origin;
        }
        // A folder without index.md shows its readme on the generated index, links included.
        foreach (var readme in site.Sources.Where(s => s.IsReadme))
            foreach (var culture in site.Configuration.Languages)
                origins.TryAdd(OutputPaths.InCulture(OutputPaths.IndexOf(readme.Folder), culture, site.Configuration.DefaultLanguage), origins[readme.OutputPath]);
        return page => origins.GetValueOrDefault(page);
    }

    private static string SwapExtension(string reference, string path, string extension) =>
        path[..^".html".Length] + extension + reference[path.Length..];
}
