using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>What a lookup found: one symbol, nothing (look further out), or an answer only binding can give.</summary>
/// <param name="Overloads">For an unknown answer, the methods of the name when only overload resolution can choose among them.</param>
/// <param name="Local">For a local found by its declaration, the local; its symbol is then left unmade.</param>
internal readonly record struct Lookup(bool IsKnown, bool IsFound, ISymbol? Symbol, IReadOnlyList<IMethodSymbol>? Overloads = null, LocalVariable? Local = null)
{
    public static Lookup NotFound { get; } = new(true, false, null);
    public static Lookup Unknown { get; } = new(false, false, null);
    public static Lookup Found(ISymbol? symbol) => new(true, true, symbol);
    public static Lookup Among(IReadOnlyList<IMethodSymbol> overloads) => new(false, false, null, overloads);
    public static Lookup FoundLocal(LocalVariable local) => new(true, true, null, Local: local);
}

/// <summary>
/// Finds what a simple name means by walking the scopes around it as the language does: locals, parameters and type
/// parameters, the members of each enclosing type and its bases, then the namespaces and their imports.
/// </summary>
/// <remarks>
/// Locals come from their declarations, types and members from Roslyn's symbols, so no statement is bound. Scope
/// rules too subtle to follow from declarations alone (variables declared inside expressions, switch sections,
/// primary constructors, interfaces, base lists) answer unknown, and the caller binds. Answers are kept per block,
/// per type and per namespace, so a name used again in the same scope costs a dictionary lookup.
/// One instance serves one file on one thread.
/// </remarks>
internal sealed class ScopeLookup(SemanticModel model, CompilationIndex index)
{
    private readonly record struct Key(SyntaxNode Scope, string Text, int Arity, bool TypeOnly);

    private readonly Dictionary<Key, Lookup> answers = [];
    private readonly Dictionary<SyntaxNode, Dictionary<string, SyntaxNode?>> declaredIn = [];
    private readonly Dictionary<SyntaxNode, HashSet<string>> declaredLoosely = [];
    private readonly NamespaceLookup namespaces = new(model, index);

    /// <summary>What lookups ask of the compilation, shared by every file.</summary>
    public CompilationIndex Index => index;

    public Lookup Find(SimpleNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        var typeOnly = SyntaxFacts.IsInNamespaceOrTypeContext(name);
        if (!typeOnly && name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } enclosing && DeclaredLoosely(enclosing).Contains(text))
            return Lookup.Unknown;
        return Walk(name, name.Parent, name, typeOnly);
    }

    /// <summary>A name in a <c>cref</c>: looked up where the documented declaration stands, its type's members in scope.</summary>
    public Lookup FindForCref(SimpleNameSyntax name, MemberDeclarationSyntax documented, bool typeOnly)
    {
        // Crefs see the type parameters of a documented method but not its parameters; binding handles those names.
        if (documented is MethodDeclarationSyntax { TypeParameterList: { } parameters } && parameters.Parameters.Any(p => p.Identifier.ValueText == name.Identifier.ValueText))
            return Lookup.Unknown;
        return documented is BaseTypeDeclarationSyntax
            ? Walk(documented, documented, name, typeOnly)
            : Walk(documented, documented.Parent, name, typeOnly);
    }

    private Lookup Walk(SyntaxNode child, SyntaxNode? node, SimpleNameSyntax name, bool typeOnly)
    {
        var (text, arity, position) = (name.Identifier.ValueText, name.Arity, name.SpanStart);
        if (node is null) return Lookup.Unknown;
        // Blocks, members and types answer alike for every name inside them, whichever child it is in.
        var keep = node is BlockSyntax || node is TypeDeclarationSyntax && child is MemberDeclarationSyntax;
        var key = new Key(node, text, arity, typeOnly);
        if (keep && answers.TryGetValue(key, out var known)) return known;
        var found = DeclaresNothing(node) ? Lookup.NotFound : Here(node, child, name, typeOnly);
        if (found is { IsKnown: true, IsFound: false } && node is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            found = Walk(node, node.Parent, name, typeOnly);
        if (keep) answers[key] = found;
        return found;
    }

    // Expressions and arguments, most of the nodes between a name and its block, are none of the scopes Here reads
    // (names that expressions declare, in patterns, lambdas and queries, Find left to binding): one type test
    // instead of the whole switch.
    private static bool DeclaresNothing(SyntaxNode node) => node is ExpressionSyntax or ArgumentSyntax or BaseArgumentListSyntax;

    /// <summary>What the scope <paramref name="node"/> itself declares under the name, seen from <paramref name="child"/>.</summary>
    private Lookup Here(SyntaxNode node, SyntaxNode child, SimpleNameSyntax name, bool typeOnly)
    {
        var (text, arity, position) = (name.Identifier.ValueText, name.Arity, name.SpanStart);
        var values = !typeOnly;
        return node switch
        {
            BlockSyntax block when values => Local(block, block.Statements, text, arity),
            SwitchStatementSyntax @switch when values =>
                @switch.Sections.Any(s => Local(s, s.Statements, text, arity).IsFound) ? Lookup.Unknown : Lookup.NotFound,
            ForStatementSyntax { Declaration: { } declaration } when values => Variable(declaration, text, arity),
            UsingStatementSyntax { Declaration: { } declaration } when values => Variable(declaration, text, arity),
            FixedStatementSyntax fixedStatement when values => Variable(fixedStatement.Declaration, text, arity),
            ForEachStatementSyntax forEach when values && child == forEach.Statement && forEach.Identifier.ValueText == text =>
                Declared(forEach, arity),
            CatchClauseSyntax { Declaration: { } caught } when values && child != caught && caught.Identifier.ValueText == text =>
                Declared(caught, arity),
            LocalFunctionStatementSyntax function => Signature(null, function.ParameterList, function.TypeParameterList, text, arity, values),
            MethodDeclarationSyntax method => Signature(method, method.ParameterList, method.TypeParameterList, text, arity, values),
            BaseMethodDeclarationSyntax member => Signature(member, member.ParameterList, null, text, arity, values),
            DelegateDeclarationSyntax @delegate => Signature(null, @delegate.ParameterList, @delegate.TypeParameterList, text, arity, values),
            IndexerDeclarationSyntax indexer when values && indexer.ParameterList.Parameters.Any(p => p.Identifier.ValueText == text) => Lookup.Unknown,
            AccessorDeclarationSyntax when values && text == "value" => Lookup.Unknown,
            // A default value sees the type's members, not the parameters beside it.
            ParameterSyntax { Parent: BaseParameterListSyntax list } when values =>
                list.Parameters.Any(p => p.Identifier.ValueText == text) ? Lookup.Unknown : Lookup.NotFound,
            TypeDeclarationSyntax type => InType(type, child, text, arity, typeOnly, position),
            EnumDeclarationSyntax @enum when values => InType(model.GetDeclaredSymbol(@enum), text, arity, typeOnly: false, position),
            GlobalStatementSyntax => Lookup.Unknown,
            BaseNamespaceDeclarationSyntax or CompilationUnitSyntax => namespaces.Find(node, name, typeOnly),
            _ => Lookup.NotFound,
        };
    }

    /// <summary>A local or local function declared directly in a block (its scope is the whole block).</summary>
    private Lookup Local(SyntaxNode block, SyntaxList<StatementSyntax> statements, string text, int arity)
    {
        if (!declaredIn.TryGetValue(block, out var declared))
        {
            declared = new Dictionary<string, SyntaxNode?>(StringComparer.Ordinal);
            foreach (var statement in statements)
            {
                if (statement is LocalDeclarationStatementSyntax local)
                    foreach (var variable in local.Declaration.Variables) Add(declared, variable.Identifier.ValueText, variable);
                else if (statement is LocalFunctionStatementSyntax function)
                    Add(declared, function.Identifier.ValueText, function);
            }
            declaredIn[block] = declared;
        }
        if (!declared.TryGetValue(text, out var declaration)) return Lookup.NotFound;
        return declaration is null ? Lookup.Unknown : Declared(declaration, arity);

        // Two declarations of one name in a block is an error that binding reports its own way.
        static void Add(Dictionary<string, SyntaxNode?> declared, string name, SyntaxNode node) =>
            declared[name] = declared.ContainsKey(name) ? null : node;
    }

    private Lookup Variable(VariableDeclarationSyntax declaration, string text, int arity) =>
        declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == text) is { } variable ? Declared(variable, arity) : Lookup.NotFound;

    private Lookup Declared(SyntaxNode declaration, int arity) => LocalVariable.Of(declaration) is { } variable
        ? arity == 0 ? Lookup.FoundLocal(variable) : Lookup.Unknown
        : model.GetDeclaredSymbol(declaration) switch
    {
        IMethodSymbol function when arity == 0 || function.Arity == arity => Lookup.Found(function),
        ILocalSymbol local when arity == 0 => Lookup.Found(local),
        _ => Lookup.Unknown,
    };

    /// <param name="member">A method, constructor or operator whose symbol gives its parameters without building a scope inside it.</param>
    private Lookup Signature(BaseMethodDeclarationSyntax? member, ParameterListSyntax? parameters, TypeParameterListSyntax? typeParameters, string text, int arity, bool values)
    {
        if (arity != 0) return Lookup.NotFound;
        var method = member is null ? null : MethodOf(member);
        if (typeParameters is not null && IndexOf(typeParameters.Parameters, p => p.Identifier.ValueText == text) is var t and >= 0)
            return (method?.TypeParameters.ElementAtOrDefault(t) ?? model.GetDeclaredSymbol(typeParameters.Parameters[t])) is { } found ? Lookup.Found(found) : Lookup.Unknown;
        if (values && parameters is not null && IndexOf(parameters.Parameters, p => p.Identifier.ValueText == text) is var i and >= 0)
            return (method?.Parameters.ElementAtOrDefault(i) ?? model.GetDeclaredSymbol(parameters.Parameters[i])) is { } found ? Lookup.Found(found) : Lookup.Unknown;
        return Lookup.NotFound;
    }

    private static int IndexOf<T>(SeparatedSyntaxList<T> list, Func<T, bool> match) where T : SyntaxNode
    {
        for (var i = 0; i < list.Count; i++)
            if (match(list[i])) return i;
        return -1;
    }

    private readonly Dictionary<SyntaxNode, IMethodSymbol?> methods = [];

    /// <summary>The symbol of a method-like member, made once per member.</summary>
    public IMethodSymbol? MethodOf(SyntaxNode member)
    {
        if (!methods.TryGetValue(member, out var method)) methods[member] = method = model.GetDeclaredSymbol(member) as IMethodSymbol;
        return method;
    }

    private Lookup InType(TypeDeclarationSyntax declaration, SyntaxNode child, string text, int arity, bool typeOnly, int position)
    {
        if (arity == 0 && declaration.TypeParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == text) is { } typeParameter)
            return model.GetDeclaredSymbol(typeParameter) is { } t ? Lookup.Found(t) : Lookup.Unknown;
        // Base lists, constraints and attributes of a type are bound outside its members; primary constructor
        // parameters are in scope beside them. Both are left to binding.
        if (child is BaseListSyntax or TypeParameterConstraintClauseSyntax or AttributeListSyntax or ParameterListSyntax
            || declaration.ParameterList?.Parameters.Any(p => p.Identifier.ValueText == text) == true)
            return Lookup.Unknown;
        return InType(model.GetDeclaredSymbol(declaration), text, arity, typeOnly, position);
    }

    private Lookup InType(INamedTypeSymbol? type, string text, int arity, bool typeOnly, int position)
    {
        if (type is null or { TypeKind: TypeKind.Interface or TypeKind.Error }) return Lookup.Unknown;
        return MemberLookup.Find(model, index, type, text, arity, position, typeOnly, extensionsApply: false);
    }

    /// <summary>Names a member declares inside expressions, queries or lambdas, whose scopes are left to binding.</summary>
    /// <remarks>
    /// Each such declaration is a node whose identifier token is its only identifier child, so one pass over the
    /// member's tokens finds them all, which is cheaper than enumerating every node.
    /// </remarks>
    private HashSet<string> DeclaredLoosely(MemberDeclarationSyntax member)
    {
        if (declaredLoosely.TryGetValue(member, out var names)) return names;
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in member.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken)) continue;
            var declares = token.Parent switch
            {
                SingleVariableDesignationSyntax designation => designation.Identifier == token,
                FromClauseSyntax from => from.Identifier == token,
                LetClauseSyntax let => let.Identifier == token,
                JoinClauseSyntax join => join.Identifier == token,
                JoinIntoClauseSyntax into => into.Identifier == token,
                QueryContinuationSyntax continuation => continuation.Identifier == token,
                ParameterSyntax { Parent.Parent: AnonymousFunctionExpressionSyntax } or ParameterSyntax { Parent: SimpleLambdaExpressionSyntax } =>
                    ((ParameterSyntax)token.Parent).Identifier == token,
                _ => false,
            };
            if (declares && token.ValueText is { Length: > 0 } text) names.Add(text);
        }
        declaredLoosely[member] = names;
        return names;
    }
}
