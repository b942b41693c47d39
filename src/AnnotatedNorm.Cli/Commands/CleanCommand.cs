using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>clean</c>: removes the output folder, and only one that this tool built.</summary>
internal sealed class CleanCommand : ICommand
{
    public string Name => "clean";

    public string Summary => "remove the output folder (only one that this tool built)";

    public string Help => """
        Usage: annotatednorm clean [--output <dir>]

        Removes the output folder if it was built by this tool; any other folder is left alone.

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "output" };

    public Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        var folder = options.Value("output", "output");
        try
        {
            output.WriteLine(SiteWriter.Clean(folder) ? $"removed '{folder}'" : $"nothing to remove: '{folder}' does not exist");
            return Task.FromResult(CommandTable.Success);
        }
        catch (BuildException e)
        {
            error.WriteLine(e.Diagnostic);
            return Task.FromResult(CommandTable.BuildErrors);
        }
    }
}
