namespace AnnotatedNorm.Highlighting;

/// <summary>What kind of thing a declared symbol is, in the terms the highlighter colours.</summary>
public enum SymbolCategory
{
    Type,
    TypeParameter,
    Method,
    Parameter,
    Local,
    Field,
    Property,
    Event,
    EnumMember,
    Constant,
    Label,
}

/// <summary>Where a symbol is declared in the site's sources, so uses and <c>cref</c> links can point at its section.</summary>
/// <param name="SymbolId">The id that every use of the symbol carries in <c>data-sym</c>.</param>
/// <param name="Name">The simple name as written, e.g. <c>forward</c>.</param>
/// <param name="DisplayName">Fully qualified name with parameter types, e.g. <c>N.LayerNorm.forward(Tensor)</c>.</param>
/// <param name="DocumentationId">Roslyn documentation comment id (<c>M:N.LayerNorm.forward(...)</c>), null for locals and parameters.</param>
/// <param name="Path">The source path as given to the highlighter.</param>
/// <param name="Line">1-based line of the declaring identifier (lines split on CR LF, LF and CR).</param>
/// <param name="Column">1-based column of the declaring identifier.</param>
/// <param name="IsDocumented">The declaration carries a documentation comment; of a partial type's declarations, links go to the documented one.</param>
public sealed record SymbolDeclaration(
    string SymbolId,
    SymbolCategory Category,
    string Name,
    string DisplayName,
    string? DocumentationId,
    string Path,
    int Line,
    int Column,
    bool IsDocumented = false)
{
    /// <summary>A type or one of its members, as other code names it; not a local, a local function, a parameter or a type parameter.</summary>
    /// <remarks>Exactly these have a documentation id besides namespaces, which declare nothing a reader looks for.</remarks>
    public bool IsTypeOrMember => DocumentationId is not null && Category is SymbolCategory.Type or SymbolCategory.Method or SymbolCategory.Field
        or SymbolCategory.Property or SymbolCategory.Event or SymbolCategory.EnumMember or SymbolCategory.Constant;
}
