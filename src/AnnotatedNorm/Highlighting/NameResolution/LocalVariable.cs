using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// A local of a method, constructor, operator or accessor body, declared by a statement (a declaration, <c>for</c>,
/// <c>foreach</c>, <c>using</c>, <c>fixed</c> or <c>catch</c>): its class, id and declaration follow from the syntax
/// and the method's symbol, so Roslyn need not build the scopes of the method to make the local's symbol.
/// </summary>
/// <param name="Declaration">The node Roslyn gives as the local's declaring syntax.</param>
/// <param name="Function">The method, constructor, operator or accessor the local belongs to.</param>
internal sealed record LocalVariable(SyntaxNode Declaration, SyntaxToken Identifier, SyntaxNode Function, bool IsConst)
{
    public string Name => Identifier.ValueText;

    /// <summary>The local a node declares, or null where its symbol must come from Roslyn (lambdas, local functions, top-level code, patterns).</summary>
    public static LocalVariable? Of(SyntaxNode declaration)
    {
        (SyntaxToken Identifier, SyntaxNode? Statement, bool IsConst) found = declaration switch
        {
            VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax local } d => (d.Identifier, local, local.IsConst),
            VariableDeclaratorSyntax { Parent.Parent: ForStatementSyntax or UsingStatementSyntax or FixedStatementSyntax } d => (d.Identifier, d.Parent!.Parent, false),
            ForEachStatementSyntax forEach => (forEach.Identifier, forEach, false),
            CatchDeclarationSyntax { Identifier.RawKind: not 0 } caught => (caught.Identifier, caught, false),
            _ => (default, null, false),
        };
        var (identifier, statement, isConst) = found;
        if (statement is null) return null;
        for (var node = statement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return new LocalVariable(declaration, identifier, node, isConst);
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or GlobalStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }
}
