using System.Runtime.CompilerServices;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Tests.Typesetting;

/// <summary>KaTeX from the repository's site-templates folder (installed by npm on first use), shared by the math tests.</summary>
public sealed class KatexFixture : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Macros = new Dictionary<string, string>
    {
        [@"\R"] = @"\mathbb{R}",
    };

    public KatexFixture()
    {
        Package = KatexPackage.Locate(Path.Combine(FindRepositoryRoot(), "site-templates"));
        Renderer = new KatexRenderer(Package.ScriptPath, Macros);
    }

    public KatexPackage Package { get; }

    public KatexRenderer Renderer { get; }

    public void Dispose() => Renderer.Dispose();

    private static string FindRepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        // The test binaries live under an artifacts folder that may be outside the clone, so the source file's own
        // path is tried first.
        string?[] starts = [Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AnnotatedNorm.sln")))
                    return dir.FullName;
        }

        throw new InvalidOperationException("AnnotatedNorm.sln not found above the test sources or binaries");
    }
}

[CollectionDefinition(Name)]
public sealed class KatexCollection : ICollectionFixture<KatexFixture>
{
    public const string Name = "KaTeX";
}
