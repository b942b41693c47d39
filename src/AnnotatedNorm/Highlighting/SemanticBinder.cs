using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>Binds identifier tokens with Roslyn's semantic model of their file.</summary>
internal sealed class SemanticBinder(SemanticModel model, SymbolIdentity identity, bool bindEveryName = false) : IIdentifierBinder
{
    private readonly SymbolClassifier symbols = new(model, bindEveryName);
    // Most identifiers are uses of a symbol met before in the file: one shared record per meaning keeps the recording small.
    private readonly Dictionary<(string? CssClass, string Id, bool IsInSource), BoundIdentifier> uses = [];

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
        if (meaning.Symbol is not { } symbol) return BoundIdentifier.Unbound(meaning.CssClass);
        var id = identity.IdOf(symbol);
        var inSource = SymbolClassifier.IsDeclaredInSource(symbol);
        if (meaning.IsDeclaration) return new BoundIdentifier(meaning.CssClass, id, true, inSource, Declared(symbol, id, token));
        var key = (meaning.CssClass, id, inSource);
        if (!uses.TryGetValue(key, out var use)) uses[key] = use = new BoundIdentifier(meaning.CssClass, id, false, inSource, []);
        return use;
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
