namespace AnnotatedNorm.Cli;

/// <summary>
/// Shows a build's progress: on a terminal one line rewritten in place (stage, pages done of total); in a log or CI
/// one plain line per stage, since carriage returns make a mess of captured output.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool live) : IProgress<BuildProgress>
{
    private readonly Lock gate = new();
    private string stage = "";
    private int width;

    /// <summary>True when <paramref name="output"/> is the console, the console is a terminal, and CI is not set.</summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public void Report(BuildProgress value)
    {
        lock (gate)
        {
            if (live)
            {
                var pages = value.PagesTotal > 0 ? $"  pages {value.PagesDone}/{value.PagesTotal}" : "";
                var line = $"{value.Stage}{pages}";
                output.Write("\r" + line.PadRight(width));
                width = line.Length;
            }
            else if (value.Stage != stage)
            {
                output.WriteLine($"  {value.Stage}");
            }
            stage = value.Stage;
        }
    }

    /// <summary>Clears the progress line so what follows starts on a clean line.</summary>
    public void Finish()
    {
        lock (gate)
            if (live && width > 0) output.Write("\r" + new string(' ', width) + "\r");
    }
}
