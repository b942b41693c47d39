using System.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Discovery;

/// <summary>Highlighting and parsing use what the content's own project compiles with, as MSBuild evaluates it.</summary>
public class ContentProjectTests
{
    private const string Branches = """
        namespace Demo;

        // Which branches the project's settings make active.
        public static class Branches
        {
        #if NET6_0_OR_GREATER
            public static int ModernBranch() => 6;
        #endif
        #if !NETCOREAPP3_1_OR_GREATER
            public static int PolyfillBranch() => 3;
        #endif
        #if SITE_CUSTOM
            public static int CustomBranch() => 1;
        #endif
        #if DEBUG
            public static int DebugBranch() => 0;
        #endif
        }
        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <DefineConstants>$(DefineConstants);SITE_CUSTOM</DefineConstants>
            <LangVersion>12</LangVersion>
            <Nullable>disable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task Should_Show_The_Branches_The_Projects_Symbols_Make_Active_When_It_Cannot_Be_Restored()
    {
        // Given a multi-targeted project that defines a symbol of its own and references a package its only source
        // (its own folder, so nothing is downloaded) does not have
        using var tree = new SiteTree(("Branches.cs", Branches),
            ("Demo.csproj", Project
                .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>\n    <RestoreSources>$(MSBuildProjectDirectory)</RestoreSources>")
                .Replace("</Project>", "  <ItemGroup>\n    <PackageReference Include=\"AnnotatedNorm.Tests.NoSuchPackage\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>")));

        // When the site is built
        var result = await tree.BuildAsync();

        // Then the newest framework's symbols, the custom one and Release apply, and the failed restore is a warning at
        // the project that gives NuGet's reason
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == MSBuildProjectEvaluator.NotRestored);
        Assert.EndsWith("Demo.csproj", warning.Path, StringComparison.Ordinal);
        Assert.Contains("NU1101", warning.Message, StringComparison.Ordinal);
        AssertActive(tree, active: ["ModernBranch", "CustomBranch"], disabled: ["PolyfillBranch", "DebugBranch"]);
    }

    [Fact]
    public async Task Should_Restore_A_Multi_Targeted_Project_With_No_Warning()
    {
        // Given a multi-targeted project that was never restored, without the framework references whose packs a
        // restore for net8.0 would download
        using var tree = new SiteTree(("Branches.cs", Branches),
            ("Demo.csproj", Project.Replace("<TargetFramework>net10.0</TargetFramework>",
                "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>\n    <DisableImplicitFrameworkReferences>true</DisableImplicitFrameworkReferences>")));

        // When the site is built
        var result = await tree.BuildAsync();

        // Then the project was restored with no warning, and a framework's symbols, the custom one and Release apply
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is MSBuildProjectEvaluator.NotRestored or MSBuildProjectEvaluator.EvaluationFailed);
        Assert.True(File.Exists(Path.Combine(tree.Content, "obj", "project.assets.json")));
        AssertActive(tree, active: ["ModernBranch", "CustomBranch"], disabled: ["PolyfillBranch", "DebugBranch"]);
    }

    [Fact]
    public async Task Should_Restore_A_Project_That_Was_Never_Restored_As_Dotnet_Build_Does()
    {
        // Given a project that was never restored, as in a fresh clone
        using var tree = new SiteTree(("Branches.cs", Branches), ("Demo.csproj", Project));

        // When the site is built with the cache, twice
        var first = await Build(tree);
        var second = await Build(tree);

        // Then the first build restored it and read it whole, with no warning, and the second had nothing to do
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Empty(first.Diagnostics);
        Assert.True(File.Exists(Path.Combine(tree.Content, "obj", "project.assets.json")));
        Assert.True(second.UpToDate);
        AssertActive(tree, active: ["ModernBranch", "CustomBranch"], disabled: ["PolyfillBranch", "DebugBranch"]);
    }

    [Fact]
    public async Task Should_Read_A_Restored_Project_Once_And_Reuse_The_Answer_On_The_Next_Build()
    {
        // Given a restored project
        using var tree = new SiteTree(("Branches.cs", Branches), ("Demo.csproj", Project));
        Restore(Path.Combine(tree.Content, "Demo.csproj"));

        // When the site is built with the cache, a commentary is edited, and it is built again
        var first = await Build(tree);
        tree.Write("Branches.cs", Branches.Replace("Which branches", "The branches"));
        var second = await Build(tree);

        // Then the first build asked MSBuild, with no warning, and the second took the stored answer
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Empty(first.Diagnostics);
        Assert.DoesNotContain("project settings", first.Reused);
        Assert.Contains("project settings", second.Reused);
        AssertActive(tree, active: ["ModernBranch", "CustomBranch"], disabled: ["PolyfillBranch", "DebugBranch"]);

        // And when the project's symbols change, the stored answer no longer applies
        tree.Write("Demo.csproj", Project.Replace(";SITE_CUSTOM", ""));
        var third = await Build(tree);
        Assert.DoesNotContain("project settings", third.Reused);
        AssertActive(tree, active: ["ModernBranch"], disabled: ["PolyfillBranch", "CustomBranch", "DebugBranch"]);
    }

    [Fact]
    public async Task Should_Report_A_Project_MSBuild_Cannot_Read_At_The_Project_And_Fall_Back()
    {
        // Given a project file that is not well-formed XML
        using var tree = new SiteTree(("Branches.cs", Branches), ("Demo.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n</Project>\n"));

        // When the site is built
        var result = await tree.BuildAsync();

        // Then MSBuild's error is a warning at the project, and the page is built with the default symbols
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == MSBuildProjectEvaluator.EvaluationFailed);
        Assert.EndsWith("Demo.csproj", warning.Path, StringComparison.Ordinal);
        Assert.Equal(3, warning.Line);
        AssertActive(tree, active: ["ModernBranch"], disabled: ["PolyfillBranch", "CustomBranch", "DebugBranch"]);
    }

    [Fact]
    public async Task Should_Report_A_Named_Project_That_Does_Not_Exist_At_Its_Setting()
    {
        // Given a site.json naming a project that is not there
        using var tree = new SiteTree(("Branches.cs", Branches));
        tree.Write("site.json", SiteTree.DefaultConfiguration.Replace("\"references\": []", "\"references\": [],\n  \"project\": \"Missing.csproj\""));

        // When the site is built
        var result = await tree.BuildAsync();

        // Then it is an error at the setting
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("AN0110", error.Code);
        Assert.Equal(8, error.Line);
    }

    [Theory]
    [InlineData("net8.0;net10.0", "net10.0")]
    [InlineData("netstandard2.0;net462;netcoreapp3.1", "netcoreapp3.1")]
    [InlineData("net10.0-windows;net9.0", "net9.0")]
    [InlineData("net10.0-windows;net8.0-android", "net10.0-windows")]
    [InlineData("net48;net472", "net48")]
    [InlineData("netstandard2.0;netstandard2.1", "netstandard2.1")]
    public void Should_Choose_The_Newest_DotNet_Framework(string frameworks, string expected) =>
        Assert.Equal(expected, TargetFrameworkChoice.Preferred(frameworks));

    private static Task<BuildResult> Build(SiteTree tree) => SiteBuilder.BuildAsync(tree.Options with { UseCache = true });

    private static void AssertActive(SiteTree tree, string[] active, string[] disabled)
    {
        var html = tree.Read("Branches.html");
        foreach (var name in active)
            Assert.Matches($"<span[^>]*>{name}</span>", html);
        foreach (var name in disabled)
            Assert.Matches($"class=\"dis\">[^<]*{name}", html);
    }

    private static void Restore(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", project, "-nologo"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var variable in (string[])["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath"]) start.Environment.Remove(variable);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output.Result + error);
    }
}
