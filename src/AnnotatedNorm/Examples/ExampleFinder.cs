using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Examples;

/// <summary>Finds the methods marked <c>[Example]</c> in the syntax trees of the pages (see spec 09).</summary>
public static class ExampleFinder
{
    public static ImmutableArray<ExampleDeclaration> Find(ImmutableArray<ParsedDocument> documents, DiagnosticBag diagnostics)
    {
        var found = ImmutableArray.CreateBuilder<ExampleDeclaration>();
        foreach (var document in documents.Where(d => d.Tree is not null).OrderBy(d => d.Source.RelativePath, StringComparer.Ordinal))
            foreach (var method in document.Tree!.GetRoot().DescendantNodes(IsMemberContainer).OfType<MethodDeclarationSyntax>().Where(IsExample))
            {
                var position = method.Identifier.GetLocation().GetLineSpan().StartLinePosition;
                var line = position.Line + 1;
                var declaration = new ExampleDeclaration(Id(method), document.Source.RelativePath, document.Document.Path, line, position.Character + 1,
                    Math.Max(0, document.SectionOf(line)));
                if (!method.Modifiers.Any(SyntaxKind.StaticKeyword) || method.ParameterList.Parameters.Count > 0 || method.TypeParameterList is not null)
                    diagnostics.Add(declaration.Error("AN1001", $"example '{method.Identifier.Text}' must be a static, non-generic method without parameters"));
                else
                    found.Add(declaration);
            }
        return found.ToImmutable();
    }

    // An example is a method, so it is a member of a type: the walk goes through namespaces and types and never into
    // a member's body, which holds nearly all of a file's nodes.
    private static bool IsMemberContainer(SyntaxNode node) => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    private static bool IsExample(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => Name(a.Name) is "Example" or "ExampleAttribute");

    private static string Name(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        _ => "",
    };

    // The runner finds the method by reflection, so the name is the CLR one: namespaces joined by '.', nested types by
    // '+', and a generic type's arity after a '`'.
    private static string Id(MethodDeclarationSyntax method)
    {
        var types = method.Ancestors().OfType<TypeDeclarationSyntax>()
            .Select(t => t.TypeParameterList is { Parameters.Count: > 0 } p ? $"{t.Identifier.Text}`{p.Parameters.Count}" : t.Identifier.Text)
            .Reverse();
        var namespaces = method.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse();
        var prefix = string.Join('.', namespaces);
        return (prefix.Length > 0 ? prefix + "." : "") + string.Join('+', types) + "." + method.Identifier.Text;
    }
}
