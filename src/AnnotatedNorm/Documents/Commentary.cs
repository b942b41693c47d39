using System.Collections.Immutable;

namespace AnnotatedNorm.Documents;

/// <summary>The Markdown of one section's prose, with where each of its lines came from in the source.</summary>
/// <param name="Markdown">Markdown text, comment markers and gutters removed, lines joined with "\n".</param>
/// <param name="Origins">For each line of <paramref name="Markdown"/> (split on "\n"), the source position of its first character.</param>
public sealed record Commentary(string Markdown, ImmutableArray<SourcePosition> Origins)
{
    public static Commentary Empty { get; } = new(string.Empty, []);

    public bool IsEmpty => Markdown.Length == 0;

    /// <summary>Maps a 0-based line and column of <see cref="Markdown"/> back to a 1-based source position.</summary>
    public SourcePosition PositionOf(int markdownLine, int markdownColumn)
    {
        if (Origins.IsDefaultOrEmpty) return new SourcePosition(1, 1);
        var origin = Origins[Math.Clamp(markdownLine, 0, Origins.Length - 1)];
        return origin with { Column = origin.Column + markdownColumn };
    }
}
