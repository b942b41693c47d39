using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AnnotatedNorm;

/// <summary>
/// The end of a program the build ran: its exit code, the tail of what it printed, and all of its standard output when
/// that was asked for; or that it ran out of time.
/// </summary>
/// <param name="StandardOutput">Everything the program wrote to its standard output, one "\n" a line; empty unless asked for.</param>
internal readonly record struct ChildProcessResult(bool Finished, int ExitCode, string OutputTail, string StandardOutput = "");

/// <summary>Runs a program the build depends on (npm, MSBuild, the examples' compile) to its end, with its output captured and a time limit.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> with its input closed and both output streams captured, and waits for it; a program
    /// still running after <paramref name="timeout"/> is killed with its children and reported as not finished.
    /// </summary>
    /// <param name="keepStandardOutput">True to keep the whole standard output (an answer to read), not only the tail of both streams.</param>
    /// <exception cref="Win32Exception">The program could not be started (for example, it is not installed).</exception>
    public static ChildProcessResult Run(ProcessStartInfo start, TimeSpan timeout, bool keepStandardOutput = false)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding ??= Encoding.UTF8;
        start.StandardErrorEncoding ??= Encoding.UTF8;

        var output = new StringBuilder();
        var standardOutput = keepStandardOutput ? new StringBuilder() : null;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            if (standardOutput is not null) Append(standardOutput, e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        // The build asks nothing of its programs: one that would wait for an answer (a prompt) reads the end of its input instead.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new ChildProcessResult(false, -1, Tail(output), Text(standardOutput));
        }

        // The second wait lets the asynchronous readers deliver the last lines.
        process.WaitForExit();
        return new ChildProcessResult(true, process.ExitCode, Tail(output), Text(standardOutput));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.Append(line).Append('\n');
    }

    private static string Text(StringBuilder? output)
    {
        if (output is null) return "";
        lock (output) return output.ToString();
    }

    private static string Tail(StringBuilder output)
    {
        var trimmed = Text(output).Trim();
        return trimmed.Length <= 800 ? trimmed : "…" + trimmed[^800..];
    }
}
