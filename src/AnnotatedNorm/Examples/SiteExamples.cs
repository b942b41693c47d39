using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Examples;

/// <summary>
/// The Run-examples stage: finds the examples of the pages and takes their results from the content's saved results
/// when the code is the one that produced them; otherwise compiles the content's project with the runner, runs what
/// changed, and saves the results again.
/// </summary>
public static class SiteExamples
{
    /// <param name="note">Told what was reused and what was run, for <c>--verbose</c>.</param>
    public static ExampleResults Run(SiteInput site, ImmutableArray<ParsedDocument> documents, DiagnosticBag diagnostics, Action<string> note)
    {
        var declarations = ExampleFinder.Find(documents, diagnostics);
        if (declarations.IsEmpty || site.Options.Examples is not { } options || diagnostics.HasErrors) return ExampleResults.None with { Declarations = declarations };
        var project = options.Project is { } named ? Path.GetFullPath(named) : site.Project?.ProjectPath
            ?? throw new BuildException(declarations[0].Error("AN1006",
                "examples need the content's project (*.csproj) to compile them: put one in the content folder or name it in 'project' in site.json"));

        var file = new ExampleResultsFile(site.ContentRoot);
        var stored = file.Read();
        var inputs = ExampleInputFingerprint.Compute(project, options.RunnerProject);
        if (stored.Inputs == inputs && declarations.All(d => stored.Outputs.ContainsKey(d.Id)))
        {
            note($"examples: {declarations.Length} stored, 0 run, nothing compiled");
            return new ExampleResults(declarations, Outputs(declarations, stored.Outputs));
        }

        var runner = new ExampleBuilder(options, site.Options.OutputFolder).Build(project, SiteInput.Display(project), inputs, note);
        // Code that compiles to the same assembly gives the same results: a change of names in comments or of
        // formatting runs nothing.
        var reusable = stored.Assembly == runner.AssemblyHash ? stored.Outputs : ImmutableSortedDictionary<string, string>.Empty;
        var outputs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var toRun = new List<ExampleDeclaration>();
        foreach (var declaration in declarations)
        {
            if (reusable.TryGetValue(declaration.Id, out var output)) outputs[declaration.Id] = output;
            else toRun.Add(declaration);
        }
        // An example runs where it cannot disturb the site: its own working directory, with the content and the output
        // folder checked unchanged after it.
        var guarded = new[] { site.ContentRoot, Path.GetFullPath(site.Options.OutputFolder) };
        outputs.AddRange(ExampleProcess.Run(runner, toRun, options.TimeLimit, guarded));
        foreach (var declaration in toRun)
            foreach (var kind in Kinds(outputs[declaration.Id]).Where(k => !ExampleHtmlWriter.Kinds.Contains(k)))
                throw new BuildException(declaration.Error("AN1005",
                    $"example '{declaration.Id}' returned a {kind}, which a page cannot show: return text, a TensorSummary, a Table, a Figure or a NamedValue"));
        note($"examples: {declarations.Length - toRun.Count} stored, {toRun.Count} run");
        var saved = new StoredExampleResults(inputs, runner.AssemblyHash, outputs.ToImmutableSortedDictionary(StringComparer.Ordinal));
        if (file.Write(saved)) note($"examples: wrote {ExampleResultsFile.FileName}");
        return new ExampleResults(declarations, Outputs(declarations, saved.Outputs));
    }

    private static ImmutableDictionary<string, string> Outputs(ImmutableArray<ExampleDeclaration> declarations, IReadOnlyDictionary<string, string> outputs) =>
        declarations.ToImmutableDictionary(d => d.Id, d => outputs[d.Id], StringComparer.Ordinal);

    private static IEnumerable<string> Kinds(string outputs)
    {
        using var json = System.Text.Json.JsonDocument.Parse(outputs);
        return [.. json.RootElement.EnumerateArray().Select(o => o.GetProperty("kind").GetString() ?? "")];
    }
}
