using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>A small content tree in a temporary folder, written from strings, built with the repository's real templates.</summary>
public sealed class SiteTree : IDisposable
{
    public const string SiteJson = """
        {
          "title": "Demo",
          "description": "A small site for tests.",
          "baseUrl": "https://example.org/demo/",
          "repository": { "url": "https://github.com/example/demo", "branch": "main", "contentPath": "content" },
          "languages": ["en", "ja"],
          "references": [],
          "mathMacros": {}
        }
        """;

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
    {
        Directory.CreateDirectory(Content);
        File.WriteAllText(Path.Combine(Content, "site.json"), SiteJson);
        foreach (var (path, text) in files) Write(path, text);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"annotatednorm-tree-{Guid.NewGuid():N}");

    public string Content => Path.Combine(Root, "content");

    public static string Templates => Path.Combine(Repository, "site-templates");

    /// <summary>The repository this test assembly was built from, wherever its build products went.</summary>
    public static string Repository { get; } =
        typeof(SiteTree).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? RepositoryRoot.Find();

    public BuildOptions Options => new(Content, Templates, Path.Combine(Root, "output"));

    public string Write(string path, string text)
    {
        var full = Path.Combine(Content, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
