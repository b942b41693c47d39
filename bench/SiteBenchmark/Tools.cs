namespace SiteBenchmark;

/// <summary>The two tools under test, made ready once: docco from the pinned npm lock, our CLI published in Release, ahead of time.</summary>
internal sealed class Tools(string repository)
{
    public string Docco => Path.Combine(repository, "bench", "node_modules", "docco", "bin", "docco");

    public string Cli { get; private set; } = "";

    public string Templates => Path.Combine(repository, "site-templates");

    public void Prepare()
    {
        if (!File.Exists(Docco))
        {
            Console.Error.WriteLine("  installing docco (npm ci in bench/)");
            Repository.Run("npm", Path.Combine(repository, "bench"), "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        }
        if (!ProcessMeter.HasGnuTime && Environment.UserName == "root")
        {
            Console.Error.WriteLine("  /usr/bin/time is missing; trying apt-get install time");
            try { Repository.Run("apt-get", repository, "install", "-y", "-q", "time"); }
            catch (InvalidOperationException e) { Console.Error.WriteLine($"  could not install it, polling /proc instead: {e.Message.Split('\n')[0]}"); }
        }
        // As a tool is installed: published in Release and compiled ahead of time (ReadyToRun) for this machine, which the
        // README's `dotnet run` skips because it costs about a minute of crossgen2 on every fresh clone.
        Console.Error.WriteLine("  publishing the CLI in Release, ahead of time");
        var project = Path.Combine(repository, "src", "AnnotatedNorm.Cli");
        var published = Path.Combine(repository, "artifacts", "bench-cli");
        Repository.Run("dotnet", repository, "publish", project, "-c", "Release", "-nologo", "-v:q", "--use-current-runtime",
            "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", published);
        Cli = Path.Combine(published, "AnnotatedNorm.Cli.dll");

        // One unmeasured build installs KaTeX if needed and warms the disk cache for the runtime and the tool.
        var warmup = Corpus.Prepare(Path.Combine(Path.GetTempPath(), "annotatednorm-bench-warmup"), 10, 1);
        var m = RunOurs(warmup.ForRun("warm-up"));
        warmup.RemoveRuns();
        if (m.ExitCode != 0) throw new InvalidOperationException($"the warm-up build failed:\n{m.Output}");
    }

    public Measurement RunOurs(Corpus corpus) => ProcessMeter.Run("dotnet",
        [Cli, "build", "--quiet", "--content", corpus.Content, "--templates", Templates, "--output", corpus.Output], corpus.Root);

    // docco writes one page per file into one flat folder; the generated names are unique, so nothing collides.
    // All files go in one call (about 60 bytes each, far below the kernel's argument limit at 2,000 files).
    public Measurement RunDocco(Corpus corpus) => ProcessMeter.Run("node",
        [Docco, "-o", corpus.DoccoOutput, .. corpus.SourceFiles()], corpus.Content);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
