using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>Binds the crefs of doc comments with the compiler's semantic model, the way the compiler checks them.</summary>
internal sealed class CrefBinder(SemanticModel model, SymbolIdentity identity)
{
    public const string ApiReference = "https://learn.microsoft.com/dotnet/api/";

    /// <param name="cref">A cref the compiler parsed, or one with a kind prefix (<c>T:</c>, <c>M:</c>…), which it keeps as text.</param>
    public CrefTarget Bind(XmlAttributeSyntax cref) => TargetOf(SymbolOf(cref));

    /// <summary>The symbol a cref names, or null when the compiler cannot bind it.</summary>
    public ISymbol? SymbolOf(XmlAttributeSyntax cref)
    {
        try
        {
            return cref switch
            {
                XmlCrefAttributeSyntax parsed => First(model.GetSymbolInfo(parsed.Cref)),
                XmlTextAttributeSyntax id => DocumentationCommentId.GetFirstSymbolForDeclarationId(
                    string.Concat(id.TextTokens.Select(t => t.ValueText)).Trim(), model.Compilation),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>How the page links a symbol a cref names: its section, its page in the API reference, or not at all.</summary>
    public CrefTarget TargetOf(ISymbol? bound)
    {
        if (bound is null) return CrefTarget.Unbound;
        var symbol = SymbolIdentity.Canonical(bound);
        if (SymbolClassifier.IsDeclaredInSource(symbol)) return new CrefTarget(CrefTargetKind.Source, identity.IdOf(symbol));
        return IsFramework(symbol) && ApiPage(symbol) is { } url ? new CrefTarget(CrefTargetKind.Framework, url) : CrefTarget.External;
    }

    // An overloaded name without a signature is ambiguous to the compiler (a warning, not an error); it takes the
    // first overload, and so does the page.
    private static ISymbol? First(SymbolInfo info) => info.Symbol ?? info.CandidateSymbols.FirstOrDefault();

    private static bool IsFramework(ISymbol symbol)
    {
        var space = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        while (space is { ContainingNamespace.IsGlobalNamespace: false }) space = space.ContainingNamespace;
        return space is { Name: "System" or "Microsoft" };
    }

    /// <summary>
    /// The symbol's page in the .NET API reference, named after its documentation id: lower case, <c>`1</c> as
    /// <c>-1</c>, a constructor as <c>-ctor</c>, and a member's overloads on one page (no parameter list, no method arity).
    /// </summary>
    internal static string? ApiPage(ISymbol symbol)
    {
        if (symbol is ITypeParameterSymbol or IParameterSymbol or ILocalSymbol) return null;
        string? id;
        try
        {
            id = symbol.GetDocumentationCommentId();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
        if (id is not { Length: > 2 }) return null;
        var name = id[2..];
        if (name.IndexOf('(') is >= 0 and var open) name = name[..open];
        if (name.IndexOf('~') is >= 0 and var tilde) name = name[..tilde];
        var memberArity = name.IndexOf("``", StringComparison.Ordinal);
        if (memberArity >= 0) name = name[..memberArity];
        name = name.Replace("#ctor", "-ctor", StringComparison.Ordinal).Replace("#cctor", "-cctor", StringComparison.Ordinal).Replace('`', '-');
        return ApiReference + name.ToLowerInvariant();
    }
}
