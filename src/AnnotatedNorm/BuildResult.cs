using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Session;

namespace AnnotatedNorm;

/// <summary>The outcome of a build: its diagnostics, how many pages each culture got, and how long each stage took.</summary>
public sealed record BuildResult(
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> PagesPerCulture,
    ImmutableArray<(string Stage, TimeSpan Elapsed)> StageTimes)
{
    /// <summary>The rendered site, kept only when the build succeeded (what <c>serve</c> answers requests from).</summary>
    public ImmutableArray<OutputFile> Files { get; init; } = [];

    /// <summary>The output folder already held this build's site (see <see cref="Session.BuildCache"/>), so nothing was rendered or written.</summary>
    public bool UpToDate { get; init; }

    /// <summary>What this build took from earlier builds instead of computing it (for example <c>bindings</c>), for <c>--verbose</c> and tests.</summary>
    public ImmutableArray<string> Reused { get; init; } = [];

    /// <summary>The Content-Security-Policy the pages of a successful build carry, for <c>serve</c> to send as a header too.</summary>
    public string ContentSecurityPolicy { get; init; } = "";

    /// <summary>What the build has to say besides diagnostics (for example how many examples ran), for <c>--verbose</c> and tests.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
}
