using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Examples;

/// <summary>
/// Runs examples in the runner, one process for all of them, each in turn: in a fresh temporary working directory (its
/// sandbox), within the time limit, and with the content and output folders checked unchanged after each one.
/// </summary>
public static class ExampleProcess
{
    /// <summary>The outputs of each example, by id, as JSON; the first failure throws a <see cref="BuildException"/> at the example.</summary>
    public static ImmutableDictionary<string, string> Run(BuiltRunner runner, IReadOnlyList<ExampleDeclaration> examples,
        TimeSpan timeLimit, IReadOnlyList<string> guarded)
    {
        var results = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (examples.Count == 0) return results.ToImmutable();
        var sandbox = Directory.CreateTempSubdirectory("annotatednorm-example-");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = sandbox.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(runner.RunnerPath);
        start.ArgumentList.Add(runner.AssemblyName);
        start.Environment["TMPDIR"] = sandbox.FullName;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            foreach (var example in examples)
            {
                var before = guarded.Select(FileIdentity.StampFolder).ToArray();
                process.StandardInput.WriteLine(example.Id);
                process.StandardInput.Flush();
                var answer = process.StandardOutput.ReadLineAsync();
                if (!answer.Wait(timeLimit))
                    throw new BuildException(example.Error("AN1003", $"example '{example.Id}' did not finish within {timeLimit.TotalSeconds:0.#} s and was stopped"));
                if (answer.Result is not { } line)
                {
                    process.WaitForExit(5000);
                    var why = errors.IsCompleted ? errors.Result.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() : null;
                    throw new BuildException(example.Error("AN1002", $"example '{example.Id}' ended the runner{(why is null ? "" : ": " + why)}"));
                }
                if (!guarded.Select(FileIdentity.StampFolder).SequenceEqual(before))
                    throw new BuildException(example.Error("AN1004", $"example '{example.Id}' changed files outside its working directory"));
                using var json = JsonDocument.Parse(line);
                if (!json.RootElement.GetProperty("ok").GetBoolean())
                    throw new BuildException(example.Error("AN1002", $"example '{example.Id}' threw {json.RootElement.GetProperty("error").GetString()}"));
                results[example.Id] = json.RootElement.GetProperty("outputs").GetRawText();
            }
            process.StandardInput.Close();
            if (!process.WaitForExit(timeLimit)) process.Kill(entireProcessTree: true);
            return results.ToImmutable();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            try { sandbox.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
