using System.Diagnostics;
using System.Globalization;

namespace SiteBenchmark;

/// <summary>One measured run of a child process: wall time, peak resident memory, and whether it succeeded.</summary>
internal sealed record Measurement(TimeSpan Wall, long PeakBytes, int ExitCode, string Output);

/// <summary>Runs a command as a child process and measures it the same way whichever tool it is.</summary>
/// <remarks>
/// Peak memory is the child's high-water resident set: GNU time's "Maximum resident set size" when
/// <c>/usr/bin/time</c> exists, otherwise <c>VmHWM</c> polled from <c>/proc/&lt;pid&gt;/status</c> until it exits.
/// </remarks>
internal static class ProcessMeter
{
    private const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime => File.Exists(GnuTime);

    /// <summary>
    /// Writes out what earlier runs left in the page cache (thousands of pages of output, and the deleted ones), so
    /// that the disk does not work for the previous tool while the next one is measured.
    /// </summary>
    private static void Settle()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/sync") && !File.Exists("/bin/sync")) return;
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    public static Measurement Run(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo(HasGnuTime ? GnuTime : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (HasGnuTime)
            foreach (var a in new[] { "-v", "-o", report, fileName }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);

        Settle();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long polled = 0;
        while (!process.WaitForExit(20))
            if (!HasGnuTime) polled = Math.Max(polled, ReadHighWaterMark(process.Id));
        process.WaitForExit();
        var wall = clock.Elapsed;
        var peak = HasGnuTime ? ReadGnuTimePeak(report) : polled;
        File.Delete(report);
        return new Measurement(wall, peak, process.ExitCode, stdout.Result + stderr.Result);
    }

    private static long ReadGnuTimePeak(string report)
    {
        foreach (var line in File.ReadLines(report))
            if (line.Trim().StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal))
                return long.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }
}
