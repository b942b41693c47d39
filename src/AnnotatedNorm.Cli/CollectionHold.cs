using AnnotatedNorm.Caching;
using System.Runtime;

namespace AnnotatedNorm.Cli;

/// <summary>
/// Holds garbage collection off while a one-shot build of a small or medium site allocates about what such a build
/// is expected to, so the process collects nothing before it exits.
/// </summary>
/// <remarks>
/// <para>
/// A build keeps nearly all it allocates until the pages are written: syntax trees, symbols, highlighted code and
/// commentary. The runtime's first collection comes after some 50 MB, finds almost everything alive, and stops both
/// cores for 15–20 ms to free little; its budgets then grow so far that a build of a few hundred pages collects
/// nothing more. A no-GC region covering the whole build spares that pause and the memory it touches for nothing: at
/// 200 generated pages (235 MB allocated) 19–35 ms less wall time and 30–60 ms less CPU, one collection of 1 ms left
/// (the one that starts the region, on a heap still nearly empty).
/// </para>
/// <para>
/// The region must cover the build: one that runs out collects at its end, later and with more alive than the
/// runtime's own first collection would (two collections and 30–50 ms of pauses when it ran out at 64–200 MB of the
/// 235). The estimate is 48 MB for the engines, 160 bytes per byte of C# and Markdown and 96 per byte of translation
/// catalogs, measured from 10 to 600 generated pages in one language, 200 in two, and on this repository's site
/// (between 0.7 and 1.01 of the estimate, the smallest sites lowest); the region asks for a quarter more. Above
/// <see cref="Cap"/> or a quarter of the memory the process may use, no region is started and the runtime's budgets
/// apply as usual: a large site needs collections anyway, and its peak memory is what counts.
/// </para>
/// <para>
/// Only a process that runs one build should hold collections off; the region is process-wide, so the commands ask
/// for it only when the command line owns the process (not when tests run them inside theirs).
/// </para>
/// </remarks>
internal sealed class CollectionHold : IDisposable
{
    /// <summary>The largest region asked for, 640 MB: about 500 generated pages in one language, 270 in two.</summary>
    public const long Cap = 640L << 20;

    private const long EngineBytes = 48L << 20;

    private CollectionHold(long region) => Region = region;

    /// <summary>The bytes the build may allocate without a collection; 0 when no region was started.</summary>
    public long Region { get; }

    /// <summary>Whether a region was started and is still in force.</summary>
    public bool IsHolding => Region > 0 && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>What a build may allocate per byte of each kind of input it reads.</summary>
    private static long BytesPerInputByte(string extension) => extension switch
    {
        ".cs" or ".md" => 160,
        ".xlf" => 96,
        _ => 0,
    };

    /// <summary>The bytes a build reading <paramref name="weightedInput"/> (see <see cref="WeightedInput"/>) may allocate, with a quarter to spare.</summary>
    public static long RegionFor(long weightedInput) => (EngineBytes + weightedInput) / 4 * 5;

    /// <summary>Starts a no-GC region sized for the content under <paramref name="contentFolder"/>, when it is small enough to hold.</summary>
    public static CollectionHold Start(string contentFolder)
    {
        var largest = Math.Min(Cap, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        // A site too large to hold is told after reading only as much of its folder as the largest region covers.
        var region = RegionFor(WeightedInput(contentFolder, stopAbove: largest));
        if (region > largest) return new CollectionHold(0);
        try
        {
            return new CollectionHold(GC.TryStartNoGCRegion(region) ? region : 0);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime's heap can promise, or a region already in force: collect as usual.
            return new CollectionHold(0);
        }
    }

    /// <summary>
    /// The bytes of the C# sources, Markdown pages and translation catalogs under <paramref name="folder"/>, each times
    /// what a byte of it costs, in the folders a build reads (<see cref="InputFingerprint.IsReadFolder"/>).
    /// </summary>
    /// <param name="stopAbove">Stops reading the folder once the total is this much or more; the total returned is then at least this.</param>
    internal static long WeightedInput(string folder, long stopAbove = long.MaxValue)
    {
        var total = 0L;
        Add(new DirectoryInfo(folder));
        return total;

        void Add(DirectoryInfo directory)
        {
            foreach (var file in directory.EnumerateFiles("*", Readable))
            {
                total += BytesPerInputByte(file.Extension.ToLowerInvariant()) * file.Length;
                if (total >= stopAbove) return;
            }
            foreach (var sub in directory.EnumerateDirectories("*", Readable))
            {
                if (InputFingerprint.IsReadFolder(sub.Name)) Add(sub);
                if (total >= stopAbove) return;
            }
        }
    }

    // Hidden files included, as the build reads them; only folders it does not read are left out.
    private static readonly EnumerationOptions Readable = new() { IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>Ends the region if the build did not outgrow it; collections then happen as usual.</summary>
    public void Dispose()
    {
        if (!IsHolding) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region ended on its own between the check and the call (it was outgrown).
        }
    }
}
