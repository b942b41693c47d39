using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AnnotatedNorm.Diagnostics;

/// <summary>Collects diagnostics from stages that may run in parallel; reports them in a stable order.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentBag<Diagnostic> items = [];

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    public ImmutableArray<Diagnostic> ToSortedArray() =>
        [.. items.Distinct().OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal)];
}
