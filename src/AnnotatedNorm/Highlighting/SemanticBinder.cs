using System.Collections.Immutable;
using AnnotatedNorm.Highlighting.NameResolution;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>Binds identifier tokens with Roslyn's semantic model of their file.</summary>
/// <param name="index">What name lookup shares between the files of the compilation; one of its own when none is given.</param>
internal sealed class SemanticBinder(SemanticModel model, SymbolIdentity identity, CompilationIndex? index = null, bool bindEveryName = false) : IIdentifierBinder
{
    private readonly SymbolClassifier symbols = new(model, index ?? new CompilationIndex(model.Compilation), bindEveryName);
    // Most identifiers are uses of a symbol met before in the file: one shared record per meaning keeps the recording small.
    private readonly Dictionary<(string? CssClass, string Id, bool IsInSource), BoundIdentifier> uses = [];
    // Roslyn hands out one object per symbol, so the file's own table can compare by reference: hashing a symbol
    // for the shared table costs far more, because the compiler has often locked that symbol's object before.
    private readonly Dictionary<ISymbol, string> ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, string> localIds = [];

    public BoundIdentifier Bind(SyntaxToken token)
    {
        IdentifierMeaning meaning;
        try
        {
            meaning = symbols.Classify(token);
        }
        catch (Exception)
        {
            // Binding broken code must not fail the page: the identifier is shown plain instead.
            meaning = IdentifierMeaning.Unknown;
        }
        return Bound(meaning, token);
    }

    private BoundIdentifier Bound(IdentifierMeaning meaning, SyntaxToken token)
    {
        if (meaning.Local is { } local) return BoundLocal(meaning, local, token);
        if (meaning.Symbol is not { } symbol) return BoundIdentifier.Unbound(meaning.CssClass);
        if (!ids.TryGetValue(symbol, out var id)) ids[symbol] = id = identity.IdOf(symbol);
        var inSource = SymbolClassifier.IsDeclaredInSource(symbol);
        if (meaning.IsDeclaration) return new BoundIdentifier(meaning.CssClass, id, true, inSource, Declared(symbol, id, token));
        return Use(meaning.CssClass, id, inSource);
    }

    private BoundIdentifier Use(string? cssClass, string id, bool inSource)
    {
        var key = (cssClass, id, inSource);
        if (!uses.TryGetValue(key, out var use)) uses[key] = use = new BoundIdentifier(cssClass, id, false, inSource, []);
        return use;
    }

    /// <summary>A local known from its declaration: its id comes from the symbol of the method around it.</summary>
    private BoundIdentifier BoundLocal(IdentifierMeaning meaning, LocalVariable local, SyntaxToken token)
    {
        if (!localIds.TryGetValue(local.Declaration, out var id))
        {
            // Without the method's symbol (broken code), the local's own symbol is made after all.
            if (symbols.MethodOf(local.Function) is not { } function)
                return Bound(meaning with { Symbol = model.GetDeclaredSymbol(local.Declaration), Local = null }, token);
            localIds[local.Declaration] = id = identity.IdOfLocal(function, local);
        }
        if (meaning.IsDeclaration)
            return new BoundIdentifier(meaning.CssClass, id, true, true,
                [new DeclaredSymbol(id, local.IsConst ? SymbolCategory.Constant : SymbolCategory.Local, local.Name, DocumentationId: null)]);
        return Use(meaning.CssClass, id, inSource: true);
    }

    private ImmutableArray<DeclaredSymbol> Declared(ISymbol symbol, string id, SyntaxToken token)
    {
        var declared = ImmutableArray.CreateBuilder<DeclaredSymbol>(1);
        Add(declared, symbol, id);
        // A record's positional parameter also declares the property that uses of the member bind to.
        if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.IsRecord: true } constructor })
        {
            foreach (var property in constructor.ContainingType.GetMembers(symbol.Name).OfType<IPropertySymbol>())
                if (property.Locations.Any(l => l.SourceSpan == token.Span && l.SourceTree == token.SyntaxTree))
                    Add(declared, property, identity.IdOf(property));
        }
        return declared.DrainToImmutable();
    }

    private void Add(ImmutableArray<DeclaredSymbol>.Builder declared, ISymbol symbol, string id)
    {
        if (SymbolClassifier.CategoryOf(symbol) is { } category)
            declared.Add(new DeclaredSymbol(id, category, symbol.ToDisplayString(DisplayFormat), identity.DocumentationIdOf(symbol)));
    }

    private static readonly SymbolDisplayFormat DisplayFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
}
