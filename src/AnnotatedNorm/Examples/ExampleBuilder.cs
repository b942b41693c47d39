using System.ComponentModel;
using System.Diagnostics;
using System.Xml.Linq;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Examples;

/// <summary>The runner built against the content's project: where it is, which assembly holds the examples, and that assembly's hash.</summary>
/// <param name="RunnerPath">The runner's assembly, started with <c>dotnet</c>.</param>
/// <param name="AssemblyName">The content assembly the runner loads.</param>
/// <param name="AssemblyHash">SHA-256 of the compiled content assembly: results are reused only for the same code.</param>
public sealed record BuiltRunner(string RunnerPath, string AssemblyName, string AssemblyHash);

/// <summary>
/// Compiles the content's project together with the example runner, into <c>.annotatednorm/examples/</c> beside the output
/// folder; skips <c>dotnet build</c> when the code of neither project changed since the last build there.
/// </summary>
/// <remarks>
/// The build has no debug information, so the compiled assembly depends on the code alone: an edit of commentary gives
/// the same bytes, and the same hash, as before.
/// </remarks>
public sealed class ExampleBuilder(ExampleOptions options, string outputFolder)
{
    private readonly string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar))!,
        BuildCache.FolderName, "examples");

    /// <summary>Builds (or finds up to date) the runner for <paramref name="project"/>; a failed compilation throws a <see cref="BuildException"/> at the project.</summary>
    /// <param name="inputs">The <see cref="ExampleInputFingerprint"/> of both projects: the same inputs give the same build, so it is not run again.</param>
    public BuiltRunner Build(string project, string projectDisplayPath, string inputs, Action<string> note)
    {
        var assemblyName = AssemblyNameOf(project);
        var stampPath = Path.Combine(folder, "build.stamp");
        var key = inputs + " " + project;
        var target = File.Exists(stampPath) && File.ReadAllText(stampPath).Split('\n', 2) is [var path, var stamp] && stamp == key && File.Exists(path) ? path : null;
        if (target is null)
        {
            target = Compile(project, projectDisplayPath);
            Directory.CreateDirectory(folder);
            File.WriteAllText(stampPath, target + "\n" + key);
            note("examples: compiled " + Path.GetFileName(project));
        }
        var assembly = Path.Combine(Path.GetDirectoryName(target)!, assemblyName + ".dll");
        return new BuiltRunner(target, assemblyName, FileIdentity.Digest(assembly));
    }

    private string Compile(string project, string projectDisplayPath)
    {
        var start = new ProcessStartInfo(options.Dotnet);
        foreach (var argument in new[]
        {
            "build", options.RunnerProject, "-nologo", "-v:q", "-clp:NoSummary;ErrorsOnly",
            $"-p:ExampleContentProject={project}", $"-p:ArtifactsPath={Path.Combine(folder, "artifacts")}", "-p:DebugType=none",
            "-p:TreatWarningsAsErrors=false", "-t:Build", "-getProperty:TargetPath",
        }) start.ArgumentList.Add(argument);
        ChildProcessResult build;
        try
        {
            build = ChildProcess.Run(start, options.CompileTimeLimit, keepStandardOutput: true);
        }
        catch (Win32Exception e)
        {
            throw Failure($"dotnet could not be started ({e.Message}); install the .NET SDK");
        }
        if (!build.Finished)
            throw Failure($"dotnet build did not finish within {options.CompileTimeLimit.TotalSeconds:0.#} s and was stopped");
        var text = build.StandardOutput.Trim();
        if (build.ExitCode != 0 || !File.Exists(text))
            throw Failure((text + "\n" + build.OutputTail).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? $"dotnet build exited with code {build.ExitCode}");
        return text;

        BuildException Failure(string why) =>
            new(Diagnostic.Error(projectDisplayPath, 1, 1, "AN1000", $"the examples cannot be compiled: {why}"));
    }

    private static string AssemblyNameOf(string project)
    {
        var name = XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        return string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(project) : name;
    }
}
