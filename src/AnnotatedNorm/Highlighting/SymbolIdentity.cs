using System.Collections.Concurrent;
using AnnotatedNorm.Highlighting.NameResolution;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>Gives every symbol a short id that is the same for each use, in every file and on every build.</summary>
/// <remarks>
/// One instance serves one compilation: every use of a symbol asks for its id again, so a table computes each id once.
/// It compares symbols as Roslyn does: an identity hash of a Roslyn object is costly (it often holds a lock already).
/// Thread-safe.
/// </remarks>
/// <param name="memo">Where the token starts of each tree are kept; a memo of its own when none is given.</param>
internal sealed class SymbolIdentity(HighlightMemo? memo = null)
{
    private readonly HighlightMemo memo = memo ?? new HighlightMemo();
    private readonly ConcurrentDictionary<ISymbol, string> ids = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string?> documentationIds = new(SymbolEqualityComparer.Default);
    /// <summary>The symbol a use stands for: generic definitions rather than constructions, extension methods unreduced.</summary>
    public static ISymbol Canonical(ISymbol symbol)
    {
        if (symbol is IAliasSymbol alias) symbol = alias.Target;
        if (symbol is IMethodSymbol { ReducedFrom: { } unreduced }) symbol = unreduced;
        return symbol.OriginalDefinition;
    }

    public string IdOf(ISymbol symbol) => ids.TryGetValue(symbol, out var id) ? id : ids.GetOrAdd(symbol, ComputeId(symbol));

    /// <summary>The documentation comment id, for the symbols that have one.</summary>
    public string? DocumentationIdOf(ISymbol symbol) =>
        !CanHaveDocumentationId(symbol) ? null
        : documentationIds.TryGetValue(symbol, out var id) ? id
        : documentationIds.GetOrAdd(symbol, ComputeDocumentationId(symbol));

    // Locals, parameters, lambdas and the like have no id: telling so needs no table (most symbols met are such).
    private static bool CanHaveDocumentationId(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction),
        INamedTypeSymbol t => !t.IsAnonymousType && !t.IsTupleType,
        INamespaceSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => true,
        _ => false,
    };

    /// <summary>The id of a local declared in the body of <paramref name="function"/>: the one its symbol would get.</summary>
    public string IdOfLocal(ISymbol function, LocalVariable local)
    {
        var container = Canonical(function);
        var declaration = local.Declaration;
        return Hashed($"{KeyOf(container)}|{SymbolKind.Local}:{local.Name}@{Place(TokensBefore(declaration.SyntaxTree, declaration.Span.Start, container))}");
    }

    private string ComputeId(ISymbol symbol) => Hashed(KeyOf(Canonical(symbol)));

    private static string Hashed(string key)
    {
        // 40 bits of a 64-bit FNV-1a hash keep ids short while a collision stays unlikely among the symbols of a site;
        // the key is not secret, so a cryptographic hash would only cost time.
        var hash = 14695981039346656037UL;
        foreach (var c in key)
            hash = (hash ^ c) * 1099511628211UL;
        return "s" + (hash >> 24).ToString("x10", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Place(int tokens) => tokens.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The C# compiler's own ids, as its XML documentation writes them (a return type only for conversion operators),
    // so ids from `cref` attributes and doc files compare equal. The language-neutral DocumentationCommentId names
    // every method's return type, which had to be cut off again.
    private static string? ComputeDocumentationId(ISymbol symbol)
    {
        try
        {
            return symbol.GetDocumentationCommentId();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private string KeyOf(ISymbol symbol)
    {
        if (DocumentationIdOf(symbol) is { } documentationId) return documentationId;
        var container = symbol.ContainingSymbol is { } c ? Canonical(c) : null;
        var containerKey = container is null ? "" : KeyOf(container);
        return $"{containerKey}|{symbol.Kind}:{symbol.Name}@{PlaceIn(symbol, container)}";
    }

    // Parameters are told apart by ordinal; locals by where they are declared, counted in tokens from the start of
    // their container: an edit elsewhere in the file, or commentary added inside the method, leaves the id as it was.
    private string PlaceIn(ISymbol symbol, ISymbol? container) => symbol switch
    {
        IParameterSymbol p => "#" + p.Ordinal,
        ITypeParameterSymbol t => "#" + t.Ordinal,
        _ => symbol.DeclaringSyntaxReferences.FirstOrDefault() is { } declaration
            ? Place(TokensBefore(declaration.SyntaxTree, declaration.Span.Start, container))
            : Place(0),
    };

    private int TokensBefore(SyntaxTree tree, int declarationStart, ISymbol? container)
    {
        var scope = container?.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == tree && r.Span.Start <= declarationStart);
        // A declaration starts where a token starts, so the tokens before it are the token starts before its start;
        // one table of the file's token starts serves every container in it.
        // Mostly filled by the walk that hashes each tree for the bindings key (see SemanticKey), else by TokenStartsOf.
        var starts = memo.TokenStarts.GetValue(tree, TokenStartsOf);
        return StartsBefore(starts, declarationStart) - StartsBefore(starts, scope?.Span.Start ?? 0);
    }

    /// <summary>Where each token of the tree starts, in order, zero-width tokens included and trivia left out.</summary>
    /// <remarks>
    /// One pass of <c>DescendantTokens</c>: stepping with <c>GetNextToken</c> instead finds each next token from
    /// its parent again, which in a long list of members or statements costs a scan of the list per token.
    /// </remarks>
    private static int[] TokenStartsOf(SyntaxTree tree)
    {
        var starts = new List<int>(tree.Length / 4);
        foreach (var token in tree.GetRoot().DescendantTokens())
            starts.Add(token.SpanStart);
        return [.. starts];
    }

    private static int StartsBefore(int[] starts, int position)
    {
        var index = Array.BinarySearch(starts, position);
        return index >= 0 ? index : ~index;
    }
}
