using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;

namespace AnnotatedNorm.Searching;

/// <summary>
/// The Index stage: runs Pagefind over the rendered pages and adds its bundle (one index per language, chosen by each
/// page's <c>lang</c>) to the site's files under <c>pagefind/</c>.
/// </summary>
/// <remarks>
/// Pagefind reads a folder, so the pages are written to a scratch folder of their own rather than into the output:
/// a failed index then leaves the previous site as it was, and <c>serve</c> and <c>check</c>, which write no output,
/// get the same index as <c>build</c>. Each is written without what Pagefind would skip (<see cref="PageTrimmer"/>).
/// </remarks>
public static class SearchIndexer
{
    /// <summary>Where the bundle sits in the site; the pages' script loads <c>pagefind/pagefind.js</c> from the site's root.</summary>
    public const string BundleFolder = "pagefind";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // What is not text a reader searches for: KaTeX's visual copy of each formula (its MathML, with the TeX source
    // in an annotation, stays) and the "#" of each permalink. The code column is left out by the template, which
    // gives the names each section declares instead.
    private const string ExcludedSelectors = ".katex-html, .permalink";

    // Pagefind also writes its own search interfaces; the site has its own, so only the index and its loader ship.
    private static readonly string[] UnusedPrefixes = ["pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight", "playground/"];

    public static ImmutableArray<OutputFile> Index(PagefindPackage pagefind, ImmutableArray<OutputFile> files) =>
        Index(pagefind, files, PageTrimmer.Write);

    /// <param name="writePage">Writes a page's bytes as Pagefind is to read them.</param>
    internal static ImmutableArray<OutputFile> Index(PagefindPackage pagefind, ImmutableArray<OutputFile> files, PageWriter writePage)
    {
        var scratch = Directory.CreateTempSubdirectory("annotatednorm-search-");
        try
        {
            var site = Path.Combine(scratch.FullName, "site");
            var bundle = Path.Combine(scratch.FullName, BundleFolder);
            foreach (var page in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
            {
                var path = Path.Combine(site, page.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                writePage(page.Content.Span, stream);
            }
            Run(pagefind, site, bundle);
            return [.. files, .. BundleFiles(bundle)];
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static IEnumerable<OutputFile> BundleFiles(string bundle) =>
        Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/'))
            .Where(relative => !UnusedPrefixes.Any(p => relative.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(relative => new OutputFile(BundleFolder + "/" + relative, File.ReadAllBytes(Path.Combine(bundle, relative))));

    private static void Run(PagefindPackage pagefind, string site, string bundle)
    {
        var start = new ProcessStartInfo(pagefind.BinaryPath);
        // --keep-index-url: a folder's page is linked as .../index.html, which works on every host and from a file.
        foreach (var argument in new[] { "--site", site, "--output-path", bundle, "--exclude-selectors", ExcludedSelectors, "--keep-index-url", "--quiet" })
            start.ArgumentList.Add(argument);

        ChildProcessResult run;
        try
        {
            run = ChildProcess.Run(start, Timeout);
        }
        catch (Win32Exception e)
        {
            throw Failure(pagefind, $"Pagefind could not be started ({e.Message})");
        }
        if (!run.Finished)
            throw Failure(pagefind, $"Pagefind did not finish indexing within {Timeout.TotalMinutes} minutes");
        if (run.ExitCode != 0 || !File.Exists(Path.Combine(bundle, "pagefind.js")))
            throw Failure(pagefind, $"Pagefind failed with exit code {run.ExitCode}: {run.OutputTail}");
    }

    private static BuildException Failure(PagefindPackage pagefind, string message) =>
        new(Diagnostic.Error(pagefind.BinaryPath, 1, 1, "AN1101", message));

    internal delegate void PageWriter(ReadOnlySpan<byte> page, Stream to);
}
