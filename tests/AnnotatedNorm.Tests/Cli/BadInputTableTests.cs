using System.Text;
using System.Text.RegularExpressions;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>
/// Runs the command line over bad inputs of every kind a site takes (C#, Markdown, math, XLIFF, <c>site.json</c>,
/// templates, the file system, the output path): each must be one diagnostic at its position, never a stack trace, and
/// must leave the previous site byte for byte as it was.
/// </summary>
public partial class BadInputTableTests(BadInputSite site) : IClassFixture<BadInputSite>
{
    /// <summary>One bad input: how it is made, the command run on it, and the diagnostic it must give.</summary>
    /// <param name="Expected">The diagnostic's start, its path relative to the case folder: <c>content/site.json(3,3): error AN0004</c>.</param>
    public sealed record BadInput(string Name, Action<BadInputCase> Arrange, string Expected, int Exit = 1, string Command = "build", bool Strict = false);

    public static TheoryData<string> Names => [.. BadInputs.Table.Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Should_Report_A_Bad_Input_At_Its_Position_And_Leave_The_Output_As_It_Was(string name)
    {
        // Given a copy of the good site with one bad input
        var bad = BadInputs.Table.Single(b => b.Name == name);
        using var input = new BadInputCase(site, name);
        bad.Arrange(input);
        var before = input.Snapshot();
        Assert.Equal(site.OutputHash, before[site.Output]);

        // When the command line runs on it
        string[] args = bad.Command == "i18n update"
            ? ["i18n", "update", "--content", input.Content, "--templates", input.Templates]
            : [bad.Command, "--content", input.Content, "--templates", input.Templates, "--output", input.Output, .. bad.Strict ? new[] { "--strict" } : []];
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await Program.Commands().RunAsync(args, output, error);
        var printed = $"{output}{error}";

        // Then it exits as expected with the diagnostic at its position, no stack trace, and nothing changed
        Assert.True(exit == bad.Exit, $"exit {exit}, expected {bad.Exit}:\n{printed}");
        var (path, rest) = (bad.Expected[..bad.Expected.IndexOf('(', StringComparison.Ordinal)], bad.Expected[bad.Expected.IndexOf('(', StringComparison.Ordinal)..]);
        var line = new Regex($@"(^|\n)([^\n]*/)?{Regex.Escape(path)}{Regex.Escape(rest)}: ");
        Assert.True(line.IsMatch(error.ToString()), $"expected a line '…{bad.Expected}: …' in:\n{printed}");
        Assert.DoesNotMatch(StackFrame(), printed);
        Assert.DoesNotMatch(ExceptionName(), printed);
        Assert.DoesNotContain("internal error", printed, StringComparison.Ordinal);
        foreach (var (folder, hash) in before)
            Assert.True(BadInputSite.TreeHash(folder) == hash, $"'{folder}' changed:\n{printed}");
    }

    [Fact]
    public void Should_Cover_At_Least_Forty_Kinds_Of_Bad_Input_In_Every_Area()
    {
        // Given / When the table's areas, named by the first word of each case
        var areas = BadInputs.Table.GroupBy(b => b.Name.Split(':')[0]).ToDictionary(g => g.Key, g => g.Count());

        // Then
        Assert.True(BadInputs.Table.Count >= 40, $"{BadInputs.Table.Count} cases");
        Assert.Equal(BadInputs.Table.Count, BadInputs.Table.Select(b => b.Name).Distinct().Count());
        foreach (var area in new[] { "site.json", "C#", "Markdown", "math", "XLIFF", "templates", "file system", "output" })
            Assert.True(areas.ContainsKey(area), $"no case for {area}");
    }

    [GeneratedRegex(@"(^|\n)\s+at [\w.<>`]+[.(]")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"\b[A-Z]\w*Exception\b")]
    private static partial Regex ExceptionName();
}
