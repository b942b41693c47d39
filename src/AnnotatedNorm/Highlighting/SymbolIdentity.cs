using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>Gives every symbol a short id that is the same for each use, in every file and on every build.</summary>
internal static class SymbolIdentity
{
    /// <summary>The symbol a use stands for: generic definitions rather than constructions, extension methods unreduced.</summary>
    public static ISymbol Canonical(ISymbol symbol)
    {
        if (symbol is IAliasSymbol alias) symbol = alias.Target;
        if (symbol is IMethodSymbol { ReducedFrom: { } unreduced }) symbol = unreduced;
        return symbol.OriginalDefinition;
    }

    // Every use of a symbol asks for its id again; Roslyn hands out one object per symbol of a compilation, so a
    // table keyed by reference computes each id once and lets it go with the compilation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ISymbol, string> Ids = [];

    public static string IdOf(ISymbol symbol) => Ids.GetValue(symbol, ComputeId);

    private static string ComputeId(ISymbol symbol)
    {
        var key = KeyOf(Canonical(symbol));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        // 40 bits keep ids short while a collision stays unlikely among the few thousand symbols of a site.
        return "s" + Convert.ToHexStringLower(hash, 0, 5);
    }

    /// <summary>The documentation comment id, for the symbols that have one.</summary>
    public static string? DocumentationIdOf(ISymbol symbol)
    {
        var hasId = symbol switch
        {
            IMethodSymbol m => m.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction),
            INamedTypeSymbol t => !t.IsAnonymousType && !t.IsTupleType,
            INamespaceSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => true,
            _ => false,
        };
        if (!hasId) return null;
        try
        {
            var id = DocumentationCommentId.CreateDeclarationId(symbol);
            // The compiler's XML documentation names a return type only for conversion operators; match it,
            // so ids from `cref` attributes and doc files compare equal.
            return symbol is IMethodSymbol { MethodKind: not MethodKind.Conversion } && id?.IndexOf('~') is > 0 and var tilde
                ? id[..tilde]
                : id;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string KeyOf(ISymbol symbol)
    {
        if (DocumentationIdOf(symbol) is { } documentationId) return documentationId;
        var container = symbol.ContainingSymbol is { } c ? Canonical(c) : null;
        var containerKey = container is null ? "" : KeyOf(container);
        return $"{containerKey}|{symbol.Kind}:{symbol.Name}@{PlaceIn(symbol, container)}";
    }

    // Parameters are told apart by ordinal; locals by where they are declared, counted in tokens from the start of
    // their container: an edit elsewhere in the file, or commentary added inside the method, leaves the id as it was.
    private static string PlaceIn(ISymbol symbol, ISymbol? container) => symbol switch
    {
        IParameterSymbol p => "#" + p.Ordinal,
        ITypeParameterSymbol t => "#" + t.Ordinal,
        _ => TokensBefore(symbol, container).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int TokensBefore(ISymbol symbol, ISymbol? container)
    {
        if (symbol.DeclaringSyntaxReferences.FirstOrDefault() is not { } declaration) return 0;
        var start = container?.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == declaration.SyntaxTree)?.Span.Start ?? 0;
        if (start > declaration.Span.Start) start = 0;
        var root = declaration.SyntaxTree.GetRoot();
        return root.DescendantTokens(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, declaration.Span.Start)).Count(t => t.Span.Start >= start && t.Span.End <= declaration.Span.Start);
    }
}
