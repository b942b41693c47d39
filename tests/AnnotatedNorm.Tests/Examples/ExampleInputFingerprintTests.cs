using AnnotatedNorm.Examples;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>The key of saved results changes with the code and only with it: commentary and layout are not code.</summary>
public sealed class ExampleInputFingerprintTests : IDisposable
{
    private const string Source = """
        // The commentary of the page.
        namespace Keyed;

        /// <summary>A documented class.</summary>
        public static class Sums
        {
            /* A block comment. */
            public static string Total() => "total " + (1 + 2);
        #if EXTRA
            public static int Extra() => 1;
        #endif
        }
        """;

    private readonly string root = Path.Combine(Path.GetTempPath(), $"annotatednorm-fingerprint-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("// The commentary of the page.", "// Other commentary, longer than before.")]
    [InlineData("/// <summary>A documented class.</summary>", "/// <summary>Documented otherwise.</summary>")]
    [InlineData("/* A block comment. */", "/* Another block comment. */")]
    [InlineData("=> \"total \" + (1 + 2);", "=>\n        \"total \"   +   (1 + 2);")]
    public void Should_Keep_The_Key_When_Only_Comments_Or_Layout_Change(string before, string after) =>
        Assert.Equal(Key(Source), Key(Source.Replace(before, after, StringComparison.Ordinal)));

    [Theory]
    [InlineData("\"total \"", "\"sum \"")]
    [InlineData("(1 + 2)", "(1 + 3)")]
    [InlineData("=> 1;", "=> 2;")]
    [InlineData("#if EXTRA", "#if !EXTRA")]
    public void Should_Change_The_Key_When_The_Code_Changes(string before, string after) =>
        Assert.NotEqual(Key(Source), Key(Source.Replace(before, after, StringComparison.Ordinal)));

    [Fact]
    public void Should_Change_The_Key_When_The_Project_File_Changes()
    {
        var first = Key(Source);
        File.WriteAllText(Path.Combine(root, "content", "Keyed.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");
        Assert.NotEqual(first, ExampleInputFingerprint.Compute(Path.Combine(root, "content", "Keyed.csproj"), ExampleProjectFixture.Runner));
    }

    private string Key(string source)
    {
        var content = Path.Combine(root, "content");
        Directory.CreateDirectory(content);
        var project = Path.Combine(content, "Keyed.csproj");
        if (!File.Exists(project)) File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(content, "Sums.cs"), source);
        return ExampleInputFingerprint.Compute(project, ExampleProjectFixture.Runner);
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
