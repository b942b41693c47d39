using AnnotatedNorm.Discovery;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Cli.Commands;

/// <summary>
/// <c>precompile-templates</c>: compiles the Razor templates into the folder the tool reads them from, so that a first
/// build with unedited templates skips Roslyn. Publishing the tool runs it; it is not listed among the commands.
/// </summary>
internal sealed class PrecompileCommand : ICommand
{
    public string Name => "precompile-templates";

    public string Summary => "compile the templates into the tool (run when the tool is published)";

    public string Help => """
        Usage: annotatednorm precompile-templates [--templates <dir>] [--into <dir>]

        Compiles every template of <templates>/templates into <into> (default: the tool's precompiled-templates
        folder), removing what older templates left there. A site build loads a template from there only when
        its generated code is exactly the one compiled here; any other template is compiled when the site is built.

        """;

    public bool Listed => false;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "templates", "into" };

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        if (options.Arguments.Count > 0) throw new UsageException($"unexpected argument '{options.Arguments[0]}'");
        var templates = Path.Combine(options.Value("templates", "site-templates"), "templates");
        if (!Directory.Exists(templates)) throw new UsageException($"folder '{templates}' does not exist");
        try
        {
            await PageRenderer.PrecompileAsync(templates, SiteInput.Display(Path.GetFullPath(templates)), options.Value("into", PageRenderer.ShippedTemplatesFolder));
            return CommandTable.Success;
        }
        catch (BuildException e)
        {
            error.WriteLine(e.Diagnostic);
            return CommandTable.BuildErrors;
        }
    }
}
