using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Searching;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Searching;

public class SearchIndexerTests
{
    private const string Pages = """
        -- demo/Mean.cs
        // ---
        // title: Mean
        // ---
        // The mean is $\mu = \frac{1}{n} \sum_i x_i$; its spread is the variance.
        namespace Demo;

        public static class RunningMean
        {
            // Divides the total by the count.
            public static double Of(double total, int count) => total / count;
        }
        -- demo/readme.md
        # Demo chapter

        A chapter about averages.
        """;

    [Fact]
    public void Should_Locate_The_Extended_Binary_Pinned_By_The_Lock_File()
    {
        // Given the repository's templates
        // When Pagefind is located
        var pagefind = PagefindPackage.Locate(SiteTree.Templates);

        // Then it is the build that segments Japanese, in the locked version
        Assert.StartsWith("pagefind_extended", Path.GetFileName(pagefind.BinaryPath), StringComparison.Ordinal);
        Assert.True(File.Exists(pagefind.BinaryPath));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(SiteTree.Templates, "package-lock.json")));
        Assert.Equal(lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/pagefind").GetProperty("version").GetString(), pagefind.Version);
    }

    [Fact]
    public async Task Should_Publish_One_Index_Per_Language_Of_The_Code_And_Markdown_Pages_Only()
    {
        // Given a site in English and Japanese with a code page, a readme, folder indexes and a 404 page
        using var tree = new SiteTree(Pages);

        // When it is built
        var result = await tree.BuildAsync();

        // Then the bundle has an index for each language holding the two pages of each, and only the files the pages load
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using var entry = JsonDocument.Parse(tree.Read("pagefind/pagefind-entry.json"));
        var languages = entry.RootElement.GetProperty("languages");
        Assert.Equal(2, languages.GetProperty("en").GetProperty("page_count").GetInt32());
        Assert.Equal(2, languages.GetProperty("ja").GetProperty("page_count").GetInt32());
        Assert.True(File.Exists(Path.Combine(tree.Output, "pagefind", "pagefind.js")));
        Assert.False(File.Exists(Path.Combine(tree.Output, "pagefind", "pagefind-ui.js")));
        Assert.Contains(result.Files, f => f.Path.StartsWith("pagefind/fragment/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Write_The_Same_Bytes_When_The_Same_Pages_Are_Indexed_Twice()
    {
        // Given the rendered pages of a site, without their index
        using var tree = new SiteTree(Pages);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Files.Where(f => !f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal)).ToImmutableArray();
        var pagefind = PagefindPackage.Locate(SiteTree.Templates);

        // When they are indexed twice
        var first = SearchIndexer.Index(pagefind, pages);
        var second = SearchIndexer.Index(pagefind, pages);

        // Then both bundles are the same files with the same bytes
        Assert.True(first.Length > pages.Length);
        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Content.Span.SequenceEqual(pair.Second.Content.Span), pair.First.Path));
    }

    [Fact]
    public async Task Should_Write_The_Same_Bundle_Whatever_The_Order_Of_The_Pages_In_The_Site()
    {
        // Given the rendered pages of a site, and the same pages in the reverse order
        using var tree = new SiteTree(Pages);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Files.Where(f => !f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal)).ToImmutableArray();
        var reversed = pages.Reverse().ToImmutableArray();
        var pagefind = PagefindPackage.Locate(SiteTree.Templates);

        // When both are indexed
        var forward = SearchIndexer.Index(pagefind, pages).Where(f => f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal)).ToList();
        var backward = SearchIndexer.Index(pagefind, reversed).Where(f => f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal)).ToList();

        // Then the bundles are the same files with the same bytes
        Assert.Equal(forward.Select(f => f.Path), backward.Select(f => f.Path));
        Assert.All(forward.Zip(backward), pair => Assert.True(pair.First.Content.Span.SequenceEqual(pair.Second.Content.Span), pair.First.Path));
    }

    [Fact]
    public async Task Should_Write_The_Same_Bundle_From_Trimmed_Pages_As_From_Whole_Ones()
    {
        // Given the rendered pages of a site with formulas inline and displayed, code, folder listings and page links
        using var tree = new SiteTree(Pages + """

            -- demo/Variance.cs
            // ---
            // title: Variance
            // ---
            // # Spread
            //
            // The variance is the mean of the squared deviations:
            //
            // $$\sigma^2 = \frac{1}{n} \sum_i (x_i - \mu)^2$$
            //
            // - it is never negative, see [the mean](Mean.cs);
            // - its square root is $\sigma$.
            namespace Demo;

            public static class Variance
            {
                // A string that looks like markup stays text: "<div>".
                public static string Markup => "<div data-pagefind-ignore>";

                /// <summary>The variance of <paramref name="values"/>.</summary>
                public static double Of(double[] values)
                {
                    var mean = values.Average();
                    return values.Sum(v => (v - mean) * (v - mean)) / values.Length;
                }
            }
            """);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Files.Where(f => !f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal)).ToImmutableArray();
        var pagefind = PagefindPackage.Locate(SiteTree.Templates);

        // When Pagefind indexes them as the build writes them, and whole
        var trimmed = SearchIndexer.Index(pagefind, pages);
        var whole = SearchIndexer.Index(pagefind, pages, (page, stream) => stream.Write(page), TimeSpan.FromMinutes(2));

        // Then the bundles are the same files with the same bytes
        Assert.Equal(whole.Select(f => f.Path), trimmed.Select(f => f.Path));
        Assert.All(whole.Zip(trimmed), pair => Assert.True(pair.First.Content.Span.SequenceEqual(pair.Second.Content.Span), pair.First.Path));
    }

    [Fact]
    public async Task Should_Write_The_Same_Bundle_As_Pagefinds_Command_Line_Given_The_Pages_In_Its_Order()
    {
        // Given the rendered pages of a site in two languages, with folder index pages, written to a folder
        using var tree = new SiteTree(Pages);
        var result = await tree.BuildAsync(write: false);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToImmutableArray();
        var pagefind = PagefindPackage.Locate(SiteTree.Templates);
        var folder = Directory.CreateTempSubdirectory("an-pagefind-cli-");
        try
        {
            var site = Path.Combine(folder.FullName, "site");
            foreach (var page in pages)
            {
                var path = Path.Combine(site, page.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, page.Content.ToArray());
            }

            // When the command line indexes the folder, the stage the pages from memory (in the order of their paths),
            // and the service the pages in the order the command line walks the folder
            var bundle = Path.Combine(folder.FullName, "bundle");
            var start = new ProcessStartInfo(pagefind.BinaryPath);
            foreach (var argument in new[] { "--site", site, "--output-path", bundle, "--exclude-selectors", SearchIndexer.ExcludedSelectors, "--keep-index-url", "--quiet" })
                start.ArgumentList.Add(argument);
            var run = ChildProcess.Run(start, TimeSpan.FromMinutes(2));
            Assert.True(run.Finished && run.ExitCode == 0, run.OutputTail);
            var staged = SearchIndexer.Index(pagefind, pages, (page, stream) => stream.Write(page), TimeSpan.FromMinutes(2))
                .Where(f => f.Path.StartsWith(SearchIndexer.BundleFolder + "/", StringComparison.Ordinal))
                .ToDictionary(f => f.Path[(SearchIndexer.BundleFolder.Length + 1)..], f => f.Content.ToArray());
            using var service = PagefindServiceClient.Start(pagefind.BinaryPath, TimeSpan.FromMinutes(2));
            var index = SearchIndexer.NewIndex(service);
            foreach (var path in WalkOrder(site))
                service.AddFile(index, Path.GetRelativePath(site, path).Replace('\\', '/'), File.ReadAllBytes(path));
            var walked = service.GetFiles(index);

            // Then the service in the command line's order writes every file the command line wrote, byte for byte;
            // the stage's pages (one fragment each) are the same files, and only its index differs, by page order alone
            var written = Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
            Assert.Equal(written, walked.Select(f => f.Path).Order(StringComparer.Ordinal));
            Assert.All(walked, f => Assert.True(File.ReadAllBytes(Path.Combine(bundle, f.Path)).AsSpan().SequenceEqual(f.Content), f.Path));
            var fragments = written.Where(p => p.StartsWith("fragment/", StringComparison.Ordinal)).ToList();
            Assert.Equal(fragments, staged.Keys.Where(p => p.StartsWith("fragment/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.All(fragments, p => Assert.True(File.ReadAllBytes(Path.Combine(bundle, p)).AsSpan().SequenceEqual(staged[p]), p));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Pagefind's command line takes a folder's entries as the file system lists them, each folder as it comes to it.
    private static IEnumerable<string> WalkOrder(string folder) =>
        Directory.EnumerateFileSystemEntries(folder).SelectMany(entry =>
            Directory.Exists(entry) ? WalkOrder(entry) : entry.EndsWith(".html", StringComparison.Ordinal) ? [entry] : []);

    [Fact]
    public async Task Should_Index_The_Names_Each_Section_Declares_Instead_Of_Its_Code()
    {
        // Given a code page whose class and method are declared in two sections, and a local only its code names
        using var tree = new SiteTree("""
            -- demo/Mean.cs
            // Keeps a running mean.
            namespace Demo;

            public static class RunningMean
            {
                // Divides the total by the count.
                public static double Of(double total, int count)
                {
                    var halfway = total / count;
                    return halfway;
                }
            }
            """);

        // When it is built
        var result = await tree.BuildAsync();

        // Then each section carries the names it declares for the index, its code is not indexed,
        // and the page's index entry holds the names and the commentary but not the local
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("demo/Mean.html", """
            <div hidden data-pagefind-weight="0.3">RunningMean</div>
            <div hidden data-pagefind-weight="0.3">Of</div>
            <div class="code" data-pagefind-ignore><pre>
            """);
        var content = IndexedContent(tree, "/demo/Mean.html");
        Assert.Contains("RunningMean", content, StringComparison.Ordinal);
        Assert.Contains("Of", content, StringComparison.Ordinal);
        Assert.Contains("Divides the total by the count", content, StringComparison.Ordinal);
        Assert.DoesNotContain("halfway", content, StringComparison.Ordinal);
    }

    // The text Pagefind indexed for a page: its fragment is gzip-compressed JSON behind a "pagefind_dcd" signature.
    private static string IndexedContent(SiteTree tree, string url)
    {
        foreach (var fragment in Directory.EnumerateFiles(Path.Combine(tree.Output, SearchIndexer.BundleFolder, "fragment")))
        {
            using var gzip = new GZipStream(File.OpenRead(fragment), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            var text = reader.ReadToEnd();
            Assert.StartsWith("pagefind_dcd", text, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(text["pagefind_dcd".Length..]);
            if (json.RootElement.GetProperty("url").GetString() == url) return json.RootElement.GetProperty("content").GetString()!;
        }
        throw new InvalidOperationException($"no fragment for {url}");
    }

    [Fact]
    public void Should_Report_AN1101_When_Pagefind_Fails()
    {
        // Given an indexer that exits with an error
        var failing = new PagefindPackage("/bin/false", "0");

        // When pages are indexed
        var error = Assert.Throws<BuildException>(() => SearchIndexer.Index(failing, [OutputFile.Text("index.html", "<html></html>")]));

        // Then the build stops with the indexer's diagnostic
        Assert.Equal("AN1101", error.Diagnostic.Code);
        Assert.Contains("exit code 1", error.Diagnostic.Message, StringComparison.Ordinal);
    }
}
