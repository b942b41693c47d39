using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AnnotatedNorm.Highlighting;

internal static partial class SemanticKey
{
    /// <summary>Hashes the kind and text of every token of a tree that binding reads, in source order, without building strings.</summary>
    private sealed class TokenWriter(SourceText text)
    {
        private const int Capacity = 8192;

        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly char[] buffer = ArrayPool<char>.Shared.Rent(Capacity);
        private int length;

        /// <summary>Writes the tokens of a whole tree; returns where each of its own tokens (not those in trivia) starts.</summary>
        public int[] WriteTree(SyntaxNode root)
        {
            var starts = new List<int>(root.FullSpan.Length / 4);
            WriteTokensOf(root, starts);
            return [.. starts];
        }

        /// <param name="starts">Where to note the start of each of the node's own tokens, or null.</param>
        public void WriteTokensOf(SyntaxNode node, List<int>? starts = null)
        {
            foreach (var token in node.DescendantTokens())
            {
                starts?.Add(token.SpanStart);
                WriteStructuresOf(token.LeadingTrivia);
                Write(token);
                WriteStructuresOf(token.TrailingTrivia);
            }
        }

        public byte[] Finish()
        {
            Flush();
            ArrayPool<char>.Shared.Return(buffer);
            var result = hash.GetHashAndReset();
            hash.Dispose();
            return result;
        }

        private void WriteStructuresOf(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                if (!item.HasStructure) continue;
                if (!item.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !item.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
                    WriteTokensOf(item.GetStructure()!);
                // Of a doc comment only its crefs are bound, and the rest is commentary; a comment whose text has no
                // "cref" has none, so its structure (built under a lock Roslyn shares between threads) is not needed.
                else if (Mentions(item.FullSpan, "cref"))
                    foreach (var node in item.GetStructure()!.DescendantNodes(node => node is not CrefSyntax))
                    {
                        // A cref with a kind prefix (T:Ns.Type) is an id the compiler takes as text, bound by its characters.
                        if (node is CrefSyntax cref) WriteTokensOf(cref);
                        else if (node is XmlTextAttributeSyntax { Name.LocalName.ValueText: "cref" } id) WriteTokensOf(id);
                    }
            }
        }

        private bool Mentions(TextSpan span, string word)
        {
            var chars = ArrayPool<char>.Shared.Rent(span.Length);
            text.CopyTo(span.Start, chars, 0, span.Length);
            var found = chars.AsSpan(0, span.Length).IndexOf(word, StringComparison.Ordinal) >= 0;
            ArrayPool<char>.Shared.Return(chars);
            return found;
        }

        private void Write(SyntaxToken token)
        {
            var tokenText = token.Text;
            // Kind and length first, so that no two different token sequences write the same characters.
            if (length + tokenText.Length + 4 > Capacity) Flush();
            var kind = token.RawKind;
            buffer[length++] = (char)kind;
            buffer[length++] = (char)(kind >> 16);
            buffer[length++] = (char)tokenText.Length;
            buffer[length++] = (char)(tokenText.Length >> 16);
            if (tokenText.Length > Capacity - 4)
            {
                Flush();
                hash.AppendData(MemoryMarshal.AsBytes(tokenText.AsSpan()));
                return;
            }
            tokenText.CopyTo(buffer.AsSpan(length));
            length += tokenText.Length;
        }

        private void Flush()
        {
            hash.AppendData(MemoryMarshal.AsBytes(buffer.AsSpan(0, length)));
            length = 0;
        }
    }
}
