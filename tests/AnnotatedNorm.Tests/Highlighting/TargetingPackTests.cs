using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

/// <summary>Which framework assemblies the content is compiled against for highlighting.</summary>
public sealed class TargetingPackTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"annotatednorm-dotnet-{Guid.NewGuid():N}");

    private static string Release => $"{Environment.Version.Major}.{Environment.Version.Minor}";

    private static string Framework => $"net{Release}";

    /// <summary>A dotnet folder with a running framework of <paramref name="running"/> and targeting packs of <paramref name="packs"/>.</summary>
    private string Runtime(string running, params string[] packs)
    {
        var runtime = Path.Combine(root, "shared", "Microsoft.NETCore.App", running);
        Directory.CreateDirectory(runtime);
        foreach (var pack in packs)
        {
            var folder = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", pack, "ref", Framework);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "System.Runtime.dll"), "");
        }
        return runtime;
    }

    [Fact]
    public void Should_Take_The_Pack_Of_The_Running_Version_When_There_Is_One()
    {
        var runtime = Runtime($"{Release}.5", $"{Release}.5", $"{Release}.12");
        Assert.Equal(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", $"{Release}.5", "ref", Framework), SourceCompiler.TargetingPack(runtime));
    }

    [Fact]
    public void Should_Take_The_Newest_Pack_Of_The_Same_Release_Otherwise()
    {
        var runtime = Runtime($"{Release}.5", $"{Release}.3", $"{Release}.12", $"{Release}.9", "1.0.0");
        Assert.Equal(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", $"{Release}.12", "ref", Framework), SourceCompiler.TargetingPack(runtime));
    }

    [Fact]
    public void Should_Fall_Back_To_The_Running_Framework_Without_A_Pack_Of_Its_Release()
    {
        Assert.Null(SourceCompiler.TargetingPack(Runtime($"{Release}.5", "1.0.0")));
        Assert.Null(SourceCompiler.TargetingPack(Path.Combine(root, "elsewhere", "a", "b")));
    }

    [Fact]
    public void Should_Find_The_Pack_Of_This_Machine_Beside_The_Running_Framework()
    {
        // The tests run under the SDK, which brings the targeting pack of its own runtime.
        var pack = SourceCompiler.TargetingPack(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        Assert.NotNull(pack);
        Assert.True(File.Exists(Path.Combine(pack, "System.Runtime.dll")));
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
