namespace SiteBenchmark;

/// <summary>A generated content folder with the folders both tools write into.</summary>
/// <remarks>Each corpus has a folder of its own, so the build cache beside its output belongs to it alone.</remarks>
internal sealed record Corpus(int Files, int Languages, string Root)
{
    public string Content => Path.Combine(Root, "content");

    public string Output => Path.Combine(Root, "output");

    public string DoccoOutput => Path.Combine(Root, "docco");

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

    /// <summary>Removes everything a build left, the persistent cache included, so the next build starts cold.</summary>
    public void Clean()
    {
        foreach (var folder in new[] { Output, DoccoOutput, Path.Combine(Root, ".annotatednorm") })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>The generated source files, relative to <see cref="Content"/>.</summary>
    public IEnumerable<string> SourceFiles() => Enumerable.Range(0, Files).Select(CorpusGenerator.RelativePath);
}
