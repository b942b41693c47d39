using AnnotatedNorm.Highlighting.NameResolution;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>What an identifier token is: its class, the symbol it stands for, and whether it declares it.</summary>
/// <param name="Local">A local known from its declaration alone (no <paramref name="Symbol"/> is made for it).</param>
internal readonly record struct IdentifierMeaning(string? CssClass, ISymbol? Symbol, bool IsDeclaration, LocalVariable? Local = null)
{
    public static IdentifierMeaning Of(LocalVariable local, bool isDeclaration) =>
        new(local.IsConst ? HighlightClasses.Constant : HighlightClasses.Local, null, isDeclaration, local);

    public static IdentifierMeaning Keyword { get; } = new(HighlightClasses.Keyword, null, false);
    public static IdentifierMeaning Unknown { get; } = new(null, null, false);
}

/// <summary>Classifies identifier tokens with the semantic model: uses by lookup or binding, declarations by declared symbol.</summary>
/// <param name="bindEveryName">Bind each use even where looking its name up would give the same symbol (slower; tests compare the two).</param>
internal sealed class SymbolClassifier(SemanticModel model, CompilationIndex index, bool bindEveryName = false)
{
    private readonly NameResolver? resolver = bindEveryName ? null : new NameResolver(model, index);

    // Words the lexer leaves as identifiers that are keywords unless a type of that name is in scope.
    public static bool IsContextualTypeWord(string text) => text is "var" or "dynamic" or "nint" or "nuint" or "unmanaged" or "notnull";

    /// <summary>The symbol of a method-like member (made once per member when names are looked up).</summary>
    public IMethodSymbol? MethodOf(SyntaxNode member) => resolver?.MethodOf(member) ?? model.GetDeclaredSymbol(member) as IMethodSymbol;

    public IdentifierMeaning Classify(SyntaxToken token) => token.Parent switch
    {
        AttributeTargetSpecifierSyntax => IdentifierMeaning.Keyword,
        _ when DeclaresWithoutName(token) => ClassifyNamelessDeclaration(token.Parent!),
        SimpleNameSyntax name => ClassifyUse(token, name),
        { } parent => ClassifyDeclaration(token, parent),
        _ => IdentifierMeaning.Unknown,
    };

    private IdentifierMeaning ClassifyUse(SyntaxToken token, SimpleNameSyntax name)
    {
        ISymbol? symbol = null;
        LocalVariable? local = null;
        if (resolver is null || !resolver.TryResolve(name, out symbol, out local, localsBySyntax: true))
        {
            var info = model.GetSymbolInfo(name);
            symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        }
        if (local is not null)
            return IdentifierMeaning.Of(local, isDeclaration: false);
        if (IsContextualTypeWord(token.Text) && (symbol is null or IDynamicTypeSymbol || symbol.Name != token.Text))
            return IdentifierMeaning.Keyword;
        if (symbol is null)
            return token.Text == "nameof" && name.Parent is InvocationExpressionSyntax ? IdentifierMeaning.Keyword : IdentifierMeaning.Unknown;
        if (symbol is IDiscardSymbol)
            return IdentifierMeaning.Keyword;
        if (symbol is INamedTypeSymbol type && CreatedBy(name) is { } creation && HasConstructorInSource(type)
            && model.GetSymbolInfo(creation).Symbol is IMethodSymbol constructor)
            symbol = constructor;
        symbol = Target(SymbolIdentity.Canonical(symbol));
        return new(ClassOf(symbol), symbol, false);
    }

    /// <summary>
    /// The keyword that stands for the name of a member that has none: <c>operator</c> in an operator or a conversion
    /// operator, <c>this</c> in an indexer. It declares the member, so that its section can be linked from a <c>cref</c>.
    /// </summary>
    public static bool DeclaresWithoutName(SyntaxToken token) => token.Parent switch
    {
        OperatorDeclarationSyntax op => token == op.OperatorKeyword,
        ConversionOperatorDeclarationSyntax conversion => token == conversion.OperatorKeyword,
        IndexerDeclarationSyntax indexer => token == indexer.ThisKeyword,
        _ => false,
    };

    private IdentifierMeaning ClassifyNamelessDeclaration(SyntaxNode member) =>
        model.GetDeclaredSymbol(member) is { } symbol ? new(HighlightClasses.Keyword, SymbolIdentity.Canonical(symbol), true) : IdentifierMeaning.Keyword;

    private IdentifierMeaning ClassifyDeclaration(SyntaxToken token, SyntaxNode parent)
    {
        if (resolver is not null && LocalVariable.Of(parent) is { } local)
            return IdentifierMeaning.Of(local, isDeclaration: true);
        // A method's parameter comes from the method's symbol, without building the scopes inside the method.
        var symbol = resolver is not null && parent is ParameterSyntax { Parent: ParameterListSyntax { Parent: BaseMethodDeclarationSyntax method } list } parameter
            && resolver.MethodOf(method) is { } declaring && list.Parameters.IndexOf(parameter) is var index && index < declaring.Parameters.Length
            ? declaring.Parameters[index]
            : model.GetDeclaredSymbol(parent);
        // A node may declare a symbol whose name is another token (an alias, an accessor); only its own identifier counts.
        if (symbol is null || !symbol.Locations.Any(l => l.IsInSource && l.SourceSpan == token.Span && l.SourceTree == token.SyntaxTree))
            return IdentifierMeaning.Unknown;
        return new(ClassOf(symbol), SymbolIdentity.Canonical(symbol), true);
    }

    // `new X(...)` and `[X(...)]` name the constructor they call; an implicit or metadata constructor
    // has no declaration of its own to point at, so the type stands for it.
    private static ISymbol Target(ISymbol symbol) =>
        symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && !IsDeclaredInSource(constructor)
            ? constructor.ContainingType
            : symbol;

    // Only a constructor declared in source changes what a creation links to, so only then is the creation bound.
    private static bool HasConstructorInSource(INamedTypeSymbol type) =>
        type.OriginalDefinition.InstanceConstructors.Any(IsDeclaredInSource);

    private static ObjectCreationExpressionSyntax? CreatedBy(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        while (node.Parent is QualifiedNameSyntax q && q.Right == node || node.Parent is AliasQualifiedNameSyntax a && a.Name == node)
            node = node.Parent;
        return node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node ? creation : null;
    }

    public static bool IsDeclaredInSource(ISymbol symbol) =>
        !symbol.IsImplicitlyDeclared && symbol is not INamespaceSymbol && symbol.Locations.Any(l => l.IsInSource);

    public static SymbolCategory? CategoryOf(ISymbol symbol) => symbol switch
    {
        ITypeParameterSymbol => SymbolCategory.TypeParameter,
        ITypeSymbol => SymbolCategory.Type,
        IMethodSymbol => SymbolCategory.Method,
        IParameterSymbol => SymbolCategory.Parameter,
        ILocalSymbol { IsConst: true } => SymbolCategory.Constant,
        ILocalSymbol or IRangeVariableSymbol => SymbolCategory.Local,
        IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } => SymbolCategory.EnumMember,
        IFieldSymbol { IsConst: true } => SymbolCategory.Constant,
        IFieldSymbol => SymbolCategory.Field,
        IPropertySymbol => SymbolCategory.Property,
        IEventSymbol => SymbolCategory.Event,
        ILabelSymbol => SymbolCategory.Label,
        _ => null,
    };

    private static string? ClassOf(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol => HighlightClasses.Namespace,
        IDynamicTypeSymbol => HighlightClasses.Keyword,
        // A constructor or finalizer is spelled with its type's name and reads as one.
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } => HighlightClasses.Type,
        _ => CategoryOf(symbol) switch
        {
            SymbolCategory.Type => HighlightClasses.Type,
            SymbolCategory.TypeParameter => HighlightClasses.TypeParameter,
            SymbolCategory.Method => HighlightClasses.Method,
            SymbolCategory.Parameter => HighlightClasses.Parameter,
            SymbolCategory.Local => HighlightClasses.Local,
            SymbolCategory.Field => HighlightClasses.Field,
            SymbolCategory.Property => HighlightClasses.Property,
            SymbolCategory.Event => HighlightClasses.Event,
            SymbolCategory.EnumMember => HighlightClasses.EnumMember,
            SymbolCategory.Constant => HighlightClasses.Constant,
            _ => null,
        },
    };
}
