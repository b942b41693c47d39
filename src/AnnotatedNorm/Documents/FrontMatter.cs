namespace AnnotatedNorm.Documents;

/// <summary>Page metadata from the YAML block that may open a document's first commentary.</summary>
public sealed record FrontMatter(string? Title, string? Summary)
{
    public static FrontMatter None { get; } = new(null, null);

    /// <summary>Source position of the <c>title</c> value, for diagnostics and translation units.</summary>
    public SourcePosition TitlePosition { get; init; }

    /// <summary>Source position of the <c>summary</c> value.</summary>
    public SourcePosition SummaryPosition { get; init; }
}
