using System.Globalization;
using AnnotatedNorm.Cli.Scaffolding;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>init</c>: sets the working folder up as a site (see <see cref="SiteScaffolder"/>).</summary>
internal sealed class InitCommand : ICommand
{
    public string Name => "init";

    public string Summary => "set this folder up as a site: site.json, and an example when it has no annotated sources";

    public string Help => """
        Usage: annotatednorm init [--languages en,ja] [--ci github] [--content <dir>]

        Writes site.json into the folder (default: the working folder): its name as the title, the
        languages, the project to read build settings from when there is exactly one .csproj, and the
        repository's web address from 'git remote get-url origin'. When the folder has no annotated
        sources yet, also writes an example source and readme.md, with translation catalogs for the
        other languages. A file that is already there is never replaced.

        Options:
          --languages <list>  culture names, the default language first (default: en)
          --ci github         also write .github/workflows/site.yml, which builds the site and
                              publishes it on GitHub Pages
          --content <dir>     the folder to set up (default: .)

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "languages", "ci", "content" };

    public Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        if (options.Arguments.Count > 0) throw new UsageException($"unexpected argument '{options.Arguments[0]}'");
        var folder = options.Value("content", ".");
        if (!Directory.Exists(folder)) throw new UsageException($"folder '{folder}' does not exist");
        var languages = options.Value("languages", "en").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var language in languages)
            if (!IsCulture(language)) throw new UsageException($"'{language}' is not a known culture name");
        if (languages.Length == 0 || languages.Distinct(StringComparer.OrdinalIgnoreCase).Count() != languages.Length)
            throw new UsageException("--languages needs at least one culture name, each once");
        var ci = options.Value("ci", "") switch
        {
            "" => null,
            "github" => CiRecipe.GitHubPages(),
            var other => throw new UsageException($"unknown CI '{other}' (known: github)"),
        };

        var result = new SiteScaffolder(folder, [.. languages]).Run(ci);
        foreach (var file in result.Written) output.WriteLine($"wrote    {file}");
        foreach (var file in result.Skipped) output.WriteLine($"skipped  {file}");
        foreach (var note in result.Notes) output.WriteLine($"note: {note}");
        if (result.Written.Contains(Configuration.SiteConfiguration.FileName))
            output.WriteLine($"Next: 'annotatednorm build{(folder == "." ? "" : $" --content {folder}")}', then open output/index.html.");
        return Task.FromResult(CommandTable.Success);
    }

    private static bool IsCulture(string name)
    {
        try
        {
            return name.Length > 0 && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
