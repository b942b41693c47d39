using System.Text;

namespace AnnotatedNorm.Tests.Site;

/// <summary>
/// A small content tree written from one string, built with the real templates into a temporary folder.
/// Files are introduced by lines <c>-- path</c>; the text up to the next such line is the file.
/// </summary>
public sealed class SiteTree : IDisposable
{
    public const string DefaultConfiguration = """
        {
          "title": "Test Site",
          "description": "A site for tests.",
          "baseUrl": "https://example.org/docs/",
          "repository": { "url": "https://github.com/example/repo", "branch": "main", "contentPath": "content" },
          "languages": ["en", "ja"],
          "references": []
        }
        """;

    /// <summary>An annotated page with math, commentary in a block, and line comments, for tests that need any page.</summary>
    public const string DemoPage = """
        /*
        ---
        title: Demo
        summary: One small class.
        ---
        # Demo

        The mean is $\mu = \frac{1}{n} \sum_i x_i$.
        */
        namespace Demo;

        // The first line of commentary.
        public static class Mean
        {
            // Divides the total by the count.
            public static double Of(double total, int count) => total / count;
        }
        """;

    public SiteTree(params (string Path, string Text)[] files)
        : this("")
    {
        foreach (var (path, text) in files) Write(path, text);
    }

    public SiteTree(string files, bool withConfiguration = true)
    {
        Root = Path.Combine(Path.GetTempPath(), $"annotatednorm-tree-{Guid.NewGuid():N}");
        Content = Path.Combine(Root, "content");
        Output = Path.Combine(Root, "output");
        Directory.CreateDirectory(Content);
        if (withConfiguration) Write("site.json", DefaultConfiguration);
        foreach (var (path, text) in Split(files)) Write(path, text);
    }

    public string Root { get; }

    public string Content { get; }

    public string Output { get; }

    public static string Templates => Path.Combine(RepositoryRoot.Find(), "site-templates");

    /// <summary>Options that build this tree with the real templates into <see cref="Output"/>.</summary>
    public BuildOptions Options => new(Content, Templates, Output) { ReferencePaths = TestReferences.Paths };

    /// <summary>Writes a content file and returns its full path.</summary>
    public string Write(string path, string text)
    {
        var full = Path.Combine(Content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    public Task<BuildResult> BuildAsync(bool strict = false, string? templates = null, bool write = true) =>
        SiteBuilder.BuildAsync(new BuildOptions(Content, templates ?? Templates, Output, strict, write) { ReferencePaths = TestReferences.Paths });

    public string Read(string outputPath) => File.ReadAllText(Path.Combine(Output, outputPath));

    /// <summary>Asserts that each expected line occurs in the page; a line starting with "! " must not occur.</summary>
    public void AssertPage(string outputPath, string expectations)
    {
        var html = Read(outputPath);
        foreach (var line in expectations.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith("! ", StringComparison.Ordinal))
                Assert.False(html.Contains(line[2..], StringComparison.Ordinal), $"{outputPath} should not contain: {line[2..]}");
            else
                Assert.True(html.Contains(line, StringComparison.Ordinal), $"{outputPath} should contain: {line}\n--- page ---\n{html}");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static IEnumerable<(string Path, string Text)> Split(string files)
    {
        string? path = null;
        var text = new StringBuilder();
        foreach (var line in files.Split('\n'))
        {
            if (line.StartsWith("-- ", StringComparison.Ordinal))
            {
                if (path is not null) yield return (path, text.ToString());
                path = line[3..].Trim();
                text.Clear();
            }
            else if (path is not null)
            {
                text.Append(line).Append('\n');
            }
        }
        if (path is not null) yield return (path, text.ToString());
    }
}
