using System.Collections.Immutable;
using AngleSharp.Dom;
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
        var documents = new Dictionary<string, IDocument>(StringComparer.Ordinal);
        var parser = new HtmlParser();
        IDocument Document(string path) => documents.TryGetValue(path, out var d) ? d
            : documents[path] = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(byPath[path].Content.Span));

        var diagnostics = new List<Diagnostic>();
        foreach (var page in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (selector, attribute) in References)
                foreach (var element in Document(page.Path).QuerySelectorAll(selector))
                {
                    var reference = element.GetAttribute(attribute)!;
                    if (!seen.Add(reference) || !SiteUrl.IsInternal(reference)) continue;
                    var (target, fragment) = SiteUrl.Resolve(page.Path, reference);
                    if (target is not null && !byPath.ContainsKey(target) && byPath.ContainsKey(SiteUrl.IndexOf(target)))
                        target = SiteUrl.IndexOf(target);
                    string? problem = null;
                    if (target is null || !byPath.ContainsKey(target))
                        problem = $"{MissingTarget}|link '{reference}' on page '{page.Path}' leads to '{target ?? reference}', which is not part of the site";
                    else if (fragment.Length > 0 && target.EndsWith(".html", StringComparison.Ordinal)
                        && Document(target).GetElementById(Uri.UnescapeDataString(fragment)) is null)
                        problem = $"{MissingFragment}|link '{reference}' on page '{page.Path}' names '#{fragment}', but '{target}' has no element with that id";
                    if (problem is not null) diagnostics.Add(Report(problem, page.Path, reference, origins(page.Path)));
                }
        }
        return [.. diagnostics];
    }

    private static Diagnostic Report(string problem, string page, string reference, LinkOrigin? origin)
    {
        var (code, message) = (problem[..problem.IndexOf('|')], problem[(problem.IndexOf('|') + 1)..]);
        if (origin is null) return Diagnostic.Error(page, 1, 1, code, message);
        var (line, column) = origin.Locate(reference);
        return Diagnostic.Error(origin.DisplayPath, line, column, code, message);
    }
}
