using System.Collections.Immutable;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>A section before front matter is taken out of its Markdown.</summary>
internal sealed record SectionDraft(
    ImmutableArray<SourceLine> CommentaryLines,
    ImmutableArray<SourceLine> CodeLines,
    List<MarkdownLine> Markdown)
{
    public Section ToSection(int index, IReadOnlyList<MarkdownLine> markdown) =>
        new(index, CommentaryLines, CodeLines, markdown.Count == 0
            ? Commentary.Empty
            : new Commentary(string.Join("\n", markdown.Select(l => l.Text)), [.. markdown.Select(l => l.Origin)]));
}
