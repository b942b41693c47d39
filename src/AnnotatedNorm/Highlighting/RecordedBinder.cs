using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>Replays a file's recorded bindings in walk order; the walk of an unchanged key meets the same identifiers.</summary>
internal sealed class RecordedBinder(ImmutableArray<BoundIdentifier> recorded) : IIdentifierBinder
{
    private int next;

    /// <summary>Every recorded binding was used, no more and no fewer: the replay met the tokens it was recorded on.</summary>
    public bool MatchedExactly => next == recorded.Length;

    public BoundIdentifier Bind(SyntaxToken token) =>
        next < recorded.Length ? recorded[next++] : throw new InvalidOperationException("The recording has fewer identifiers than the file.");
}
