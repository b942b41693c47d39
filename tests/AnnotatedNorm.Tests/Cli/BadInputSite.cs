using System.Security.Cryptography;
using System.Text;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>
/// A small two-language site (a C# page with front matter, math, code, a link and an image; a readme; a complete Japanese
/// catalog) built once by the command line into an output folder that every bad input must leave as it was.
/// </summary>
public sealed class BadInputSite : IAsyncLifetime
{
    public const string DemoPage = """
        // ---
        // title: Demo
        // summary: One small class.
        // ---
        //
        // The mean of $x$ is `m`; see [the docs](https://example.org/docs) and ![axes](axes.svg).
        namespace Demo;

        // Divides the total by the count.
        public static class Mean
        {
            public static double Of(double total, int count) => total / count;
        }

        """;

    public const string Readme = "# Home\n\nStart with the demo, where $a^2 + b^2$ is small.\n";

    /// <summary>The Japanese catalog of <see cref="DemoPage"/>; the paragraph's target is on line 15, at column 9.</summary>
    public const string DemoCatalog = """
        <?xml version="1.0" encoding="utf-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file datatype="x-markdown" source-language="en" target-language="ja" original="Demo.cs">
            <body>
              <trans-unit id="title">
                <source>Demo</source>
                <target state="translated">デモ</target>
              </trans-unit>
              <trans-unit id="summary">
                <source>One small class.</source>
                <target state="translated">小さなクラスです。</target>
              </trans-unit>
              <trans-unit id="ub8172c6e">
                <source>The mean of $x$ is `m`; see [the docs](https://example.org/docs) and ![axes](axes.svg).</source>
                <target state="translated">$x$ の平均は `m` です。[資料](https://example.org/docs) と ![軸](axes.svg) を参照してください。</target>
              </trans-unit>
              <trans-unit id="u0b6fedad">
                <source>Divides the total by the count.</source>
                <target state="translated">合計を個数で割ります。</target>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """;

    public const string ReadmeCatalog = """
        <?xml version="1.0" encoding="utf-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file datatype="x-markdown" source-language="en" target-language="ja" original="readme.md">
            <body>
              <trans-unit id="u3a786953">
                <source>Home</source>
                <target state="translated">ホーム</target>
              </trans-unit>
              <trans-unit id="ucac9ed6e">
                <source>Start with the demo, where $a^2 + b^2$ is small.</source>
                <target state="translated">$a^2 + b^2$ が小さいデモから始めてください。</target>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"annotatednorm-bad-input-{Guid.NewGuid():N}");

    /// <summary>The content every case starts from.</summary>
    public string Content => Path.Combine(Root, "site", "content");

    /// <summary>The output of the good build, shared by every case as the previous site.</summary>
    public string Output => Path.Combine(Root, "site", "output");

    /// <summary>The tree hash of <see cref="Output"/> after the good build.</summary>
    public string OutputHash { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Write(Content, "site.json", SiteTree.DefaultConfiguration + "\n");
        Write(Content, "Demo.cs", DemoPage);
        Write(Content, "readme.md", Readme);
        Write(Content, "axes.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n");
        Write(Content, "xlf/Demo.cs.ja.xlf", DemoCatalog);
        Write(Content, "xlf/readme.md.ja.xlf", ReadmeCatalog);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await Program.Commands().RunAsync(["build", "--strict", "--content", Content, "--templates", SiteTree.Templates, "--output", Output], output, error);
        Assert.True(exit == 0, $"the good site must build: {output}{error}");
        OutputHash = TreeHash(Output);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    public static void Write(string folder, string path, string text)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    /// <summary>One hash over every file's relative path and bytes, and every folder's, in ordinal order; links are not followed.</summary>
    public static string TreeHash(string folder)
    {
        if (!Directory.Exists(folder)) return File.Exists(folder) ? "file:" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(folder))) : "(missing)";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                     .Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(entry);
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, entry) + "\n"));
            if (info.LinkTarget is { } target) hash.AppendData(Encoding.UTF8.GetBytes("-> " + target + "\n"));
            else if (!info.Attributes.HasFlag(FileAttributes.Directory)) hash.AppendData(File.ReadAllBytes(entry));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
