using AnnotatedNorm.Highlighting;
using CsCheck;

namespace AnnotatedNorm.Tests.Highlighting;

public class RobustnessTests
{
    // Fragments that open and close the lexer's modes, so random sequences reach its edge cases.
    private static readonly Gen<string> CodeLike = Gen.OneOf(
            "\"", "@\"", "$\"", "$@\"", "\"\"\"", "'", "\\", "{", "}", "(", ")", "<", ">", "&", "/*", "*/", "//", "///",
            "#if X", "#endif", "#region", "\r", "\n", "\r\n", "\t", " ", "class", "var", "nameof", "x", "new", "=>", ";",
            "\uFEFF", "日本", "\u2028", "0x1F", "1e-5", "u8", "<summary>")
        .Array[0, 40]
        .Select(string.Concat);

    private static readonly Gen<string> AnyText = Gen.OneOf<string>(CodeLike, Gen.String[0, 80]);

    [Fact]
    public void Should_Never_Throw_And_Keep_Every_Line_Of_Any_Text()
    {
        AnyText.Sample(text =>
        {
            // Given any text
            // When it is highlighted
            var highlighter = CodeHighlighter.Create([("x.cs", text)], []);
            var lines = highlighter.Highlight("x.cs", id => "#" + id).Lines;

            // Then the lines read back to the text's lines (after a leading byte-order mark), each balanced
            Assert.Equal(ExpectedLines(text), lines.Select(l => HighlightedPage.ParseLine(l).TextContent));
            Assert.All(lines, l => Assert.Equal(CountOf(l, "<span") + CountOf(l, "<a "), CountOf(l, "</span>") + CountOf(l, "</a>")));
        }, iter: 150);
    }

    [Fact]
    public void Should_Give_The_Same_Html_When_Pages_Are_Highlighted_In_Parallel()
    {
        // Given one highlighter over two files that use each other
        var highlighter = CodeHighlighter.Create(
            [("a.cs", "class A { B b = new B(); int M(int x) => x + b.N(); }"), ("b.cs", "class B { public int N() => 1; }")], []);
        var expected = highlighter.Highlight("a.cs", id => "#" + id).Lines;

        // When the same file is highlighted from many threads at once
        var results = new string[64][];
        Parallel.For(0, results.Length, i => results[i] = [.. highlighter.Highlight("a.cs", id => "#" + id).Lines]);

        // Then every result equals the sequential one, which links to the other file
        Assert.Contains("href=", expected[0]);
        Assert.All(results, r => Assert.Equal<string>(expected, r));
    }

    [Fact]
    public void Should_Reject_A_Path_That_Was_Not_Compiled()
    {
        // Given a highlighter over one file
        var highlighter = CodeHighlighter.Create([("a.cs", "class A { }")], []);

        // When another path is asked for, Then the caller hears which
        var error = Assert.Throws<ArgumentException>(() => highlighter.Highlight("b.cs", _ => null));
        Assert.Contains("b.cs", error.Message);
    }

    private static List<string> ExpectedLines(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').ToList();
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        // The HTML parser turns NUL and CR into other characters; compare as a browser would show them.
        return [.. lines.Select(l => l.Replace('\0', '\uFFFD'))];
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;

    [Fact]
    public void Should_Build_When_The_CSharp_Parser_Itself_Fails_On_A_File()
    {
        // Given a file on which Roslyn 5.12's parser throws, next to an ordinary one
        const string crash = "\":< \"  @正 < >::* :#$正!<$\"}a\"$!\\/{/{*正\n";

        // When
        var highlighter = CodeHighlighter.Create([("Crash.cs", crash), ("Fine.cs", "class Fine { }\n")], []);

        // Then the other file is highlighted and the broken one simply has no highlighted lines
        Assert.Empty(highlighter.Highlight("Crash.cs", _ => null).Lines);
        Assert.Contains("Fine", highlighter.Highlight("Fine.cs", _ => null).Lines[0]);
    }
}
