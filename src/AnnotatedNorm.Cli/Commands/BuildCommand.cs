using System.Diagnostics;
using System.Runtime;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Cli.Commands;

/// <summary><c>build</c>: reads content and templates, writes the site into the output folder.</summary>
internal class BuildCommand : ICommand
{
    public virtual string Name => "build";

    public virtual string Summary => "build the site into the output folder (replaced atomically)";

    public string Help => $"""
        Usage: annotatednorm {Name} [options]

        {char.ToUpperInvariant(Summary[0])}{Summary[1..]}.

        Options:
          --content <dir>     content folder with site.json (default: content, or . when site.json is here)
          --templates <dir>   theme folder; its files replace the built-in theme's (default: site-templates)
          --output <dir>      output folder (default: output)
          --strict            stale or missing translations are errors
          --no-cache          build even when the output already holds this exact site
          --no-examples       do not compile or run the examples; pages show no results
          --verbose           print the time of each stage
          --quiet             print only diagnostics

        """;

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "strict", "verbose", "quiet", "no-cache", "no-examples" };

    public IReadOnlySet<string> Values { get; } = new HashSet<string> { "content", "templates", "output" };

    protected virtual bool WritesOutput => true;

    public async Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error)
    {
        var quiet = options.Has("quiet");
        var progress = quiet ? null : new ProgressDisplay(output, ProgressDisplay.IsTerminal(output));
        var meter = options.Has("verbose") ? new StageMeter(progress) : null;
        var buildOptions = ReadBuildOptions(options) with
        {
            WriteOutput = WritesOutput, CheckLinks = !WritesOutput, Progress = (IProgress<BuildProgress>?)meter ?? progress, UseCache = !options.Has("no-cache"),
        };

        var clock = Stopwatch.StartNew();
        var result = await SiteBuilder.BuildAsync(buildOptions);
        progress?.Finish();
        foreach (var diagnostic in result.Diagnostics) error.WriteLine(diagnostic);
        if (options.Has("verbose"))
        {
            foreach (var (stage, elapsed) in result.StageTimes)
            {
                var measured = meter!.Of(stage);
                var cores = measured is { } m && elapsed > TimeSpan.Zero ? $"  {m.Processor / elapsed,4:F1} cores busy  {m.Allocated / (1 << 20),6} MB allocated" : "";
                output.WriteLine($"  {stage,-20} {elapsed.TotalMilliseconds,8:F0} ms{cores}");
            }
            foreach (var note in result.Notes) output.WriteLine($"  {note}");
            if (!result.Reused.IsEmpty) output.WriteLine($"  reused from earlier builds: {string.Join(", ", result.Reused)}");
            output.WriteLine($"  garbage collections {GC.CollectionCount(0)} / {GC.CollectionCount(1)} / {GC.CollectionCount(2)} (gen 0 / 1 / 2), " +
                $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, {GC.GetTotalAllocatedBytes() / (1 << 20)} MB allocated, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
            output.WriteLine($"  jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        }
        if (!quiet || !result.Succeeded)
            output.WriteLine(Summarize(result, clock.Elapsed, buildOptions));
        return result.Succeeded ? CommandTable.Success : CommandTable.BuildErrors;
    }

    /// <summary>The options every building command shares: folders, <c>--strict</c>, and the assemblies the content may use.</summary>
    /// <remarks>
    /// Without <c>--content</c>, the content folder is <c>content</c>, or the working folder when <c>site.json</c> is
    /// there (a site that <c>init</c> set up in a repository). Without <c>--templates</c>, a missing
    /// <c>site-templates</c> folder means the built-in theme, and an incomplete one is completed from it.
    /// </remarks>
    internal static BuildOptions ReadBuildOptions(CommandOptions options)
    {
        if (options.Arguments.Count > 0) throw new UsageException($"unexpected argument '{options.Arguments[0]}'");
        return ReadFolders(options);
    }

    /// <summary>The content, theme and output folders of <see cref="ReadBuildOptions"/>, for commands that take arguments too.</summary>
    internal static BuildOptions ReadFolders(CommandOptions options)
    {
        var content = options.Value("content", DefaultContentFolder());
        var output = options.Value("output", "output");
        var templates = options.Value("templates", "site-templates");
        if (!Directory.Exists(content)) throw new UsageException($"folder '{content}' does not exist");
        var builtIn = ThemeComposer.BuiltInFolder;
        if (ThemeComposer.IsTheme(builtIn) && (Directory.Exists(templates) || !options.Has("templates")))
            templates = ThemeComposer.Compose(templates, builtIn, ThemeComposer.MergedFolderFor(output));
        else if (!Directory.Exists(templates))
            throw new UsageException($"folder '{templates}' does not exist");
        return new BuildOptions(content, templates, output, options.Has("strict"))
        {
            ReferencePaths = HostAssemblies.Offered(),
            Examples = options.Has("no-examples") ? null : ExampleRunnerProject.Find(options.Value("content", "content")) is { } runner ? new AnnotatedNorm.Examples.ExampleOptions(runner) : null,
        };
    }

    private static string DefaultContentFolder() =>
        !File.Exists(Path.Combine("content", SiteConfiguration.FileName)) && File.Exists(SiteConfiguration.FileName) ? "." : "content";

    private string Summarize(BuildResult result, TimeSpan elapsed, BuildOptions options)
    {
        var errors = result.Diagnostics.Count(d => d.Severity == AnnotatedNorm.Diagnostics.Severity.Error);
        var warnings = result.Diagnostics.Length - errors;
        var pages = string.Join(", ", result.PagesPerCulture.Select(p => $"{p.Value} {p.Key}"));
        var verdict = !result.Succeeded
            ? (WritesOutput ? $"build failed; '{options.OutputFolder}' left as it was" : "check failed")
            : result.UpToDate ? $"'{options.OutputFolder}' is up to date"
            : WritesOutput ? $"built '{options.OutputFolder}'" : "check passed";
        return $"{verdict}: pages {(pages.Length > 0 ? pages : "0")}; {warnings} warning(s), {errors} error(s) in {elapsed.TotalSeconds:F1} s";
    }
}

/// <summary><c>check</c>: everything <c>build</c> validates, writing nothing.</summary>
internal sealed class CheckCommand : BuildCommand
{
    public override string Name => "check";

    public override string Summary => "validate everything that build validates, write nothing";

    protected override bool WritesOutput => false;
}
