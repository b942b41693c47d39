using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Highlighting;

/// <summary>Finds the declaration a <c>cref</c> names with dictionary lookups, where a scan per cref would grow with the site.</summary>
/// <remarks>
/// Three tries, each taking the first declaration in source order that matches: the exact documentation id
/// (<c>M:Ns.Type.Method(System.Double)</c>); the id without its kind prefix, whole or up to a parameter list
/// (<c>Ns.Type.Method</c>); and any dot-separated tail of the id, whole or up to a parameter list (<c>Type.Method</c>).
/// </remarks>
internal sealed class CrefIndex
{
    private readonly Dictionary<string, int> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> qualified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> tail = new(StringComparer.Ordinal);
    private readonly ImmutableArray<SymbolDeclaration> all;
    private readonly ConcurrentDictionary<string, SymbolDeclaration?> found = new(StringComparer.Ordinal);

    public CrefIndex(ImmutableArray<SymbolDeclaration> declarations)
    {
        all = declarations;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].DocumentationId is not { Length: > 2 } id) continue;
            exact.TryAdd(id, i);
            var name = id[2..];
            qualified.TryAdd(name, i);
            foreach (var head in BeforeParentheses(name)) qualified.TryAdd(head, i);
            for (var dot = id.IndexOf('.'); dot >= 0; dot = id.IndexOf('.', dot + 1))
            {
                var rest = id[(dot + 1)..];
                tail.TryAdd(rest, i);
                foreach (var head in BeforeParentheses(rest)) tail.TryAdd(head, i);
            }
        }
    }

    public SymbolDeclaration? Find(string cref) => found.GetOrAdd(cref, c =>
    {
        var name = c.Length > 2 && c[1] == ':' ? c[2..] : c;
        return exact.TryGetValue(c, out var i) || qualified.TryGetValue(name, out i) || tail.TryGetValue(name, out i) ? all[i] : null;
    });

    private static IEnumerable<string> BeforeParentheses(string text)
    {
        for (var open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
            yield return text[..open];
    }
}
