using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>What role a physical line plays under the comment convention.</summary>
internal enum LineKind
{
    Code,
    Blank,
    LineComment,
    BareComment,
    BlockComment,
    DocComment,
}

/// <summary>A source line with its role; <paramref name="Marker"/> is the 0-based column of its comment marker.</summary>
/// <param name="BlockStart">For block comments, the 0-based line where the block opens (tells adjacent blocks apart).</param>
internal readonly record struct ClassifiedLine(SourceLine Line, LineKind Kind, int Marker, int BlockStart)
{
    public bool IsCommentary => Kind is LineKind.LineComment or LineKind.BareComment or LineKind.BlockComment or LineKind.DocComment;
}

/// <summary>One line of commentary Markdown and the source position of its first character.</summary>
internal readonly record struct MarkdownLine(string Text, SourcePosition Origin)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
