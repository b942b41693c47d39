using AnnotatedNorm.Parsing;
using AnnotatedNorm.Tests.Site;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AnnotatedNorm.Tests.Parsing;

public class SyntaxTokensTests
{
    public static TheoryData<string> AwkwardSources => new()
    {
        // Missing (zero-width) tokens, skipped text and an end-of-file token after a directive.
        "class C { void M( { int x = ; } ) ) } }\n#if DEBUG\nclass D { }\n#endif\n",
        // Doc comments with crefs, attributes, generics, lambdas and a local function.
        "/// <see cref=\"List{T}.Add\"/>\n[System.Obsolete] class C<T> where T : new() { int F(int a) => a switch { > 0 => 1, _ => Local(a) }; static int Local(int b) => b; }\n",
        "",
        "// only a comment\n",
        // Raw and interpolated strings, which lex into several tokens.
        "class C { string s = $\"a{1}b{\"c\"}d\"; string r = \"\"\"\n  raw \"\" text\n  \"\"\"; }\n",
    };

    [Theory]
    [MemberData(nameof(AwkwardSources))]
    public void Should_Give_The_Tokens_DescendantTokens_Gives(string source)
    {
        // Given
        var root = CSharpSyntaxTree.ParseText(source, CSharpSyntax.DefaultOptions).GetRoot();

        // When, Then
        AssertSameTokens(root);
    }

    [Fact]
    public void Should_Give_The_Tokens_Of_Every_Node_Of_The_Sites_Sources()
    {
        // Given
        var sources = Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "content"), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);

        foreach (var path in sources)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), CSharpSyntax.DefaultOptions).GetRoot();

            // When, Then: the whole tree, and every node and structured trivia below it.
            foreach (var node in root.DescendantNodesAndSelf(descendIntoTrivia: true))
                AssertSameTokens(node);
        }
    }

    [Fact]
    public void Should_Walk_A_Tree_Deeper_Than_Its_Stack_Starts()
    {
        // Given: a left-deep chain of 5,000 additions, a tree far deeper than the walk's first stack of 16.
        var source = "class C { int F() => 1" + string.Concat(Enumerable.Repeat(" + 1", 5_000)) + "; }";
        var root = CSharpSyntaxTree.ParseText(source, CSharpSyntax.DefaultOptions).GetRoot();

        // When
        var tokens = new List<SyntaxToken>();
        foreach (var token in new SyntaxTokens(root)) tokens.Add(token);

        // Then
        Assert.Equal(root.DescendantTokens(), tokens);
        Assert.Equal(5_000, tokens.Count(t => t.IsKind(SyntaxKind.PlusToken)));
    }

    private static void AssertSameTokens(SyntaxNode node)
    {
        var walked = new List<SyntaxToken>();
        foreach (var token in new SyntaxTokens(node)) walked.Add(token);
        Assert.Equal(node.DescendantTokens().ToList(), walked);
    }
}
