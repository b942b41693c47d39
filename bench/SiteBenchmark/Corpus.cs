namespace SiteBenchmark;

/// <summary>A generated content folder with the folders both tools write into.</summary>
/// <remarks>
/// Each corpus has a folder of its own, and each run new output folders under it (<see cref="ForRun"/>), so the
/// build cache beside an output belongs to it alone and starts empty. Nothing is deleted between measured runs: on
/// ext4, creating thousands of files soon after deleting thousands makes the file system pass over the inodes it
/// just freed one by one, which would charge the tool that runs next for the deletions of the one before.
/// </remarks>
internal sealed record Corpus(int Files, int Languages, string Root, string Run = "")
{
    public string Content => Path.Combine(Root, "content");

    private string RunFolder => Path.Combine(Root, "runs", Run);

    public string Output => Path.Combine(RunFolder, "output");

    public string DoccoOutput => Path.Combine(RunFolder, "docco");

    /// <summary>The same corpus with output folders of their own for one measured run.</summary>
    public Corpus ForRun(string run) => this with { Run = run };

    /// <summary>Generates the corpus unless the same one is already there.</summary>
    public static Corpus Prepare(string work, int files, int languages)
    {
        var corpus = new Corpus(files, languages, Path.Combine(work, $"{files}-files-{languages}-lang"));
        var stamp = Path.Combine(corpus.Root, "corpus.stamp");
        var expected = $"v3 {files} {languages}";
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected) return corpus;
        Console.Error.WriteLine($"  generating {files} files, {languages} language(s) in {corpus.Root}");
        CorpusGenerator.Write(corpus.Content, files, languages == 1 ? ["en"] : ["en", "ja"]);
        if (languages == 2) JapaneseCatalogs.Write(corpus.Content, files);
        File.WriteAllText(stamp, expected);
        return corpus;
    }

    /// <summary>Removes what the runs wrote (outputs and build caches), once nothing more is measured.</summary>
    public void RemoveRuns()
    {
        var runs = Path.Combine(Root, "runs");
        if (Directory.Exists(runs)) Directory.Delete(runs, recursive: true);
    }

    /// <summary>The generated source files, relative to <see cref="Content"/>.</summary>
    public IEnumerable<string> SourceFiles() => Enumerable.Range(0, Files).Select(CorpusGenerator.RelativePath);
}
