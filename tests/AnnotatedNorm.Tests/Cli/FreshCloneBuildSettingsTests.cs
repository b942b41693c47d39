using System.Diagnostics;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>
/// The README's <c>dotnet run</c> of the command line compiles it without the code analyzers, and every other build of
/// this repository's projects (the tests', the solution's in CI) still runs them, as MSBuild evaluates each.
/// </summary>
public class FreshCloneBuildSettingsTests
{
    [Fact]
    public void Should_Skip_The_Analyzers_When_A_Build_Starts_From_The_Command_Line_Project()
    {
        // Given the command line's project, as `dotnet run --project src/AnnotatedNorm.Cli` starts its build
        var project = Path.Combine("src", "AnnotatedNorm.Cli", "AnnotatedNorm.Cli.csproj");

        // When MSBuild evaluates it
        var value = RunAnalyzersDuringBuild(project);

        // Then the analyzers are off for that build
        Assert.Equal("false", value);
    }

    [Theory]
    [InlineData("tests/AnnotatedNorm.Tests/AnnotatedNorm.Tests.csproj")]
    [InlineData("src/AnnotatedNorm/AnnotatedNorm.csproj")]
    public void Should_Run_The_Analyzers_When_A_Build_Starts_From_Another_Project(string project)
    {
        // Given a project whose build compiles the library (and, for the tests, the command line too)

        // When MSBuild evaluates it
        var value = RunAnalyzersDuringBuild(project);

        // Then nothing turns the analyzers off: the SDK's default runs them
        Assert.Equal("", value);
    }

    private static string RunAnalyzersDuringBuild(string project)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Find() };
        foreach (var argument in new[] { "msbuild", project.Replace('/', Path.DirectorySeparatorChar), "-getProperty:RunAnalyzersDuringBuild", "-nologo" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var result = ChildProcess.Run(start, TimeSpan.FromMinutes(2));
        Assert.True(result.Finished && result.ExitCode == 0, result.OutputTail);
        return result.OutputTail.Trim();
    }
}
