using System.Collections.Immutable;

namespace AnnotatedNorm.Tests.Site;

/// <summary>Builds the repository's real content once into a temporary folder for the structure tests.</summary>
public sealed class BuiltSiteFixture : IAsyncLifetime
{
    public string Output { get; } = Path.Combine(Path.GetTempPath(), $"annotatednorm-site-{Guid.NewGuid():N}", "output");

    public BuildResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        Result = await SiteBuilder.BuildAsync(new BuildOptions(
            Path.Combine(root, "content"), Path.Combine(root, "site-templates"), Output)
        {
            ReferencePaths = TestReferences.Paths,
        });
    }

    public Task DisposeAsync()
    {
        var parent = Path.GetDirectoryName(Output)!;
        if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
        return Task.CompletedTask;
    }

    public IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}

/// <summary>The repository the tests were built from, wherever the build put their binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "AnnotatedNorm.sln"))) return recorded;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnnotatedNorm.sln"))) return dir.FullName;
        throw new InvalidOperationException("AnnotatedNorm.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The assemblies the content compiles against, as the CLI offers them: TorchSharp, metadata only.</summary>
public static class TestReferences
{
    public static ImmutableArray<string> Paths { get; } = [typeof(TorchSharp.torch).Assembly.Location];
}
