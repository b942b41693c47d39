using System.Diagnostics;
using System.Globalization;

namespace SiteBenchmark;

/// <summary>One measured run of a child process: wall time, processor time (user + system; zero when unknown), peak resident memory, and whether it succeeded.</summary>
internal sealed record Measurement(TimeSpan Wall, TimeSpan Processor, long PeakBytes, int ExitCode, string Output);

/// <summary>Runs a command as a child process and measures it the same way whichever tool it is.</summary>
/// <remarks>
/// Peak memory is the child's high-water resident set: GNU time's "Maximum resident set size" when
/// <c>/usr/bin/time</c> exists, otherwise <c>VmHWM</c> polled from <c>/proc/&lt;pid&gt;/status</c> until it exits.
/// Processor time is GNU time's user plus system time, which on a machine shared with other work varies far less
/// than wall time.
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
        var peak = HasGnuTime ? (long)ReadGnuTime(report, "Maximum resident set size (kbytes)") * 1024 : polled;
        var processor = HasGnuTime
            ? TimeSpan.FromSeconds(ReadGnuTime(report, "User time (seconds)") + ReadGnuTime(report, "System time (seconds)"))
            : TimeSpan.Zero;
        File.Delete(report);
        return new Measurement(wall, processor, peak, process.ExitCode, stdout.Result + stderr.Result);
    }

    private static double ReadGnuTime(string report, string label)
    {
        foreach (var line in File.ReadLines(report))
            if (line.Trim().StartsWith(label + ":", StringComparison.Ordinal))
                return double.Parse(line[(line.LastIndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
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
