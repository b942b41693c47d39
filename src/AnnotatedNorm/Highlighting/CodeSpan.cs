namespace AnnotatedNorm.Highlighting;

/// <summary>A classified stretch of one source text; text between spans is plain.</summary>
/// <param name="CssClass">Class from <see cref="HighlightClasses"/>, or null for an identifier known only by its symbol.</param>
/// <param name="SymbolId">Id of the symbol an identifier binds to, or null.</param>
/// <param name="IsDeclaration">The identifier declares <paramref name="SymbolId"/>.</param>
/// <param name="IsInSource">The symbol is declared in the site's sources, so a use may link to it.</param>
internal readonly record struct CodeSpan(
    int Start,
    int Length,
    string? CssClass,
    string? SymbolId = null,
    bool IsDeclaration = false,
    bool IsInSource = false)
{
    public int End => Start + Length;
}
