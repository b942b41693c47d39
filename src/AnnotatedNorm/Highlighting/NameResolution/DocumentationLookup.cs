using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>Finds what the names in a documentation comment stand for: parameter names of its elements, and <c>cref</c>s.</summary>
internal sealed class DocumentationLookup(SemanticModel model, ScopeLookup scopes)
{
    /// <summary>The symbol a name in a documentation comment stands for; unknown where binding must tell.</summary>
    public Lookup Find(SimpleNameSyntax name) => ElementName(name) ?? CrefName(name) ?? Lookup.Unknown;

    /// <summary>The parameter or type parameter a <c>param</c>, <c>paramref</c>, <c>typeparam</c> or <c>typeparamref</c> element names.</summary>
    private Lookup? ElementName(SimpleNameSyntax name)
    {
        if (name.Parent is not XmlNameAttributeSyntax attribute) return null;
        var element = attribute.Parent switch
        {
            XmlElementStartTagSyntax start => start.Name.LocalName.ValueText,
            XmlEmptyElementSyntax empty => empty.Name.LocalName.ValueText,
            _ => null,
        };
        if (Documented(name) is not { } member) return Lookup.Unknown;
        var declared = model.GetDeclaredSymbol(member);
        IEnumerable<ISymbol> candidates = (element, declared) switch
        {
            ("param" or "paramref", IMethodSymbol { MethodKind: not MethodKind.DelegateInvoke } method) when member is BaseMethodDeclarationSyntax => method.Parameters,
            ("typeparam" or "typeparamref", IMethodSymbol method) when member is MethodDeclarationSyntax => method.TypeParameters,
            ("typeparam" or "typeparamref", INamedTypeSymbol type) when member is ClassDeclarationSyntax or StructDeclarationSyntax or InterfaceDeclarationSyntax => type.TypeParameters,
            _ => [],
        };
        var matching = candidates.Where(c => c.Name == name.Identifier.ValueText).ToList();
        return matching.Count == 1 ? Lookup.Found(matching[0]) : Lookup.Unknown;
    }

    /// <summary>
    /// What a <c>cref</c> without a parameter list names: a name looked up from the documented declaration, or a
    /// member of the type or namespace before the dot. Overloads are left to binding, which reports the ambiguity.
    /// </summary>
    private Lookup? CrefName(SimpleNameSyntax name)
    {
        if (name is not IdentifierNameSyntax || Documented(name) is not { } member) return null;
        var text = name.Identifier.ValueText;
        Lookup found;
        switch (name.Parent)
        {
            case NameMemberCrefSyntax { Parameters: null, Parent: QualifiedCrefSyntax qualified } when CrefContainer(qualified.Container, member) is { } container:
                found = container is INamespaceSymbol space
                    ? NamespaceLookup.MemberOf(model, scopes.Index, space, name.Identifier.ValueText, 0, member.SpanStart)
                    : MemberLookup.Find(model, scopes.Index, (ITypeSymbol)container, text, 0, member.SpanStart, typeOnly: false, extensionsApply: false);
                break;
            case NameMemberCrefSyntax { Parameters: null, Parent: not QualifiedCrefSyntax }:
                found = scopes.FindForCref(name, member, typeOnly: false);
                break;
            case QualifiedCrefSyntax crefContainer when crefContainer.Container == name:
            case QualifiedNameSyntax { Parent: QualifiedCrefSyntax } when name.Parent is QualifiedNameSyntax q && q.Left == name:
                found = scopes.FindForCref(name, member, typeOnly: true);
                break;
            default:
                return null;
        }
        return found.IsFound && found.Symbol is INamespaceSymbol or INamedTypeSymbol or IFieldSymbol or IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary } or IEventSymbol
            ? found
            : Lookup.Unknown;
    }

    private ISymbol? CrefContainer(TypeSyntax container, MemberDeclarationSyntax member) => container switch
    {
        IdentifierNameSyntax simple => scopes.FindForCref(simple, member, typeOnly: true) is { IsFound: true, Symbol: INamespaceOrTypeSymbol found } ? found : null,
        QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified => CrefContainer(qualified.Left, member) switch
        {
            INamespaceSymbol space => NamespaceLookup.MemberOf(model, scopes.Index, space, right.Identifier.ValueText, 0, member.SpanStart) is { IsFound: true, Symbol: INamespaceOrTypeSymbol inner } ? inner : null,
            ITypeSymbol type => MemberLookup.Find(model, scopes.Index, type, right.Identifier.ValueText, 0, member.SpanStart, typeOnly: true, extensionsApply: false) is { IsFound: true, Symbol: INamedTypeSymbol nested } ? nested : null,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The declaration a documentation comment belongs to.</summary>
    private static MemberDeclarationSyntax? Documented(SyntaxNode node) =>
        node.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>(ascendOutOfTrivia: false)?.ParentTrivia.Token.Parent?.FirstAncestorOrSelf<MemberDeclarationSyntax>();
}
