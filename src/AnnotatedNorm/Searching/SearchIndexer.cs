using System.Collections.Immutable;
using AnnotatedNorm.Publishing;

namespace AnnotatedNorm.Searching;

/// <summary>
/// The Index stage: runs Pagefind over the rendered pages and adds its bundle (one index per language, chosen by each
/// page's <c>lang</c>) to the site's files under <c>pagefind/</c>.
/// </summary>
/// <remarks>
/// Pagefind runs as a service (<see cref="PagefindServiceClient"/>): the pages go to it from memory and the bundle comes
/// back in memory, so no file is written until the site is published, a failed index leaves the previous site as it
/// was, and <c>serve</c> and <c>check</c>, which write no output, get the same index as <c>build</c>. Each page is sent
/// without what Pagefind would skip (<see cref="PageTrimmer"/>).
/// </remarks>
public static class SearchIndexer
{
    /// <summary>Where the bundle sits in the site; the pages' script loads <c>pagefind/pagefind.js</c> from the site's root.</summary>
    public const string BundleFolder = "pagefind";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // What is not text a reader searches for: KaTeX's visual copy of each formula (its MathML, with the TeX source
    // in an annotation, stays) and the "#" of each permalink. The code column is left out by the template, which
    // gives the names each section declares instead.
    internal const string ExcludedSelectors = ".katex-html, .permalink";

    // Pagefind also writes its own search interfaces; the site has its own, so only the index and its loader ship.
    private static readonly string[] UnusedPrefixes = ["pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight", "playground/"];

    public static ImmutableArray<OutputFile> Index(PagefindPackage pagefind, ImmutableArray<OutputFile> files) =>
        Index(pagefind, files, PageTrimmer.Write, Timeout);

    /// <param name="writePage">Writes a page's bytes as Pagefind is to read them.</param>
    /// <param name="timeout">How long Pagefind may take for the whole index.</param>
    internal static ImmutableArray<OutputFile> Index(PagefindPackage pagefind, ImmutableArray<OutputFile> files, PageWriter writePage, TimeSpan timeout)
    {
        using var service = PagefindServiceClient.Start(pagefind.BinaryPath, timeout);
        var index = NewIndex(service);
        using var page = new MemoryStream();
        // Pagefind numbers the pages in the order they are added, and names the index's files by what they hold: in the
        // order of their paths, the same pages give the same bundle on every machine and whoever builds (Pagefind's
        // command line took them in the order the file system listed its folder).
        foreach (var file in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            page.SetLength(0);
            writePage(file.Content.Span, page);
            // The page's path in the site gives its URL, as it does for a file Pagefind reads from a folder.
            service.AddFile(index, file.Path, page.GetBuffer().AsSpan(0, (int)page.Length));
        }
        var bundle = service.GetFiles(index);
        if (!bundle.Any(f => f.Path == "pagefind.js"))
            throw PagefindServiceClient.Failure(pagefind.BinaryPath, "Pagefind's bundle has no pagefind.js");
        return [.. files, .. bundle
            .Where(f => !UnusedPrefixes.Any(p => f.Path.StartsWith(p, StringComparison.Ordinal)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => new OutputFile(BundleFolder + "/" + f.Path, f.Content))];
    }

    /// <summary>Creates the site's index: what is not indexed left out, and folder pages kept at their <c>index.html</c>.</summary>
    // keep_index_url: a folder's page is linked as .../index.html, which works on every host and from a file.
    internal static int NewIndex(PagefindServiceClient service) => service.NewIndex([ExcludedSelectors], keepIndexUrl: true);

    internal delegate void PageWriter(ReadOnlySpan<byte> page, Stream to);
}
