using System.Text.RegularExpressions;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

public class CommandLineTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await Program.Commands().RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Should_Exit_2_With_A_Message_For_An_Unknown_Command()
    {
        // Given / When
        var (exit, _, error) = await Run("publish");

        // Then
        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'publish'", error);
        Assert.Contains("serve", error);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    public async Task Should_Exit_2_With_A_Message_For_An_Unknown_Option(string command)
    {
        // Given / When
        var (exit, _, error) = await Run(command, "--fast");

        // Then
        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--fast'", error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("-1")]
    public async Task Should_Exit_2_For_A_Port_That_Is_Not_A_Port(string port)
    {
        // Given / When
        var (exit, _, error) = await Run("serve", "--port", port);

        // Then
        Assert.Equal(2, exit);
        Assert.Contains("not a port number", error);
    }

    [Theory]
    [InlineData("build", "--output <dir>")]
    [InlineData("check", "--strict")]
    [InlineData("serve", "--port <n>")]
    [InlineData("clean", "--output <dir>")]
    [InlineData("i18n", "i18n status")]
    public async Task Should_Print_Help_For_Every_Command_And_Exit_0(string command, string expected)
    {
        // Given / When
        var (exit, output, _) = await Run(command, "--help");

        // Then
        Assert.Equal(0, exit);
        Assert.Contains($"Usage: annotatednorm {command}", output);
        Assert.Contains(expected, output);
    }

    [Fact]
    public async Task Should_Document_The_Default_Port_Of_Serve()
    {
        // Given / When
        var (_, output, _) = await Run("help", "serve");

        // Then
        Assert.Contains("default: 8000", output);
        Assert.Contains("127.0.0.1", output);
    }

    [Fact]
    public async Task Should_List_Every_Command_In_The_General_Help()
    {
        // Given / When
        var (exit, output, _) = await Run("--help");

        // Then
        Assert.Equal(0, exit);
        foreach (var command in new[] { "build", "check", "serve", "clean", "i18n" }) Assert.Contains($"  {command}", output);
    }

    [Fact]
    public async Task Should_Exit_1_And_Report_A_TeX_Error_At_Its_Source_Line()
    {
        // Given a page whose commentary on line 3 has an unbalanced brace in its formula
        using var tree = new SiteTree(("Broken.cs", "namespace Demo;\n\n// The ratio $\\frac{a}{b$ is wrong.\npublic static class Broken { }\n"));

        // When
        var (exit, output, error) = await Run("build", "--content", tree.Content, "--templates", SiteTree.Templates, "--output", Path.Combine(tree.Root, "output"));

        // Then
        Assert.Equal(1, exit);
        Assert.Matches(new Regex(@"(^|\n)[^\n]*Broken\.cs\(3,\d+\): error AN0301: ", RegexOptions.None), error);
        Assert.Contains("build failed", output);
        Assert.False(Directory.Exists(Path.Combine(tree.Root, "output")));
    }

    [Fact]
    public async Task Should_Build_A_Small_Site_Without_The_Live_Reload_Script_And_Exit_0()
    {
        // Given
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var output = Path.Combine(tree.Root, "output");

        // When
        var (exit, printed, error) = await Run("build", "--content", tree.Content, "--templates", SiteTree.Templates, "--output", output);

        // Then
        Assert.True(exit == 0, error);
        Assert.Contains("pages", printed);
        Assert.Contains("  template", printed);
        var page = File.ReadAllText(Path.Combine(output, "Demo.html"));
        Assert.Contains("The first line of commentary.", page);
        Assert.DoesNotContain("__annotatednorm", page);
        Assert.DoesNotContain("EventSource", page);
    }

    [Fact]
    public async Task Should_Print_Only_Diagnostics_When_Quiet()
    {
        // Given
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));

        // When
        var (exit, printed, error) = await Run("check", "--quiet", "--content", tree.Content, "--templates", SiteTree.Templates);

        // Then
        Assert.True(exit == 0, error);
        Assert.Equal("", printed);
    }
}
