using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// Finds the members of a type that a name means, as the language's member lookup does: the most derived type that
/// declares the name wins, unless what it declares are methods, to which the whole hierarchy adds.
/// </summary>
internal static class MemberLookup
{
    /// <param name="typeOnly">Only nested types count (the name stands where a type must).</param>
    /// <param name="extensionsApply">The name follows a value and a dot, so an extension method could be what it calls.</param>
    /// <returns>The one member; nothing; or unknown, with the methods when several overloads need resolving.</returns>
    public static Lookup Find(SemanticModel model, CompilationIndex index, ITypeSymbol container, string text, int arity, int position, bool typeOnly, bool extensionsApply)
    {
        List<ISymbol>? found = null;
        for (var type = container is IArrayTypeSymbol ? container.BaseType : container; type is not null; type = type.BaseType)
        {
            foreach (var member in index.Members.Members(type, text))
            {
                var fits = member switch
                {
                    INamedTypeSymbol nested => nested.Arity == arity,
                    IMethodSymbol method => !typeOnly && (arity == 0 || method.Arity == arity),
                    _ => !typeOnly && arity == 0,
                };
                if (!fits) continue;
                // A member the code may not see is passed over by lookup, which binding does its own way.
                if (!IsAccessible(model, member, position)) return Lookup.Unknown;
                (found ??= []).Add(member);
            }
            // Anything but methods hides what the base types declare under the name.
            if (found is not null && found.Any(m => m is not IMethodSymbol))
                return found.Count == 1 ? Lookup.Found(found[0]) : Lookup.Unknown;
        }
        if (found is null) return Lookup.NotFound;
        // An extension method of that name could win over an instance method that does not apply.
        if (extensionsApply && (index.ExtensionNames is not { } extensions || extensions.Contains(text))) return Lookup.Unknown;
        return found.Count == 1 ? Lookup.Found(found[0]) : Lookup.Among([.. found.Cast<IMethodSymbol>()]);
    }

    /// <summary>
    /// Whether code at <paramref name="position"/> may use the symbol. Public, internal and private access are
    /// decided from declarations; only protected access asks the binder, which would build the scope of the member
    /// the position is in.
    /// </summary>
    public static bool IsAccessible(SemanticModel model, ISymbol symbol, int position)
    {
        for (var s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            var granted = s.DeclaredAccessibility switch
            {
                Accessibility.Public => true,
                // Code of this compilation sees everything internal to it; internals of a reference need their attribute.
                Accessibility.Internal => SymbolEqualityComparer.Default.Equals(s.ContainingAssembly, model.Compilation.Assembly) ? true : (bool?)null,
                // Private means inside the text of the declaring type, nested types included.
                Accessibility.Private => s.ContainingType is { } owner
                    && owner.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == model.SyntaxTree && r.Span.Contains(position)) ? true : null,
                _ => null,
            };
            if (granted is null) return model.IsAccessible(position, symbol);
        }
        return true;
    }
}
