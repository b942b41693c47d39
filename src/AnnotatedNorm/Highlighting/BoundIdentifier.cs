using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>A symbol an identifier token declares, as the page needs it: no Roslyn object, so it can be kept between builds.</summary>
internal sealed record DeclaredSymbol(string SymbolId, SymbolCategory Category, string DisplayName, string? DocumentationId);

/// <summary>What binding one identifier token found: everything the highlighter takes from the semantic model.</summary>
/// <param name="Declares">The symbols the token declares (a record's positional parameter declares its property too).</param>
internal sealed record BoundIdentifier(
    string? CssClass,
    string? SymbolId,
    bool IsDeclaration,
    bool IsInSource,
    ImmutableArray<DeclaredSymbol> Declares)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BoundIdentifier> UnboundByClass = new(StringComparer.Ordinal);
    private static readonly BoundIdentifier Plain = new(null, null, false, false, []);

    /// <summary>An identifier bound to no symbol, shown with <paramref name="cssClass"/> (a keyword) or plain; one shared record per class.</summary>
    public static BoundIdentifier Unbound(string? cssClass) =>
        cssClass is null ? Plain : UnboundByClass.GetOrAdd(cssClass, c => new BoundIdentifier(c, null, false, false, []));
}

/// <summary>Where the meaning of identifier tokens comes from: Roslyn's semantic model, or a recording of an earlier build.</summary>
internal interface IIdentifierBinder
{
    BoundIdentifier Bind(SyntaxToken token);
}
