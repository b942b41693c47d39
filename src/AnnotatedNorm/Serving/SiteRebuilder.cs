using System.Collections.Frozen;
using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Serving;

/// <summary>What one rebuild changed for the browser: the site paths whose bytes differ, and the build's diagnostics.</summary>
/// <param name="Version">Counts rebuilds, so a client can tell two updates apart.</param>
/// <param name="Changed">Paths added, changed or removed since the last good build; empty when the build failed.</param>
public sealed record SiteUpdate(int Version, ImmutableArray<string> Changed, ImmutableArray<Diagnostic> Diagnostics, TimeSpan Elapsed)
{
    public ImmutableArray<(string Stage, TimeSpan Elapsed)> StageTimes { get; init; } = [];

    /// <summary>What the rebuild took from the previous one instead of computing it (see <see cref="BuildResult.Reused"/>).</summary>
    public ImmutableArray<string> Reused { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// The site as <c>serve</c> holds it: rebuilt in memory on demand with one <see cref="BuildSession"/>, answering
/// requests from the last good build while a broken edit is being fixed. Writes nothing to disk.
/// </summary>
public sealed class SiteRebuilder(BuildOptions options) : IDisposable
{
    private readonly BuildSession session = new() { KeepsResults = true };
    private readonly SemaphoreSlim gate = new(1, 1);
    private FrozenDictionary<string, OutputFile> files = FrozenDictionary<string, OutputFile>.Empty;

    /// <summary>The last update; its diagnostics are what a newly opened page must show.</summary>
    public SiteUpdate Latest { get; private set; } = new(0, [], [], TimeSpan.Zero);

    public BuildSession Session => session;

    /// <summary>A file of the last good build by its site path ("ja/index.html"), or null.</summary>
    public OutputFile? Find(string path) => files.GetValueOrDefault(path);

    public async Task<SiteUpdate> RebuildAsync()
    {
        await gate.WaitAsync();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await SiteBuilder.BuildAsync(options with { WriteOutput = false }, session);
            var changed = ImmutableArray<string>.Empty;
            if (result.Succeeded)
            {
                var next = result.Files.ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);
                changed = [.. next.Keys.Concat(files.Keys).Distinct(StringComparer.Ordinal)
                    .Where(p => !(next.TryGetValue(p, out var now) && files.TryGetValue(p, out var before) && now.Content.Span.SequenceEqual(before.Content.Span)))
                    .Order(StringComparer.Ordinal)];
                files = next;
            }
            return Latest = new SiteUpdate(Latest.Version + 1, changed, result.Diagnostics, clock.Elapsed) { StageTimes = result.StageTimes, Reused = result.Reused };
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        session.Dispose();
        gate.Dispose();
    }
}
