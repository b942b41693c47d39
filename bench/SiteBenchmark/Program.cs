using System.Diagnostics;
using System.Globalization;
using SiteBenchmark;

// Builds the same generated corpus with the site builder (its CLI, as a child process) and with docco, several
// times each, and prints the median wall time and peak memory of both.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: SiteBenchmark [--files 200,2000] [--runs 3] [--languages 1,2] [--work <dir>] [--serve-edits 5]");
    return 2;
}

var repository = Repository.Root();
var tools = new Tools(repository);
tools.Prepare();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Tools.LoadAverage()}; peak memory from {(ProcessMeter.HasGnuTime ? "/usr/bin/time -v" : "/proc/<pid>/status VmHWM")}");
Console.WriteLine($"docco: node {Path.GetRelativePath(repository, tools.Docco)} -o <out> <all files in one call>");
Console.WriteLine($"ours:  dotnet {Path.GetRelativePath(repository, tools.Cli)} build --quiet (cold: output and cache deleted first)");
Console.WriteLine();

var rows = new List<ResultRow>();
var reloads = new List<(int Files, int Languages, List<TimeSpan> Times)>();
foreach (var count in options.Files)
{
    var corpora = options.Languages.Select(l => Corpus.Prepare(options.Work, count, l)).ToList();
    var samples = new Dictionary<string, List<Measurement>>();
    void Add(string key, Measurement m)
    {
        if (m.ExitCode != 0) throw new InvalidOperationException($"{key} failed with exit code {m.ExitCode}:\n{m.Output}");
        (samples.TryGetValue(key, out var list) ? list : samples[key] = []).Add(m);
    }
    for (var run = 0; run < options.Runs; run++)
    {
        Console.Error.WriteLine($"  {count} files, run {run + 1} of {options.Runs} (load {Tools.LoadAverage()})");
        var runName = $"{Environment.ProcessId}-{run}";
        foreach (var corpus in corpora.Select(c => c.ForRun(runName)))
        {
            Add($"ours {corpus.Languages}", tools.RunOurs(corpus));
            Add($"no-change {corpus.Languages}", tools.RunOurs(corpus));
        }
        Add("docco", tools.RunDocco(corpora[0].ForRun(runName)));
    }
    foreach (var corpus in corpora) corpus.RemoveRuns();
    if (options.ServeEdits > 0)
    {
        Console.Error.WriteLine($"  {count} files: serve, {options.ServeEdits} edits (load {Tools.LoadAverage()})");
        var times = await ServeMeter.MeasureAsync(tools.Cli, tools.Templates, corpora[0], options.ServeEdits);
        reloads.Add((count, corpora[0].Languages, [.. times.Order()]));
    }
    var docco = ResultRow.Of(count, 1, "docco 0.9.2", samples["docco"], null);
    rows.Add(docco);
    foreach (var corpus in corpora)
    {
        rows.Add(ResultRow.Of(count, corpus.Languages, "annotatednorm (cold)", samples[$"ours {corpus.Languages}"], docco));
        rows.Add(ResultRow.Of(count, corpus.Languages, "annotatednorm (no change)", samples[$"no-change {corpus.Languages}"], docco));
    }
}

ResultRow.Print(rows, options.Runs);
foreach (var (files, languages, times) in reloads)
    Console.WriteLine($"serve, {files} files, {languages} language(s): edit to reload median {times[times.Count / 2].TotalMilliseconds:F0} ms " +
        $"({times[0].TotalMilliseconds:F0}–{times[^1].TotalMilliseconds:F0} ms, {times.Count} edits of one file's commentary)");
Console.WriteLine($"load average after the runs: {Tools.LoadAverage()}");
return 0;

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed record BenchmarkOptions(int[] Files, int Runs, int[] Languages, string Work, int ServeEdits)
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) return null;
            values[args[i][2..]] = args[i + 1];
        }
        int[] Numbers(string key, string fallback) => [.. values.GetValueOrDefault(key, fallback).Split(',').Select(int.Parse)];
        var options = new BenchmarkOptions(Numbers("files", "200,2000"), Numbers("runs", "3")[0], Numbers("languages", "1,2"),
            Path.GetFullPath(values.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "annotatednorm-bench"))),
            Numbers("serve-edits", "5")[0]);
        return options.Languages.All(l => l is 1 or 2) && options.Runs > 0 && options.Files.All(f => f > 0) && options.ServeEdits >= 0 ? options : null;
    }
}

/// <summary>One row of the result table: one tool on one corpus, its median and fastest and slowest run, and its highest peak memory.</summary>
internal sealed record ResultRow(int Files, int Languages, string Tool, TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest, TimeSpan MedianProcessor, long PeakBytes, double? Ratio)
{
    public static ResultRow Of(int files, int languages, string tool, List<Measurement> samples, ResultRow? docco)
    {
        var walls = samples.Select(s => s.Wall).Order().ToList();
        var median = walls[walls.Count / 2];
        var processor = samples.Select(s => s.Processor).Order().ToList()[samples.Count / 2];
        return new ResultRow(files, languages, tool, median, walls[0], walls[^1], processor, samples.Max(s => s.PeakBytes),
            docco is null ? null : median.TotalSeconds / docco.Median.TotalSeconds);
    }

    public static void Print(List<ResultRow> rows, int runs)
    {
        Console.WriteLine($"| files | languages | tool | median wall (s), {runs} runs | fastest–slowest (s) | median CPU, user + sys (s) | highest peak RSS (MB) | time / docco |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
            Console.WriteLine($"| {r.Files} | {r.Languages} | {r.Tool} | {r.Median.TotalSeconds:F2} | {r.Fastest.TotalSeconds:F2}–{r.Slowest.TotalSeconds:F2} | {r.MedianProcessor.TotalSeconds:F2} | {r.PeakBytes / 1048576.0:F0} | {(r.Ratio is { } x ? $"{x:F2}×" : "")} |");
        Console.WriteLine();
        var cold = rows.Where(r => r.Tool == "annotatednorm (cold)").ToList();
        var single = cold.Where(r => r.Languages == 1).OrderBy(r => r.Files).ToList();
        for (var i = 1; i < single.Count; i++)
            Console.WriteLine($"growth {single[i - 1].Files} → {single[i].Files} files: {single[i].Median / single[i - 1].Median:F2}× the time for {single[i].Files / (double)single[i - 1].Files:F0}× the files");
        foreach (var two in cold.Where(r => r.Languages == 2))
            if (single.FirstOrDefault(r => r.Files == two.Files) is { } one)
                Console.WriteLine($"two languages / one, {two.Files} files: {two.Median / one.Median:F2}×");
    }
}
