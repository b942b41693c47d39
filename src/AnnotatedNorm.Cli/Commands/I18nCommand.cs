using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>i18n update</c> and <c>i18n status</c>: keep the XLIFF catalogs in step with the English, and report their state.</summary>
internal sealed class I18nCommand : ICommand
{
    public string Name => "i18n";

    public string Summary => "translation catalogs: 'i18n update' creates/refreshes them, 'i18n status' counts what is done";

    public string Help => """
        Usage: annotatednorm i18n update [--prune] [--content <dir>] [--templates <dir>]
               annotatednorm i18n status [--strict] [--content <dir>] [--templates <dir>]

        update   creates or refreshes xlf/<file>.<language>.xlf next to every page for every language
                 but the default; changed English keeps its translation, marked needs-review-translation.
                 Units gone from the English are reported and kept until --prune.
        status   per language and page: translated, stale, missing and rejected units and their total.
                 With --strict, exits 1 when anything is stale, missing or rejected.

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "prune", "strict" };

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "content", "templates" };

    public Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        var buildOptions = BuildCommand.ReadFolders(options) with { Strict = options.Has("strict") };
        return Task.FromResult(options.Arguments switch
        {
            ["update"] => Update(buildOptions, options.Has("prune"), output, error),
            ["status"] => Status(buildOptions, output, error),
            [] => throw new UsageException("say 'update' or 'status'"),
            _ => throw new UsageException($"unknown i18n action '{string.Join(' ', options.Arguments)}'"),
        });
    }

    private static int Update(BuildOptions options, bool prune, TextWriter output, TextWriter error)
    {
        var (changes, diagnostics) = SiteCatalogs.Update(options, prune);
        foreach (var diagnostic in diagnostics) error.WriteLine(diagnostic);
        foreach (var change in changes)
        {
            var what = change.Written ? "updated" : "unchanged";
            output.WriteLine($"{what,-9} {change.CatalogPath}: {change.Added} new, {change.MarkedStale} now stale, {change.Removed.Length} {(change.Pruned ? "pruned" : "no longer in the source")}");
            if (!change.Pruned)
                foreach (var removed in change.Removed)
                    output.WriteLine($"          kept until --prune: {removed.Id}");
        }
        return diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error) ? CommandTable.BuildErrors : CommandTable.Success;
    }

    private static int Status(BuildOptions options, TextWriter output, TextWriter error)
    {
        var (rows, diagnostics) = SiteCatalogs.Status(options);
        foreach (var diagnostic in diagnostics) error.WriteLine(diagnostic);
        var width = Math.Max(4, rows.Select(r => r.DocumentPath.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"lang",-5} {"page".PadRight(width)} {"translated",10} {"stale",6} {"missing",8} {"rejected",9} {"total",6}");
        foreach (var group in rows.GroupBy(r => r.Culture))
        {
            foreach (var row in group)
                output.WriteLine($"{row.Culture,-5} {row.DocumentPath.PadRight(width)} {row.Translated,10} {row.Stale,6} {row.Missing,8} {row.Rejected,9} {row.Total,6}");
            output.WriteLine($"{group.Key,-5} {"(all pages)".PadRight(width)} {group.Sum(r => r.Translated),10} {group.Sum(r => r.Stale),6} {group.Sum(r => r.Missing),8} {group.Sum(r => r.Rejected),9} {group.Sum(r => r.Total),6}");
        }
        var incomplete = rows.Any(r => r.Stale + r.Missing + r.Rejected > 0);
        var failed = diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error) || (options.Strict && incomplete);
        return failed ? CommandTable.BuildErrors : CommandTable.Success;
    }
}
