using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>
/// What highlighting worked out for each syntax tree, kept as long as its owner keeps the memo and the tree lives: a
/// tree is immutable, and <c>serve</c> hands the trees of unchanged files back build after build, so each is then
/// neither hashed, walked, classified nor rendered again. The build session owns one; within a build it also lets the
/// walk that hashes a tree give the token starts that local ids count in. Thread-safe.
/// </summary>
internal sealed class HighlightMemo
{
    /// <summary>The hash of a tree's tokens, for the bindings key (see <see cref="SemanticKey"/>).</summary>
    public ConditionalWeakTable<SyntaxTree, byte[]> TreeHashes { get; } = [];

    /// <summary>The hash of a tree's doc comments, which the bindings key holds when the site inherits documentation.</summary>
    public ConditionalWeakTable<SyntaxTree, SemanticKey.DocText> DocTexts { get; } = [];

    /// <summary>Where each token of a tree starts (see <see cref="SymbolIdentity"/>).</summary>
    public ConditionalWeakTable<SyntaxTree, int[]> TokenStarts { get; } = [];

    /// <summary>A tree's classified spans with the bindings they came from.</summary>
    public ConditionalWeakTable<SyntaxTree, ClassifiedFile> Classified { get; } = [];

    /// <summary>A classified file's HTML with the key of the links it was rendered with.</summary>
    public ConditionalWeakTable<ClassifiedFile, Tuple<string, HighlightedSource>> Rendered { get; } = [];
}
