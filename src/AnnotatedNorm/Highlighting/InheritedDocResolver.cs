using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>
/// Finds the documentation an <c>&lt;inheritdoc&gt;</c> brings in, by the rules the C# tools follow: from its
/// <c>cref</c>, else from the member it overrides or the interface member it implements (a constructor from the base
/// type's constructor of the same signature; a class from its base class, an interface or a struct from its first
/// interface). The documentation of the site's own symbols comes from their comments, that of referenced assemblies
/// from the XML documentation file beside each.
/// </summary>
/// <remarks>One instance serves one compilation; it reads each documentation file once. Thread-safe.</remarks>
internal sealed class InheritedDocResolver(Compilation compilation)
{
    public const string NothingToInherit = "AN0605";
    public const string BadPath = "AN0606";

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> files = new(StringComparer.Ordinal);

    /// <summary>What one <c>&lt;inheritdoc&gt;</c> of a file brings in, with the <c>cref</c>s of what it brings bound.</summary>
    /// <param name="crefs">Binds the element's own <c>cref</c>, in the file's semantic model.</param>
    public InheritedDoc Resolve(XmlNodeSyntax element, CrefBinder crefs, SemanticModel model, LineMap lines)
    {
        var (line, column) = DocCommentReader.PositionOf(element, lines);
        var attributes = element switch
        {
            XmlEmptyElementSyntax empty => empty.Attributes,
            XmlElementSyntax full => full.StartTag.Attributes,
            _ => default,
        };
        var crefAttribute = attributes.FirstOrDefault(a => a.Name.LocalName.ValueText == "cref");
        var pathAttribute = attributes.OfType<XmlTextAttributeSyntax>().FirstOrDefault(a => a.Name.LocalName.ValueText == "path");
        var comment = element.FirstAncestorOrSelf<DocumentationCommentTriviaSyntax>();
        var member = comment is null ? null : DocumentedSymbol(comment, model);
        ISymbol? cref = crefAttribute is null ? null : crefs.SymbolOf(crefAttribute);
        // An unbound cref is reported as such where it stands; a comment on no member is not documentation at all.
        if (member is null || crefAttribute is not null && cref is null) return new(line, column, null, []);

        var enclosing = element.Ancestors().TakeWhile(a => a != comment).OfType<XmlElementSyntax>()
            .Select(e => e.StartTag.Name.LocalName.ValueText).Reverse().ToList();
        var local = comment!.Content.Select(n => n switch
        {
            XmlElementSyntax e => KeyOf(e.StartTag.Name.LocalName.ValueText, e.StartTag.Attributes),
            XmlEmptyElementSyntax e => KeyOf(e.Name.LocalName.ValueText, e.Attributes),
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var path = pathAttribute is null ? null : System.Net.WebUtility.HtmlDecode(string.Concat(pathAttribute.TextTokens.Select(t => t.Text)));

        var (nodes, code, message) = Resolve(member, cref, path, enclosing, local);
        if (nodes is null) return new(line, column, null, [], code, message);
        var bound = nodes.OfType<XElement>().SelectMany(e => e.DescendantsAndSelf()).Select(e => (string?)e.Attribute("cref")).OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(id => KeyValuePair.Create(id, crefs.TargetOf(DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation))));
        return new(line, column, string.Concat(nodes.Select(n => n.ToString(SaveOptions.DisableFormatting))), [.. bound]);

        static string KeyOf(string name, SyntaxList<XmlAttributeSyntax> attributes)
        {
            var named = attributes.FirstOrDefault(a => a.Name.LocalName.ValueText is "name") ?? attributes.FirstOrDefault(a => a.Name.LocalName.ValueText is "cref");
            var value = named switch
            {
                XmlNameAttributeSyntax n => n.Identifier.Identifier.ValueText,
                XmlCrefAttributeSyntax c => c.Cref.ToString(),
                XmlTextAttributeSyntax t => string.Concat(t.TextTokens.Select(x => x.ValueText)),
                _ => "",
            };
            return name + "|" + value;
        }
    }

    /// <summary>The symbol a doc comment documents: the member, type or first field its comment stands before.</summary>
    private static ISymbol? DocumentedSymbol(DocumentationCommentTriviaSyntax comment, SemanticModel model)
    {
        var member = comment.ParentTrivia.Token.Parent?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        return member switch
        {
            BaseFieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault() is { } variable ? model.GetDeclaredSymbol(variable) : null,
            null => null,
            _ => model.GetDeclaredSymbol(member),
        };
    }

    /// <summary>The nodes to put in place of one <c>&lt;inheritdoc&gt;</c>, or the reason there are none.</summary>
    /// <param name="member">The symbol the comment documents.</param>
    /// <param name="cref">The symbol of the element's <c>cref</c>, or null when it has none.</param>
    /// <param name="path">The element's <c>path</c> (an XPath expression over the inherited documentation), or null.</param>
    /// <param name="enclosing">The names of the elements around the <c>&lt;inheritdoc&gt;</c>, outermost first; empty at the top level.</param>
    /// <param name="local">The top-level elements the comment has itself, which a top-level <c>&lt;inheritdoc/&gt;</c> does not repeat.</param>
    public (IReadOnlyList<XNode>? Nodes, string? Code, string? Message) Resolve(ISymbol member, ISymbol? cref, string? path,
        IReadOnlyList<string> enclosing, IReadOnlySet<string> local)
    {
        var source = cref ?? Candidate(member);
        if (source is null)
            return (null, NothingToInherit, $"<inheritdoc/> has nothing to inherit from: '{member.Name}' overrides or implements no member, and names none with cref");
        var documentation = DocumentationOf(source, new HashSet<ISymbol>(SymbolEqualityComparer.Default) { member.OriginalDefinition });
        if (documentation is null || !documentation.Nodes().Any(n => n is XElement))
            return (null, NothingToInherit, $"<inheritdoc/> has nothing to inherit: '{source.ToDisplayString()}' has no documentation this build can read");
        if (path is not null)
        {
            try
            {
                var selected = ((IEnumerable<object>)new XDocument(documentation).XPathEvaluate(path.StartsWith('/') ? "/*" + path : path))
                    .Select(n => n switch { XNode node => node, XAttribute attribute => new XText(attribute.Value), _ => null })
                    .OfType<XNode>().ToList();
                return (selected, null, null);
            }
            catch (XPathException e)
            {
                return (null, BadPath, $"<inheritdoc path=\"{path}\"> is not an XPath expression this build can evaluate: {e.Message}");
            }
        }
        if (enclosing.Count == 0)
            return ([.. documentation.Elements().Where(e => e.Name.LocalName != "overloads" && !local.Contains(KeyOf(e)))], null, null);
        var match = documentation;
        foreach (var name in enclosing) match = match?.Elements(name).FirstOrDefault();
        return (match is null ? [] : [.. match.Nodes()], null, null);
    }

    /// <summary>Tells a top-level element from the others of its name: a parameter by its name, an exception by its type.</summary>
    public static string KeyOf(XElement element) =>
        element.Name.LocalName + "|" + ((string?)element.Attribute("name") ?? (string?)element.Attribute("cref") ?? "");

    /// <summary>The symbol a member or type inherits its documentation from when no <c>cref</c> says, or null.</summary>
    internal static ISymbol? Candidate(ISymbol member)
    {
        var explicitImplementation = member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.FirstOrDefault<ISymbol>(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations.FirstOrDefault(),
            IEventSymbol e => e.ExplicitInterfaceImplementations.FirstOrDefault(),
            _ => null,
        };
        if (explicitImplementation is not null) return explicitImplementation;
        switch (member)
        {
            case IMethodSymbol { IsOverride: true, OverriddenMethod: { } overridden }: return overridden;
            case IPropertySymbol { IsOverride: true, OverriddenProperty: { } overridden }: return overridden;
            case IEventSymbol { IsOverride: true, OverriddenEvent: { } overridden }: return overridden;
            case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                return constructor.ContainingType.BaseType?.InstanceConstructors.FirstOrDefault(c =>
                    c.Parameters.Select(p => p.Type).SequenceEqual(constructor.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default));
            case INamedTypeSymbol { TypeKind: TypeKind.Class, BaseType: { SpecialType: not SpecialType.System_Object } baseType }: return baseType;
            case INamedTypeSymbol type: return type.Interfaces.FirstOrDefault();
        }
        var containing = member.ContainingType;
        if (containing is null) return null;
        foreach (var contract in containing.AllInterfaces)
            foreach (var candidate in contract.GetMembers(member.Name))
                if (SymbolEqualityComparer.Default.Equals(containing.FindImplementationForInterfaceMember(candidate), member))
                    return candidate;
        return null;
    }

    /// <summary>A symbol's documentation as one element (its top-level elements inside), with its own <c>&lt;inheritdoc&gt;</c>s resolved; null when it has none.</summary>
    private XElement? DocumentationOf(ISymbol symbol, HashSet<ISymbol> visited)
    {
        symbol = symbol.OriginalDefinition;
        if (!visited.Add(symbol)) return null;
        var xml = Xml(symbol);
        if (string.IsNullOrWhiteSpace(xml)) return null;
        XElement documentation;
        try
        {
            documentation = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }
        if (!symbol.Locations.Any(l => l.IsInSource)) EscapeDollars(documentation);
        foreach (var nested in documentation.Descendants("inheritdoc").ToList())
        {
            var from = (string?)nested.Attribute("cref") is { } id ? DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) : Candidate(symbol);
            var inherited = from is null ? null : DocumentationOf(from, visited);
            if (inherited is null) { nested.Remove(); continue; }
            var enclosing = nested.Ancestors().TakeWhile(a => a != documentation).Reverse().Select(a => a.Name.LocalName).ToList();
            IEnumerable<XNode> replacement = inherited.Elements().Where(e => e.Name.LocalName != "overloads");
            if (enclosing.Count > 0)
            {
                var match = inherited;
                foreach (var name in enclosing) match = match?.Elements(name).FirstOrDefault();
                replacement = match?.Nodes() ?? [];
            }
            else
            {
                var local = documentation.Elements().Select(KeyOf).ToHashSet(StringComparer.Ordinal);
                replacement = replacement.OfType<XElement>().Where(e => !local.Contains(KeyOf(e)));
            }
            nested.ReplaceWith([.. replacement]);
        }
        return documentation;
    }

    /// <summary>The documentation XML of a symbol: the compiler's reading of a comment in the sources, else the entry of the assembly's documentation file.</summary>
    private string? Xml(ISymbol symbol)
    {
        if (symbol.Locations.Any(l => l.IsInSource)) return symbol.GetDocumentationCommentXml(expandIncludes: false);
        if (compilation.GetMetadataReference(symbol.ContainingAssembly) is not PortableExecutableReference { FilePath: { } assembly }) return null;
        var entries = files.GetOrAdd(assembly, a => new Lazy<IReadOnlyDictionary<string, string>>(() => ReadDocumentationFile(Path.ChangeExtension(a, ".xml")))).Value;
        return symbol.GetDocumentationCommentId() is { } id && entries.TryGetValue(id, out var member) ? member : null;
    }

    /// <summary>Every <c>member</c> of an assembly's documentation file by its id; empty when there is no readable file.</summary>
    private static IReadOnlyDictionary<string, string> ReadDocumentationFile(string path)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return members;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "member" && reader.GetAttribute("name") is { } name)
                    members.TryAdd(name, reader.ReadOuterXml());
                else
                    reader.Read();
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
        }
        return members;
    }

    /// <summary>
    /// A referenced library's documentation is text, not the site's Markdown: its dollar signs stay dollar signs
    /// (the escape every math setting reads as one) rather than opening a formula.
    /// </summary>
    private static void EscapeDollars(XElement documentation)
    {
        foreach (var text in documentation.DescendantNodes().OfType<XText>())
            if (text.Value.Contains('$', StringComparison.Ordinal) && text.Parent?.Name.LocalName is not ("c" or "code"))
                text.Value = text.Value.Replace("$", "\\$", StringComparison.Ordinal);
    }
}
