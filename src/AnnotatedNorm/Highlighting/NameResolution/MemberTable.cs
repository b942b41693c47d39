using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// The members of a namespace or type by name, asked of Roslyn once per compilation and shared by every file (see <see cref="CompilationIndex"/>).
/// </summary>
/// <remarks>
/// Each call of Roslyn's <c>GetMembers(name)</c> makes a new array, and on a namespace that many assemblies share
/// (<c>System</c>, the global one) it searches every one of them; names like <c>Math</c> or <c>Length</c> are asked
/// in every file. Roslyn gives one object per symbol, so the table compares containers by reference. Thread-safe.
/// </remarks>
internal sealed class MemberTable
{
    private readonly ConcurrentDictionary<(INamespaceOrTypeSymbol Container, string Name), ImmutableArray<ISymbol>> members = new(Comparer.Instance);

    public ImmutableArray<ISymbol> Members(INamespaceOrTypeSymbol container, string name) =>
        members.TryGetValue((container, name), out var found) ? found : members.GetOrAdd((container, name), key => key.Container.GetMembers(key.Name));

    private sealed class Comparer : IEqualityComparer<(INamespaceOrTypeSymbol Container, string Name)>
    {
        public static Comparer Instance { get; } = new();

        public bool Equals((INamespaceOrTypeSymbol Container, string Name) x, (INamespaceOrTypeSymbol Container, string Name) y) =>
            ReferenceEquals(x.Container, y.Container) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((INamespaceOrTypeSymbol Container, string Name) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Container), StringComparer.Ordinal.GetHashCode(key.Name));
    }
}
