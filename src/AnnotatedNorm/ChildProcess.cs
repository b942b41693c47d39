using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AnnotatedNorm;

/// <summary>The end of a program the build ran: its exit code and the tail of what it printed, or that it ran out of time.</summary>
internal readonly record struct ChildProcessResult(bool Finished, int ExitCode, string OutputTail);

/// <summary>Runs a program the build depends on (npm) to its end, with its output captured and a time limit.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> with both output streams captured and waits for it; a program still running after
    /// <paramref name="timeout"/> is killed with its children and reported as not finished.
    /// </summary>
    /// <exception cref="Win32Exception">The program could not be started (for example, it is not installed).</exception>
    public static ChildProcessResult Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ChildProcessResult(false, -1, Tail(output));
        }

        // The second wait lets the asynchronous readers deliver the last lines.
        process.WaitForExit();
        return new ChildProcessResult(true, process.ExitCode, Tail(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Tail(StringBuilder output)
    {
        string trimmed;
        lock (output) trimmed = output.ToString().Trim();
        return trimmed.Length <= 800 ? trimmed : "…" + trimmed[^800..];
    }
}
