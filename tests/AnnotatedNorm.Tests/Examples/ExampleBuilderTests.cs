using System.Diagnostics;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Examples;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>The compilation of the examples, with a stand-in for <c>dotnet</c> so that nothing is compiled.</summary>
public sealed class ExampleBuilderTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("annotatednorm-example-builder-");

    [Fact]
    public void Should_Report_A_Compilation_That_Hangs_Past_Its_Limit_At_The_Project()
    {
        // Given a "dotnet" that never ends, and a limit of 2 s
        var project = Write("content/Content.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var options = new ExampleOptions("runner/Runner.csproj") { Dotnet = Write("hanging-dotnet", "#!/bin/sh\nexec sleep 120\n", executable: true), CompileTimeLimit = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();

        // When
        var error = Assert.Throws<BuildException>(() =>
            new ExampleBuilder(options, Path.Combine(root.FullName, "output")).Build(project, "content/Content.csproj", "inputs", _ => { }));

        // Then the build stops it and says so at the project, instead of waiting for it
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.Equal(("content/Content.csproj", 1, 1, "AN1000"), (error.Diagnostic.Path, error.Diagnostic.Line, error.Diagnostic.Column, error.Diagnostic.Code));
        Assert.Contains("did not finish within 2 s", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_The_First_Error_A_Failed_Compilation_Printed()
    {
        // Given a "dotnet" that fails with an error among other lines
        var project = Write("content/Content.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var failing = Write("failing-dotnet", "#!/bin/sh\necho 'Restoring'\necho 'Sums.cs(3,5): error CS1002: ; expected' >&2\nexit 1\n", executable: true);
        var options = new ExampleOptions("runner/Runner.csproj") { Dotnet = failing };

        // When
        var error = Assert.Throws<BuildException>(() =>
            new ExampleBuilder(options, Path.Combine(root.FullName, "output")).Build(project, "content/Content.csproj", "inputs", _ => { }));

        // Then
        Assert.Equal("the examples cannot be compiled: Sums.cs(3,5): error CS1002: ; expected", error.Diagnostic.Message);
    }

    [Fact]
    public void Should_Report_A_Dotnet_That_Cannot_Be_Started_At_The_Project()
    {
        // Given no program where "dotnet" should be
        var project = Write("content/Content.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var options = new ExampleOptions("runner/Runner.csproj") { Dotnet = Path.Combine(root.FullName, "no-such-dotnet") };

        // When
        var error = Assert.Throws<BuildException>(() =>
            new ExampleBuilder(options, Path.Combine(root.FullName, "output")).Build(project, "content/Content.csproj", "inputs", _ => { }));

        // Then a diagnostic, not the exception of the process start
        Assert.Equal(("content/Content.csproj", "AN1000"), (error.Diagnostic.Path, error.Diagnostic.Code));
        Assert.StartsWith("the examples cannot be compiled: dotnet could not be started", error.Diagnostic.Message, StringComparison.Ordinal);
    }

    public void Dispose() => root.Delete(recursive: true);

    private string Write(string name, string text, bool executable = false)
    {
        var path = Path.Combine(root.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (executable && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
