using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Highlighting;

/// <summary>
/// A hash of everything identifier binding depends on: the tokens of every file (comments and whitespace left out),
/// the <c>cref</c>s of doc comments, the preprocessor directives, the options and references, and the highlighter.
/// </summary>
/// <remarks>
/// A syntax tree is a function of its tokens, and binding is a function of the trees and the references, so two
/// builds with equal keys bind every identifier alike, token for token. Commentary is trivia: editing it, or adding
/// and removing commentary lines, keeps the key, which is what lets a build reuse the bindings of the previous one.
/// </remarks>
internal static partial class SemanticKey
{
    /// <param name="memo">Where each tree's hash and token starts are kept: a tree is immutable, so its hash is computed once.</param>
    public static string Of(IReadOnlyList<SyntaxTree> trees, CodeHighlighterOptions options, HighlightMemo? memo = null)
    {
        memo ??= new HighlightMemo();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"annotatednorm-bindings v2 {typeof(SemanticKey).Assembly.ManifestModule.ModuleVersionId} {RuntimeInformation.FrameworkDescription}");
        Append(hash, $"symbols {string.Join(',', options.PreprocessorSymbols)}");
        Append(hash, $"usings {string.Join(',', options.GlobalUsings)}");
        Append(hash, $"language {options.LanguageVersion} nullable {options.Nullable}");
        foreach (var reference in options.ReferencePaths.Select(Path.GetFullPath).Order(StringComparer.Ordinal))
            Append(hash, "reference " + Session.FileIdentity.Stamp(reference));
        var files = new byte[trees.Count][];
        Parallel.For(0, trees.Count, i => files[i] = memo.TreeHashes.GetValue(trees[i], tree => OfTree(tree, memo)));
        for (var i = 0; i < trees.Count; i++)
        {
            Append(hash, "file " + trees[i].FilePath);
            hash.AppendData(files[i]);
        }
        // What an <inheritdoc/> brings in is the text of another member's comment, which the tokens leave out: a site
        // that inherits any has the text of every doc comment in its key.
        var docs = new DocText[trees.Count];
        Parallel.For(0, trees.Count, i => docs[i] = memo.DocTexts.GetValue(trees[i], DocTextOf));
        if (docs.Any(d => d.Inherits))
            foreach (var doc in docs) hash.AppendData(doc.Hash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A hash of the text of a tree's doc comments, and whether any has an <c>&lt;inheritdoc&gt;</c>.</summary>
    internal sealed record DocText(bool Inherits, byte[] Hash);

    private static DocText DocTextOf(SyntaxTree tree)
    {
        var text = tree.GetText().ToString();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var comment in DocCommentReader.DocComments(tree, text))
            hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan(comment.FullSpan.Start, comment.FullSpan.Length)));
        return new DocText(text.Contains("<inheritdoc", StringComparison.Ordinal), hash.GetHashAndReset());
    }

    private static byte[] OfTree(SyntaxTree tree, HighlightMemo memo)
    {
        var writer = new TokenWriter(tree.GetText());
        // The walk over the tree's tokens also gives where each starts, which the ids of locals count in.
        memo.TokenStarts.AddOrUpdate(tree, writer.WriteTree(tree.GetRoot()));
        return writer.Finish();
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
}
