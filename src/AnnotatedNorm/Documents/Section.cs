using System.Collections.Immutable;

namespace AnnotatedNorm.Documents;

/// <summary>One commentary/code pair: the unit of a page's layout.</summary>
/// <param name="Index">0-based position in the document.</param>
/// <param name="CommentaryLines">The source lines that hold the commentary (comment markers included), in order.</param>
/// <param name="CodeLines">The source lines of code that follow the commentary, in order.</param>
/// <param name="Commentary">The commentary as Markdown.</param>
public sealed record Section(
    int Index,
    ImmutableArray<SourceLine> CommentaryLines,
    ImmutableArray<SourceLine> CodeLines,
    Commentary Commentary)
{
    /// <summary>Every source line of the section, commentary first, as in the file.</summary>
    public IEnumerable<SourceLine> Lines => CommentaryLines.Concat(CodeLines);
}
