using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>theme export</c>: copies the built-in theme out, to be changed file by file.</summary>
internal sealed class ThemeCommand : ICommand
{
    public string Name => "theme";

    public string Summary => "'theme export [dir]' copies the built-in theme out for customizing";

    public string Help => """
        Usage: annotatednorm theme export [<dir>]

        Copies the built-in theme (Razor templates, CSS, script, interface texts) into <dir>
        (default: site-templates), never replacing a file that is already there. A build reads
        its theme from site-templates (or --templates): a file there replaces the built-in one,
        and a file it does not have comes from the built-in theme, so keep only what you change.

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public IReadOnlySet<string> Values { get; } = new HashSet<string>();

    public Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error) =>
        Task.FromResult(options.Arguments switch
        {
            ["export"] => Export("site-templates", output, error),
            ["export", var folder] => Export(folder, output, error),
            [] => throw new UsageException("say 'export'"),
            _ => throw new UsageException($"unknown theme action '{string.Join(' ', options.Arguments)}'"),
        });

    private static int Export(string folder, TextWriter output, TextWriter error)
    {
        var theme = ThemeComposer.BuiltInFolder;
        if (!ThemeComposer.IsTheme(theme))
        {
            error.WriteLine($"annotatednorm theme: this copy of the tool carries no built-in theme (no {theme}); install the tool package, or copy site-templates from its repository");
            return CommandTable.BuildErrors;
        }
        var (written, kept) = ThemeComposer.Export(theme, folder);
        foreach (var file in written) output.WriteLine($"wrote    {Path.Combine(folder, file)}");
        foreach (var file in kept) output.WriteLine($"kept     {Path.Combine(folder, file)} (already there)");
        output.WriteLine($"{written.Length} file(s) written, {kept.Length} kept in '{folder}'");
        return CommandTable.Success;
    }
}
