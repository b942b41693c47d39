using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Examples;

/// <summary>
/// The Run-examples stage: finds the examples of the pages, compiles the content's project with the runner, and runs
/// every example whose result for this exact code is not already stored.
/// </summary>
public static class SiteExamples
{
    /// <param name="cacheFolder">The build cache's folder, where results are kept; null runs every example and keeps nothing.</param>
    /// <param name="note">Told what was reused and what was run, for <c>--verbose</c>.</param>
    public static ExampleResults Run(SiteInput site, ImmutableArray<ParsedDocument> documents, DiagnosticBag diagnostics, string? cacheFolder, Action<string> note)
    {
        var declarations = ExampleFinder.Find(documents, diagnostics);
        if (declarations.IsEmpty || site.Options.Examples is not { } options || diagnostics.HasErrors) return ExampleResults.None with { Declarations = declarations };
        var projects = options.Project is { } project ? [Path.GetFullPath(project)] : Directory.GetFiles(site.ContentRoot, "*.csproj");
        if (projects.Length != 1)
            throw new BuildException(declarations[0].Error("AN1006",
                $"examples need exactly one project (*.csproj) at the top of the content folder to compile them, found {projects.Length}"));

        var runner = new ExampleBuilder(options, site.Options.OutputFolder).Build(projects[0], SiteInput.Display(projects[0]), note);
        var store = new ExampleStore(cacheFolder);
        var stored = store.Load();
        var outputs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var toRun = new List<ExampleDeclaration>();
        foreach (var declaration in declarations)
        {
            if (stored.TryGetValue(ExampleStore.Key(runner.AssemblyHash, declaration.Id), out var output)) outputs[declaration.Id] = output;
            else toRun.Add(declaration);
        }
        // An example runs where it cannot disturb the site: its own working directory, with the content and the output
        // folder checked unchanged after it.
        var guarded = new[] { site.ContentRoot, Path.GetFullPath(site.Options.OutputFolder) };
        outputs.AddRange(ExampleProcess.Run(runner, toRun, options.TimeLimit, guarded));
        foreach (var declaration in toRun)
            foreach (var kind in Kinds(outputs[declaration.Id]).Where(k => !ExampleHtmlWriter.Kinds.Contains(k)))
                throw new BuildException(declaration.Error("AN1005",
                    $"example '{declaration.Id}' returned a {kind}, which a page cannot show: return text, a TensorSummary, a Table or a Figure"));
        note($"examples: {declarations.Length - toRun.Count} cached, {toRun.Count} run");
        store.Save(outputs.ToDictionary(o => ExampleStore.Key(runner.AssemblyHash, o.Key), o => o.Value));
        return new ExampleResults(declarations, outputs.ToImmutable());
    }

    private static IEnumerable<string> Kinds(string outputs)
    {
        using var json = System.Text.Json.JsonDocument.Parse(outputs);
        return [.. json.RootElement.EnumerateArray().Select(o => o.GetProperty("kind").GetString() ?? "")];
    }
}
