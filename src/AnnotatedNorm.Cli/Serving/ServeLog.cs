using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Serving;

namespace AnnotatedNorm.Cli.Serving;

/// <summary>What <c>serve</c> prints: every build's diagnostics, and unless quiet, one line per rebuild.</summary>
internal sealed class ServeLog(TextWriter output, TextWriter error, bool verbose = false, bool quiet = false)
{
    private readonly Lock gate = new();

    public void Report(SiteUpdate update)
    {
        lock (gate)
        {
            foreach (var diagnostic in update.Diagnostics) error.WriteLine(diagnostic);
            var errors = update.Diagnostics.Count(d => d.Severity == Severity.Error);
            if (verbose)
                foreach (var (stage, elapsed) in update.StageTimes)
                    output.WriteLine($"  {stage,-20} {elapsed.TotalMilliseconds,8:F0} ms");
            if (!update.Succeeded)
                output.WriteLine($"build {update.Version} failed with {errors} error(s) in {update.Elapsed.TotalSeconds:F1} s; serving the last good pages");
            else if (!quiet)
                output.WriteLine(update.Version == 1
                    ? $"built {update.Changed.Length} file(s) in {update.Elapsed.TotalSeconds:F1} s"
                    : $"rebuilt in {update.Elapsed.TotalSeconds:F1} s: {update.Changed.Length} file(s) changed{Listing(update)}");
            output.Flush();
        }
    }

    private static string Listing(SiteUpdate update) =>
        update.Changed.Length is > 0 and <= 4 ? " (" + string.Join(", ", update.Changed) + ")" : "";

    public void Line(string text)
    {
        lock (gate)
            if (!quiet) output.WriteLine(text);
    }

    public void Error(string text)
    {
        lock (gate) error.WriteLine(text);
    }
}
