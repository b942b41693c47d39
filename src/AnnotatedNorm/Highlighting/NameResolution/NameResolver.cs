using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// Finds the symbol a simple name stands for by looking the name up in scope, without binding the statement around
/// it, in the cases where the lookup can only find what binding would.
/// </summary>
/// <remarks>
/// Binding every statement of every file is most of a cold build's time, yet most names (locals, parameters, fields,
/// types, a method with one overload) mean the only symbol of that name in scope. Anything that needs overload
/// resolution, type inference or a special rule of the language is left to binding: the caller then asks the
/// semantic model as before.
/// </remarks>
internal sealed class NameResolver
{
    private const int MaxQualifiers = 8;

    private readonly SemanticModel model;
    private readonly ScopeLookup scopes;
    private readonly DocumentationLookup documentation;
    private readonly OverloadMatcher overloads;

    public NameResolver(SemanticModel model, CompilationIndex index)
    {
        this.model = model;
        scopes = new ScopeLookup(model, index);
        documentation = new DocumentationLookup(model, scopes);
        overloads = new OverloadMatcher(model, ArgumentType);
    }

    /// <summary>The symbol of a method-like member, made once per member.</summary>
    public IMethodSymbol? MethodOf(SyntaxNode member) => scopes.MethodOf(member);

    /// <summary>Looks <paramref name="name"/> up; true when the result is what binding gives.</summary>
    /// <param name="symbol">The symbol binding would give, or null when binding would give none (<c>var</c> as a keyword).</param>
    public bool TryResolve(SimpleNameSyntax name, out ISymbol? symbol) => TryResolve(name, out symbol, out _, localsBySyntax: false);

    /// <param name="local">A local found by its declaration, whose symbol is not made: <paramref name="symbol"/> is then null.</param>
    /// <param name="localsBySyntax">Whether a local may come back as <paramref name="local"/> rather than as its symbol.</param>
    /// <inheritdoc cref="TryResolve(SimpleNameSyntax, out ISymbol?)"/>
    public bool TryResolve(SimpleNameSyntax name, out ISymbol? symbol, out LocalVariable? local, bool localsBySyntax)
    {
        symbol = null;
        local = null;
        if (name.IsMissing) return false;
        if (name.IsPartOfStructuredTrivia())
            return documentation.Find(name) is { IsFound: true } found && (symbol = found.Symbol) is not null;
        if (!IsInPlainCode(name)) return false;
        Lookup? inScope = IsScopeName(name) ? scopes.Find(name) : null;
        if (localsBySyntax && inScope is { Local: { } declared } && !IsInvoked(name)
            && (name.Parent is not MemberAccessExpressionSyntax || LocalType(declared) is { } type && type.Name != name.Identifier.ValueText))
        {
            local = declared;
            return true;
        }
        return TryResolve(name, depth: 0, out symbol, inScope);
    }

    /// <summary>A name looked up in the scopes around it: not after a dot, and not part of a namespace declaration's name.</summary>
    private bool IsScopeName(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name != name,
        QualifiedNameSyntax qualified => qualified.Right != name && NamespaceDeclared(name) is null,
        AliasQualifiedNameSyntax or MemberBindingExpressionSyntax => false,
        _ => true,
    };

    /// <param name="inScope">What the scopes around the name give it, when already looked up.</param>
    private bool TryResolve(SimpleNameSyntax name, int depth, out ISymbol? symbol, Lookup? inScope = null)
    {
        symbol = null;
        if (NamespaceDeclared(name) is { } declared)
        {
            symbol = declared;
            return true;
        }
        Lookup found;
        switch (name.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == name:
                if (!access.IsKind(SyntaxKind.SimpleMemberAccessExpression) || ContainerOf(access.Expression, depth) is not { } container)
                    return false;
                found = container.Namespace is { } ns
                    ? NamespaceLookup.MemberOf(model, scopes.Index, ns, name.Identifier.ValueText, name.Arity, name.SpanStart)
                    : MemberLookup.Find(model, scopes.Index, container.Type!, name.Identifier.ValueText, name.Arity, name.SpanStart, typeOnly: false, extensionsApply: !container.IsType);
                if (found.Overloads is { } overloads && this.overloads.Exact(name, overloads, container.IsType ? OverloadMatcher.Receiver.Type : OverloadMatcher.Receiver.Value) is { } exact)
                    found = Lookup.Found(exact);
                break;
            case QualifiedNameSyntax qualified when qualified.Right == name:
                if (ContainerOf(qualified.Left, depth) is not { } left) return false;
                found = left.Namespace is { } space
                    ? NamespaceLookup.MemberOf(model, scopes.Index, space, name.Identifier.ValueText, name.Arity, name.SpanStart)
                    : MemberLookup.Find(model, scopes.Index, left.Type!, name.Identifier.ValueText, name.Arity, name.SpanStart, typeOnly: true, extensionsApply: false);
                break;
            case AliasQualifiedNameSyntax or MemberBindingExpressionSyntax:
                return false;
            default:
                found = inScope ?? scopes.Find(name);
                if (found.Local is { } local)
                    found = model.GetDeclaredSymbol(local.Declaration) is { } made ? Lookup.Found(made) : Lookup.Unknown;
                if (found.Overloads is { } group && this.overloads.Exact(name, group, OverloadMatcher.Receiver.Implicit) is { } match)
                    found = Lookup.Found(match);
                // Nothing in scope: `var` is then a keyword and `nameof` an operator (Accept tells), anything else an error.
                if (found is { IsKnown: true, IsFound: false })
                    found = Lookup.Found(null);
                break;
        }
        return found.IsFound && Accept(name, found.Symbol, out symbol);
    }

    /// <summary>A part of the name of a namespace declaration stands for the namespace it names.</summary>
    private INamespaceSymbol? NamespaceDeclared(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        var partsToTheRight = 0;
        for (; node.Parent is QualifiedNameSyntax qualified; node = qualified)
            if (qualified.Left == node) partsToTheRight++;
        if (node.Parent is not BaseNamespaceDeclarationSyntax declaration || declaration.Name != node) return null;
        var space = model.GetDeclaredSymbol(declaration) as INamespaceSymbol;
        for (var i = 0; i < partsToTheRight && space is not null; i++) space = space.ContainingNamespace;
        return space;
    }

    /// <summary>The type of the variable, parameter, field or property a name given as an argument stands for, if lookup alone can tell.</summary>
    private ITypeSymbol? ArgumentType(SimpleNameSyntax name)
    {
        if (!IsInPlainCode(name)) return null;
        if (LocalOf(name) is { } local)
            return local.IsConst ? null : LocalType(local) ?? (model.GetDeclaredSymbol(local.Declaration) as ILocalSymbol)?.Type;
        if (!TryResolve(name, depth: 1, out var symbol)) return null;
        var type = symbol switch
        {
            IParameterSymbol { RefKind: RefKind.None } parameter => parameter.Type,
            IFieldSymbol { IsConst: false } field => field.Type,
            IPropertySymbol { ReturnsByRef: false, ReturnsByRefReadonly: false } property => property.Type,
            _ => null,
        };
        // Dynamic converts to anything by identity, and a constant's value may fit a narrower type: both are left to binding.
        return type is { TypeKind: TypeKind.Dynamic or TypeKind.Error } ? null : type;
    }

    /// <summary>The local a plain name stands for, when found by its declaration.</summary>
    private LocalVariable? LocalOf(SimpleNameSyntax name) =>
        name.Parent is not QualifiedNameSyntax && IsScopeName(name) && scopes.Find(name) is { Local: { } local } ? local : null;

    /// <summary>
    /// A local's type when its declaration spells it: a predefined or named type or an array of one, or for <c>var</c>
    /// a literal or a creation; null when only binding its initializer can tell.
    /// </summary>
    private ITypeSymbol? LocalType(LocalVariable local)
    {
        var declared = local.Declaration switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            ForEachStatementSyntax forEach => forEach.Type,
            CatchDeclarationSyntax caught => caught.Type,
            _ => null,
        };
        if (declared is IdentifierNameSyntax { IsVar: true } implicitType)
        {
            // `var` is a keyword unless a type of that name is in scope.
            if (!TryResolve(implicitType, depth: 1, out var varType) || varType is not null) return varType as ITypeSymbol;
            return (local.Declaration as VariableDeclaratorSyntax)?.Initializer?.Value switch
            {
                LiteralExpressionSyntax literal => OverloadMatcher.LiteralType(model.Compilation, literal),
                ArrayCreationExpressionSyntax { Type: var array } => TypeOfSyntax(array),
                ObjectCreationExpressionSyntax { Type: var created } => TypeOfSyntax(created),
                _ => null,
            };
        }
        return declared is null ? null : TypeOfSyntax(declared);
    }

    private ITypeSymbol? TypeOfSyntax(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => SpecialTypeOf(predefined.Keyword.Kind()) is { } special ? model.Compilation.GetSpecialType(special) : null,
        ArrayTypeSyntax { RankSpecifiers: [{ Rank: 1 }] } array when TypeOfSyntax(array.ElementType) is { } element => model.Compilation.CreateArrayTypeSymbol(element),
        IdentifierNameSyntax name => TryResolve(name, depth: 1, out var symbol) && symbol is INamedTypeSymbol { Arity: 0, TypeKind: not TypeKind.Error } named ? named : null,
        QualifiedNameSyntax { Right: IdentifierNameSyntax right } => TryResolve(right, depth: 1, out var symbol) && symbol is INamedTypeSymbol { Arity: 0, TypeKind: not TypeKind.Error } named ? named : null,
        _ => null,
    };

    private static bool Accept(SimpleNameSyntax name, ISymbol? only, out ISymbol? symbol)
    {
        symbol = only;
        if (only is null)
        {
            // `var` and its kin are keywords when no type of that name is in scope, `nameof` an operator when nothing is.
            return name is IdentifierNameSyntax && (SyntaxFacts.IsInTypeOnlyContext(name) && SymbolClassifier.IsContextualTypeWord(name.Identifier.ValueText)
                || name.Identifier.ValueText == "nameof" && IsInvoked(name));
        }
        var invoked = IsInvoked(name);
        return only switch
        {
            // Invoking a name considers only what can be invoked, so a field may hide a method from binding but not from lookup.
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } => true,
            INamespaceSymbol or INamedTypeSymbol { TypeKind: not TypeKind.Error } or ITypeParameterSymbol => !invoked,
            ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol => !invoked && !IsColorColor(name, only),
            _ => false,
        };
    }

    private readonly record struct Container(INamespaceSymbol? Namespace, ITypeSymbol? Type, bool IsType = false);

    /// <summary>What the left of a dot is, when it can be known without binding: a namespace, a type, or the type of a variable.</summary>
    private Container? ContainerOf(ExpressionSyntax left, int depth)
    {
        if (depth >= MaxQualifiers) return null;
        switch (left)
        {
            case ThisExpressionSyntax:
                return ThisType(left) is { } containing ? new Container(null, containing) : null;
            case PredefinedTypeSyntax predefined:
                return AsContainer(TypeOfSyntax(predefined), isType: true);
            case QualifiedNameSyntax qualified:
                return ContainerOf(qualified.Right, depth + 1);
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                return ContainerOf(access.Name, depth + 1);
            case SimpleNameSyntax simple when LocalOf(simple) is { } local && LocalType(local) is { } localType:
                // A variable whose type has its own name (`Color Color`) may stand for the type: binding decides.
                return localType.Name != simple.Identifier.ValueText ? AsContainer(localType, isType: false) : null;
            case SimpleNameSyntax simple when TryResolve(simple, depth + 1, out var symbol) && symbol is not null:
                if (symbol is INamespaceSymbol space) return new Container(space, null);
                ITypeSymbol? type = symbol switch
                {
                    INamedTypeSymbol named => named,
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                return AsContainer(type, isType: symbol is INamedTypeSymbol);
            default:
                return null;
        }
    }

    // Interfaces, type parameters and dynamic have lookup rules of their own: binding handles them.
    private static Container? AsContainer(ITypeSymbol? type, bool isType) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Enum or TypeKind.Delegate } or IArrayTypeSymbol
            ? new Container(null, type, isType)
            : null;

    /// <summary>The type <c>this</c> stands for, or null where it stands for nothing (static code, field initializers).</summary>
    private INamedTypeSymbol? ThisType(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            switch (n)
            {
                case LocalFunctionStatementSyntax { Modifiers: var m } when m.Any(SyntaxKind.StaticKeyword):
                case AnonymousFunctionExpressionSyntax { Modifiers: var a } when a.Any(SyntaxKind.StaticKeyword):
                case MemberDeclarationSyntax { Modifiers: var d } when d.Any(SyntaxKind.StaticKeyword):
                case BaseFieldDeclarationSyntax or ConstructorInitializerSyntax or GlobalStatementSyntax or BaseNamespaceDeclarationSyntax:
                    return null;
                case TypeDeclarationSyntax type:
                    return model.GetDeclaredSymbol(type);
            }
        }
        return null;
    }

    // A variable whose type has its own name (`Color Color`) may stand for the type before a dot: binding decides.
    private static bool IsColorColor(SimpleNameSyntax name, ISymbol symbol) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Expression == name
        && symbol switch
        {
            ILocalSymbol l => l.Type.Name,
            IParameterSymbol p => p.Type.Name,
            IFieldSymbol f => f.Type.Name,
            IPropertySymbol p => p.Type.Name,
            _ => null,
        } == name.Identifier.ValueText;

    public static bool IsInvoked(SimpleNameSyntax name)
    {
        ExpressionSyntax node = name;
        if (node.Parent is MemberAccessExpressionSyntax access && access.Name == name) node = access;
        return node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node;
    }

    /// <summary>
    /// False where the language gives a name a meaning other than plain lookup, or where a position's scope is only
    /// known by binding: attributes, named arguments and initializers, patterns, lambdas, queries, <c>goto</c>, using
    /// directives other than a file's plain namespace imports, and documentation comments (which have their own lookup).
    /// </summary>
    private static bool IsInPlainCode(SimpleNameSyntax name)
    {
        if (name.IsPartOfStructuredTrivia()) return false;
        if (name.Parent is NameColonSyntax or NameEqualsSyntax or ExpressionColonSyntax or GotoStatementSyntax) return false;
        if (name.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == name) return false;
        for (var node = name.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or QueryExpressionSyntax or AttributeSyntax or PatternSyntax
                    or CaseSwitchLabelSyntax or ExternAliasDirectiveSyntax or CrefSyntax or FunctionPointerTypeSyntax:
                    return false;
                // A using directive of the file names a namespace from the global one; aliases, static imports and
                // usings inside a namespace are bound.
                case UsingDirectiveSyntax directive:
                    return directive is { Alias: null, Parent: CompilationUnitSyntax } && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword);
                case MemberDeclarationSyntax or CompilationUnitSyntax:
                    return true;
            }
        }
        return true;
    }

    private static SpecialType? SpecialTypeOf(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
        SyntaxKind.ByteKeyword => SpecialType.System_Byte,
        SyntaxKind.SByteKeyword => SpecialType.System_SByte,
        SyntaxKind.ShortKeyword => SpecialType.System_Int16,
        SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
        SyntaxKind.IntKeyword => SpecialType.System_Int32,
        SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
        SyntaxKind.LongKeyword => SpecialType.System_Int64,
        SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
        SyntaxKind.FloatKeyword => SpecialType.System_Single,
        SyntaxKind.DoubleKeyword => SpecialType.System_Double,
        SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
        SyntaxKind.CharKeyword => SpecialType.System_Char,
        SyntaxKind.StringKeyword => SpecialType.System_String,
        SyntaxKind.ObjectKeyword => SpecialType.System_Object,
        _ => null,
    };
}
