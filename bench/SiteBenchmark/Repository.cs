using System.Diagnostics;

namespace SiteBenchmark;

/// <summary>The repository a tool runs in (found from the working directory upwards), and the programs it starts there.</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnnotatedNorm.sln"))) return dir.FullName;
        throw new InvalidOperationException("run this from inside the repository (no AnnotatedNorm.sln found above the working directory)");
    }

    public static string Run(string fileName, string workingDirectory, params string[] arguments) =>
        Run(fileName, workingDirectory, [], arguments);

    /// <summary>Runs a program to its end and returns what it wrote to standard output; a failure throws with both of its outputs.</summary>
    /// <param name="environment">Variables set for the program besides those it inherits.</param>
    public static string Run(string fileName, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' failed ({process.ExitCode}):\n{stdout}{stderr.Result}");
        return stdout;
    }
}
