using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Parsing;

/// <summary>
/// The tokens under a node in document order, as Roslyn's <c>DescendantTokens()</c> gives them: zero-width tokens
/// included, the tokens of structured trivia (directives, doc comments, skipped text) left out.
/// </summary>
/// <remarks>
/// <c>DescendantTokens()</c> filters Roslyn's node-and-token iterator through LINQ instantiated over Roslyn's
/// structs, generic code that no ahead-of-time image holds, so a build ran it as unoptimized just-in-time code on
/// every token of every file, in each of the four walks that read a whole tree. This walk keeps a stack of Roslyn's
/// child lists instead (deep trees, such as long chains of operators, need no recursion) and is compiled ahead of
/// time with the rest of the generator. Use it as <c>foreach (var token in new SyntaxTokens(node))</c>.
/// </remarks>
internal readonly struct SyntaxTokens(SyntaxNode node)
{
    public Enumerator GetEnumerator() => new(node);

    internal struct Enumerator
    {
        private ChildSyntaxList.Enumerator[] stack;
        private int depth;

        internal Enumerator(SyntaxNode node)
        {
            stack = new ChildSyntaxList.Enumerator[16];
            stack[0] = node.ChildNodesAndTokens().GetEnumerator();
            depth = 1;
        }

        public SyntaxToken Current { get; private set; }

        public bool MoveNext()
        {
            while (depth > 0)
            {
                if (!stack[depth - 1].MoveNext())
                {
                    depth--;
                    continue;
                }
                var child = stack[depth - 1].Current;
                if (child.AsNode() is not { } inner)
                {
                    Current = child.AsToken();
                    return true;
                }
                if (depth == stack.Length)
                {
                    var deeper = new ChildSyntaxList.Enumerator[depth * 2];
                    Array.Copy(stack, deeper, depth);
                    stack = deeper;
                }
                stack[depth++] = inner.ChildNodesAndTokens().GetEnumerator();
            }
            return false;
        }
    }
}
