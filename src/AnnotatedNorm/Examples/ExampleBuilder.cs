using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
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
/// folder; skips <c>dotnet build</c> when no source of either project changed since the last build there.
/// </summary>
/// <remarks>
/// The build has no debug information, so the compiled assembly depends on the code alone: an edit of commentary gives
/// the same bytes, and the same hash, as before.
/// </remarks>
public sealed class ExampleBuilder(ExampleOptions options, string outputFolder)
{
    private static readonly string[] InputExtensions = [".cs", ".csproj", ".props", ".targets"];

    private readonly string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar))!,
        BuildCache.FolderName, "examples");

    /// <summary>Builds (or finds up to date) the runner for <paramref name="project"/>; a failed compilation throws a <see cref="BuildException"/> at the project.</summary>
    public BuiltRunner Build(string project, string projectDisplayPath, Action<string> note)
    {
        var assemblyName = AssemblyNameOf(project);
        var stampPath = Path.Combine(folder, "build.stamp");
        var inputs = InputsStamp(project);
        var target = File.Exists(stampPath) && File.ReadAllText(stampPath).Split('\n', 2) is [var path, var stamp] && stamp == inputs && File.Exists(path) ? path : null;
        if (target is null)
        {
            target = Compile(project, projectDisplayPath);
            Directory.CreateDirectory(folder);
            File.WriteAllText(stampPath, target + "\n" + inputs);
            note("examples: compiled " + Path.GetFileName(project));
        }
        var assembly = Path.Combine(Path.GetDirectoryName(target)!, assemblyName + ".dll");
        return new BuiltRunner(target, assemblyName, FileIdentity.Digest(assembly));
    }

    private string Compile(string project, string projectDisplayPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "build", options.RunnerProject, "-nologo", "-v:q", "-clp:NoSummary;ErrorsOnly",
            $"-p:ExampleContentProject={project}", $"-p:ArtifactsPath={Path.Combine(folder, "artifacts")}", "-p:DebugType=none",
            "-p:TreatWarningsAsErrors=false", "-t:Build", "-getProperty:TargetPath",
        }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var text = output.Result.Trim();
        if (process.ExitCode != 0 || !File.Exists(text))
        {
            var first = (text + "\n" + errors.Result).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? $"dotnet build exited with code {process.ExitCode}";
            throw new BuildException(Diagnostic.Error(projectDisplayPath, 1, 1, "AN1000", $"the examples cannot be compiled: {first}"));
        }
        return text;
    }

    // Every source of both projects and the MSBuild files they import from above, by content: the same inputs give the
    // same build, so it is not run again.
    private string InputsStamp(string project)
    {
        var text = new StringBuilder();
        foreach (var root in new[] { Path.GetDirectoryName(project)!, Path.GetDirectoryName(Path.GetFullPath(options.RunnerProject))! })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                         .Where(f => InputExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                         .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "artifacts" or BuildCache.FolderName))
                         .Order(StringComparer.Ordinal))
                text.Append(file).Append(' ').Append(FileIdentity.Digest(file)).Append('\n');
            for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
                foreach (var file in dir.EnumerateFiles("Directory.*.props").Select(f => f.FullName).Order(StringComparer.Ordinal))
                    text.Append(file).Append(' ').Append(FileIdentity.Digest(file)).Append('\n');
        }
        text.Append(options.RunnerProject);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string AssemblyNameOf(string project)
    {
        var name = XDocument.Load(project).Descendants().FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        return string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(project) : name;
    }
}
