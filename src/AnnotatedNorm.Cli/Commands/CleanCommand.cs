using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>clean</c>: removes the output folder, and only one that this tool built, with its build cache.</summary>
internal sealed class CleanCommand : ICommand
{
    public string Name => "clean";

    public string Summary => "remove the output folder (only one that this tool built) and its build cache";

    public string Help => """
        Usage: annotatednorm clean [--output <dir>]

        Removes the output folder if it was built by this tool; any other folder is left alone.
        Also removes that output's build cache (.annotatednorm/cache/<output>/ beside it).

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "output" };

    public Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        var folder = options.Value("output", "output");
        try
        {
            var removed = SiteWriter.Clean(folder);
            var cache = Session.BuildCache.Clean(folder);
            output.WriteLine((removed, cache) switch
            {
                (true, true) => $"removed '{folder}' and its build cache",
                (true, false) => $"removed '{folder}'",
                (false, true) => $"removed the build cache of '{folder}'",
                _ => $"nothing to remove: '{folder}' does not exist",
            });
            return Task.FromResult(CommandTable.Success);
        }
        catch (BuildException e)
        {
            error.WriteLine(e.Diagnostic);
            return Task.FromResult(CommandTable.BuildErrors);
        }
    }
}
