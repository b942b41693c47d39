using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// The names of the extension members that code of a compilation might reach: those of every namespace it imports or
/// is declared in, and of every type it imports with <c>using static</c>. A name outside the set cannot bind to one.
/// </summary>
internal static class ExtensionNames
{
    /// <summary>The names, or null when a <c>using static</c> type could not be found and any name might be one.</summary>
    public static FrozenSet<string>? Collect(Compilation compilation)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal) { "" };
        var staticImports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                switch (node)
                {
                    case UsingDirectiveSyntax { Alias: null, Name: { } name } directive:
                        (directive.StaticKeyword.Span.Length > 0 ? staticImports : namespaces).Add(Unqualified(name.ToString()));
                        break;
                    case BaseNamespaceDeclarationSyntax declaration:
                        // Code in a namespace sees the extension members of it and of every namespace around it.
                        var parts = Unqualified(declaration.Name.ToString()).Split('.');
                        var outer = declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(d => Unqualified(d.Name.ToString()));
                        var prefix = string.Join('.', outer.Reverse());
                        foreach (var part in parts)
                        {
                            prefix = prefix.Length == 0 ? part : prefix + "." + part;
                            namespaces.Add(prefix);
                        }
                        break;
                }
            }
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var space in namespaces)
            if (NamespaceNamed(compilation, space) is { } found)
                foreach (var type in found.GetTypeMembers())
                    AddExtensionMembers(type, names, imported: false);
        foreach (var typeName in staticImports)
        {
            if (compilation.GetTypeByMetadataName(typeName) is not { } type) return null;
            AddExtensionMembers(type, names, imported: true);
        }
        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    private static void AddExtensionMembers(INamedTypeSymbol type, HashSet<string> names, bool imported)
    {
        if (!imported && !type.MightContainExtensionMethods && !type.IsStatic) return;
        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsExtensionMethod: true }) names.Add(member.Name);
            else if (member is INamedTypeSymbol { IsExtension: true } extension)
                foreach (var extended in extension.GetMembers()) names.Add(extended.Name);
        }
    }

    private static INamespaceSymbol? NamespaceNamed(Compilation compilation, string name)
    {
        INamespaceSymbol? space = compilation.GlobalNamespace;
        if (name.Length == 0) return space;
        foreach (var part in name.Split('.'))
        {
            space = space.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            if (space is null) return null;
        }
        return space;
    }

    private static string Unqualified(string name) =>
        string.Concat(name.Replace("global::", "", StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c)));
}
