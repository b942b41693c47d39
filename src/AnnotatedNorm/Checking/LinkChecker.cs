using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;

namespace AnnotatedNorm.Checking;

/// <summary>
/// Checks that every link between the files of a built site lands: the target file exists, and a <c>#fragment</c>
/// names an element id of the target page. Links with a scheme (<c>https:</c>, <c>mailto:</c>) are not followed.
/// </summary>
public static class LinkChecker
{
    public const string MissingTarget = "AN0501";
    public const string MissingFragment = "AN0502";

    private static readonly (string Selector, string Attribute)[] References =
        [("a[href]", "href"), ("link[href]", "href"), ("script[src]", "src"), ("img[src]", "src"), ("source[src]", "src")];

    /// <param name="origins">For an output page, the source it was made from, where its broken links are reported; null for generated pages.</param>
    public static ImmutableArray<Diagnostic> Check(IReadOnlyList<OutputFile> files, Func<string, LinkOrigin?> origins)
    {
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        // Each page is parsed once, in parallel, and only its links and ids are kept: holding every parsed
        // document until the end would cost memory in proportion to the whole site.
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var summaries = new PageLinks[pages.Count];
        Parallel.For(0, pages.Count, () => new HtmlParser(), (i, _, parser) =>
        {
            summaries[i] = PageLinks.Read(parser, pages[i]);
            return parser;
        }, _ => { });
        var idsByPath = summaries.ToDictionary(p => p.Path, p => p.Ids, StringComparer.Ordinal);

        var diagnostics = new List<Diagnostic>();
        foreach (var page in summaries)
            foreach (var reference in page.References)
            {
                var (target, fragment) = SiteUrl.Resolve(page.Path, FromRoot(reference, page.RootPath));
                if (target is not null && !byPath.ContainsKey(target) && byPath.ContainsKey(SiteUrl.IndexOf(target)))
                    target = SiteUrl.IndexOf(target);
                string? problem = null;
                if (target is null || !byPath.ContainsKey(target))
                    problem = $"{MissingTarget}|link '{reference}' on page '{page.Path}' leads to '{target ?? reference}', which is not part of the site";
                else if (fragment.Length > 0 && target.EndsWith(".html", StringComparison.Ordinal)
                    && !idsByPath[target].Contains(Uri.UnescapeDataString(fragment)))
                    problem = $"{MissingFragment}|link '{reference}' on page '{page.Path}' names '#{fragment}', but '{target}' has no element with that id";
                if (problem is not null) diagnostics.Add(Report(problem, page.Path, reference, origins(page.Path)));
            }
        return [.. diagnostics];
    }

    // A link that starts from the path of the site's base URL (the 404 page's, which a host serves at any depth)
    // leads to the file at the rest of it.
    private static string FromRoot(string reference, string? rootPath) =>
        rootPath is not null && reference.StartsWith(rootPath, StringComparison.Ordinal) ? "/" + reference[rootPath.Length..] : reference;

    /// <summary>What the check needs of one page: its internal references (each once, in document order per kind) and its element ids.</summary>
    /// <param name="RootPath">The path of the site's base URL ("/annotatednorm/"), read from the page's canonical link; null without one.</param>
    private sealed record PageLinks(string Path, ImmutableArray<string> References, HashSet<string> Ids, string? RootPath)
    {
        public static PageLinks Read(HtmlParser parser, OutputFile page)
        {
            using var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(page.Content.Span));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var references = ImmutableArray.CreateBuilder<string>();
            foreach (var (selector, attribute) in LinkChecker.References)
                foreach (var element in document.QuerySelectorAll(selector))
                {
                    var reference = element.GetAttribute(attribute)!;
                    if (seen.Add(reference) && SiteUrl.IsInternal(reference)) references.Add(reference);
                }
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            return new PageLinks(page.Path, references.ToImmutable(), ids, RootPathOf(document, page.Path));
        }
    }

    // The canonical URL is the base URL followed by the page's path (without a final index.html).
    private static string? RootPathOf(AngleSharp.Html.Dom.IHtmlDocument document, string pagePath)
    {
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var own = pagePath.EndsWith("index.html", StringComparison.Ordinal) ? pagePath[..^"index.html".Length] : pagePath;
        return canonical is not null && canonical.EndsWith(own, StringComparison.Ordinal)
            && Uri.TryCreate(canonical[..^own.Length], UriKind.Absolute, out var baseUrl) ? baseUrl.AbsolutePath : null;
    }

    private static Diagnostic Report(string problem, string page, string reference, LinkOrigin? origin)
    {
        var (code, message) = (problem[..problem.IndexOf('|')], problem[(problem.IndexOf('|') + 1)..]);
        if (origin is null) return Diagnostic.Error(page, 1, 1, code, message);
        var (line, column) = origin.Locate(reference);
        return Diagnostic.Error(origin.DisplayPath, line, column, code, message);
    }
}
