using System.Runtime.InteropServices;
using SiteBenchmark;

namespace StartupProfile;

/// <summary>
/// Builds the command line without a startup profile, builds two sites with it while the runtime lists every method it
/// compiles just in time (this repository's site, in two languages, and the benchmark's generated corpus of 200 files),
/// and writes those methods to build/startup.mibc for crossgen2, with their names in build/startup-methods.txt.
/// </summary>
internal static class Program
{
    public static int Main()
    {
        var repository = Repository.Root();
        var work = Directory.CreateTempSubdirectory("annotatednorm-startup-profile-").FullName;
        try
        {
            var artifacts = Path.Combine(work, "artifacts");
            string[] properties = ["-nologo", "-p:Configuration=Release", "-p:AnnotatedNormStartupProfile=false", $"-p:ArtifactsPath={artifacts}"];
            Console.WriteLine("building the command line without a profile");
            Repository.Run("dotnet", repository, ["build", "src/AnnotatedNorm.Cli", "-v:q", .. properties]);
            var cli = Repository.Run("dotnet", repository, ["msbuild", "src/AnnotatedNorm.Cli", "-getProperty:TargetPath", .. properties]).Trim();

            var corpus = Path.Combine(work, "corpus");
            CorpusGenerator.Write(corpus, 200, ["en"]);
            var summaries = new List<string>();
            foreach (var (name, content) in new[] { ("site", Path.Combine(repository, "content")), ("corpus", corpus) })
            {
                Console.WriteLine($"building the {name} with the JIT's summary on");
                var summary = Path.Combine(work, $"jit-{name}.txt");
                Repository.Run("dotnet", repository, [new("DOTNET_JitDisasmSummary", "1"), new("DOTNET_JitStdOutFile", summary)],
                    cli, "build", "--quiet", "--content", content, "--templates", Path.Combine(repository, "site-templates"), "--output", Path.Combine(work, "out", name));
                summaries.Add(summary);
            }

            // The application's own assemblies first, then the framework it runs on, which is the one crossgen2 compiles against.
            using var index = new AssemblyIndex([Path.GetDirectoryName(cli)!, RuntimeEnvironment.GetRuntimeDirectory()]);
            var writer = new MibcWriter(index);
            var written = new List<string>();
            var skipped = new List<string>();
            foreach (var method in summaries.SelectMany(JitName.MethodsIn).Distinct().Order(StringComparer.Ordinal))
            {
                try
                {
                    if (writer.Add(JitName.ParseMethod(method)) > 0) written.Add(method);
                    else skipped.Add($"{method}: no method of that name and arity");
                }
                catch (Exception e) when (e is FormatException or KeyNotFoundException or NotSupportedException)
                {
                    // Methods of assemblies made at run time (the site's templates) and a few shapes the profile does not hold.
                    skipped.Add($"{method}: {e.Message}");
                }
            }
            writer.Save(Path.Combine(repository, "build", "startup.mibc"));
            File.WriteAllLines(Path.Combine(repository, "build", "startup-methods.txt"), written);
            Console.WriteLine($"build/startup.mibc: {written.Count} methods compiled just in time, {writer.Count} references; {skipped.Count} left out:");
            foreach (var line in skipped) Console.WriteLine($"  {line}");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
