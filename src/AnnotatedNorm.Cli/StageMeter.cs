using System.Diagnostics;

namespace AnnotatedNorm.Cli;

/// <summary>
/// For <c>--verbose</c>: the processor time and the bytes allocated by the whole process while each stage ran, measured
/// from the outside as the build reports entering its stages, and passed on to the progress display.
/// </summary>
internal sealed class StageMeter(IProgress<BuildProgress>? display) : IProgress<BuildProgress>
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (TimeSpan Processor, long Allocated)> stages = new(StringComparer.Ordinal);
    private (string Stage, TimeSpan Processor, long Allocated)? current;

    public void Report(BuildProgress value)
    {
        lock (gate)
            if (current?.Stage != value.Stage)
            {
                Close();
                current = (value.Stage, ProcessorTime(), GC.GetTotalAllocatedBytes());
            }
        display?.Report(value);
    }

    /// <summary>Processor time and allocations of a stage, once the build has finished; null for a stage not seen.</summary>
    public (TimeSpan Processor, long Allocated)? Of(string stage)
    {
        lock (gate)
        {
            Close();
            return stages.TryGetValue(stage, out var measured) ? measured : null;
        }
    }

    private void Close()
    {
        if (current is not var (stage, processor, allocated)) return;
        stages[stage] = (ProcessorTime() - processor, GC.GetTotalAllocatedBytes() - allocated);
        current = null;
    }

    // The whole process's processor time: work a stage hands to other threads, and the collector's, counts too.
    private static TimeSpan ProcessorTime() => Process.GetCurrentProcess().TotalProcessorTime;
}
