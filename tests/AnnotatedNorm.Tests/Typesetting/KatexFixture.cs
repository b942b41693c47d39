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
        Package = KatexPackage.Locate(Path.Combine(Site.RepositoryRoot.Find(), "site-templates"));
        Renderer = new KatexRenderer(Package.ScriptPath, Macros);
    }

    public KatexPackage Package { get; }

    public KatexRenderer Renderer { get; }

    public void Dispose() => Renderer.Dispose();
}

[CollectionDefinition(Name)]
public sealed class KatexCollection : ICollectionFixture<KatexFixture>
{
    public const string Name = "KaTeX";
}
