using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// Finds the namespace or type a name means when no local, parameter or member takes it: the members of each
/// enclosing namespace, then the namespaces the file imports, as the language searches them.
/// </summary>
/// <remarks>
/// Imports that need more than a namespace's types (aliases of that name, <c>using static</c>, usings inside a
/// namespace, extern aliases) are bound instead, once per namespace and name. One instance serves one file.
/// </remarks>
internal sealed class NamespaceLookup(SemanticModel model, CompilationIndex index)
{

    private readonly Dictionary<(SyntaxNode Scope, string Text, int Arity, bool TypeOnly), Lookup> answers = [];

    /// <param name="scope">The namespace declaration or compilation unit the name is in.</param>
    public Lookup Find(SyntaxNode scope, SimpleNameSyntax name, bool typeOnly)
    {
        var key = (scope, name.Identifier.ValueText, name.Arity, typeOnly);
        if (answers.TryGetValue(key, out var known)) return known;
        var found = Search(scope, name.Identifier.ValueText, name.Arity, name.SpanStart, typeOnly);
        if (found is { IsKnown: false, Overloads: null }) found = Bind(name, typeOnly);
        answers[key] = found;
        return found;
    }

    private Lookup Search(SyntaxNode scope, string text, int arity, int position, bool typeOnly)
    {
        for (var node = scope; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax declaration)
            {
                if (model.GetDeclaredSymbol(declaration) is not INamespaceSymbol space) return Lookup.Unknown;
                var found = MemberOf(model, index, space, text, arity, position);
                if (!found.IsKnown || found.IsFound) return found;
                // A using inside a namespace is resolved relative to it; binding handles those.
                if (declaration.Usings.Count > 0 || declaration.Externs.Count > 0) return Lookup.Unknown;
                // `namespace A.B.C` also searches A.B and A before the declaration around it.
                for (var name = declaration.Name; name is QualifiedNameSyntax qualified; name = qualified.Left)
                {
                    space = space.ContainingNamespace;
                    found = MemberOf(model, index, space, text, arity, position);
                    if (!found.IsKnown || found.IsFound) return found;
                }
            }
            else if (node is CompilationUnitSyntax unit)
            {
                var found = MemberOf(model, index, model.Compilation.GlobalNamespace, text, arity, position);
                if (!found.IsKnown || found.IsFound) return found;
                if (unit.Externs.Count > 0) return Lookup.Unknown;
                return Imported(unit.Usings.Where(u => !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)).Concat(index.GlobalUsings), text, arity, position, typeOnly);
            }
        }
        return Lookup.Unknown;
    }

    /// <summary>
    /// What the file's imports give the name: a type of an imported namespace, or a nested type or static member of a
    /// type imported with <c>using static</c>. Two are an ambiguity that binding reports; static methods of one type
    /// together are a method group.
    /// </summary>
    private Lookup Imported(IEnumerable<UsingDirectiveSyntax> usings, string text, int arity, int position, bool typeOnly)
    {
        var found = new List<ISymbol>();
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                if (alias.Name.Identifier.ValueText == text) return Lookup.Unknown;
                continue;
            }
            if (directive.Name is not { } imported) return Lookup.Unknown;
            if (!directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword))
            {
                if (NamespaceAt(imported) is not { } space) return Lookup.Unknown;
                foreach (var member in index.Members.Members(space, text))
                    if (member is INamedTypeSymbol type && type.Arity == arity && MemberLookup.IsAccessible(model, type, position)) AddOnce(found, type);
                continue;
            }
            if (StaticTypeAt(imported) is not { } container) return Lookup.Unknown;
            // A static import brings the type's own nested types and static members, not its base types' ones.
            foreach (var member in index.Members.Members(container, text))
            {
                var fits = member switch
                {
                    INamedTypeSymbol nested => nested.Arity == arity,
                    IMethodSymbol { IsExtensionMethod: true } => false,
                    IMethodSymbol method => !typeOnly && method.IsStatic && (arity == 0 || method.Arity == arity),
                    _ => !typeOnly && member.IsStatic && arity == 0,
                };
                if (fits && MemberLookup.IsAccessible(model, member, position)) AddOnce(found, member);
            }
        }
        if (found.Count == 0) return Lookup.NotFound;
        if (found.Count == 1) return Lookup.Found(found[0]);
        return found.All(s => s is IMethodSymbol) ? Lookup.Among([.. found.Cast<IMethodSymbol>()]) : Lookup.Unknown;

        static void AddOnce(List<ISymbol> found, ISymbol symbol)
        {
            if (!found.Contains(symbol, SymbolEqualityComparer.Default)) found.Add(symbol);
        }
    }

    /// <summary>The non-generic type a <c>using static</c> of the compilation unit names.</summary>
    private INamedTypeSymbol? StaticTypeAt(NameSyntax name)
    {
        var (container, right) = name switch
        {
            QualifiedNameSyntax { Right: IdentifierNameSyntax r } qualified => (NamespaceAt(qualified.Left), r),
            IdentifierNameSyntax r => (model.Compilation.GlobalNamespace, r),
            _ => (null, null),
        };
        if (container is null || right is null) return null;
        var types = index.Members.Members(container, right.Identifier.ValueText).OfType<INamedTypeSymbol>().Where(t => t.Arity == 0).ToList();
        return types.Count == 1 ? types[0] : null;
    }

    /// <summary>The namespace or type of a namespace that the name means, when it is exactly one that the code may use.</summary>
    public static Lookup MemberOf(SemanticModel model, CompilationIndex index, INamespaceSymbol space, string text, int arity, int position)
    {
        ISymbol? only = null;
        foreach (var member in index.Members.Members(space, text))
        {
            if (member is INamedTypeSymbol type ? type.Arity != arity || !MemberLookup.IsAccessible(model, type, position) : arity != 0) continue;
            if (only is not null) return Lookup.Unknown;
            only = member;
        }
        return only is null ? Lookup.NotFound : Lookup.Found(only);
    }

    /// <summary>The namespace a using directive of the compilation unit names, which is always spelled from the global namespace.</summary>
    private INamespaceSymbol? NamespaceAt(NameSyntax name) => name switch
    {
        IdentifierNameSyntax identifier => Child(model.Compilation.GlobalNamespace, identifier),
        QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified when NamespaceAt(qualified.Left) is { } left => Child(left, right),
        AliasQualifiedNameSyntax { Alias.Identifier.ValueText: "global", Name: IdentifierNameSyntax right } => Child(model.Compilation.GlobalNamespace, right),
        _ => null,
    };

    private INamespaceSymbol? Child(INamespaceSymbol space, IdentifierNameSyntax name)
    {
        INamespaceSymbol? only = null;
        foreach (var member in index.Members.Members(space, name.Identifier.ValueText))
        {
            if (member is not INamespaceSymbol child) return null;
            only = child;
        }
        return only;
    }

    /// <summary>Binds the name alone at its position, once per namespace; kept only if it gives a namespace or a type of one.</summary>
    private Lookup Bind(SimpleNameSyntax name, bool typeOnly)
    {
        ExpressionSyntax alone = name is IdentifierNameSyntax ? SyntaxFactory.IdentifierName(name.Identifier.ValueText) : SyntaxFactory.ParseTypeName(name.ToString());
        var info = model.GetSpeculativeSymbolInfo(name.SpanStart, alone, typeOnly ? SpeculativeBindingOption.BindAsTypeOrNamespace : SpeculativeBindingOption.BindAsExpression);
        var symbol = info.Symbol
            ?? (info.CandidateReason == CandidateReason.NotAValue && info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        return symbol switch
        {
            // Anything else would mean a scope nearer the name was missed: the caller binds then.
            INamespaceSymbol or INamedTypeSymbol { ContainingSymbol: INamespaceSymbol, TypeKind: not TypeKind.Error } => Lookup.Found(symbol.OriginalDefinition),
            null when info.CandidateSymbols.IsEmpty => Lookup.NotFound,
            _ => Lookup.Unknown,
        };
    }
}
