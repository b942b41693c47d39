using AnnotatedNorm.Highlighting;
using C = AnnotatedNorm.Highlighting.HighlightClasses;

namespace AnnotatedNorm.Tests.Highlighting;

public class HtmlLineTests
{
    [Fact]
    public void Should_Split_Multi_Line_Tokens_Into_Balanced_Lines()
    {
        // Given a verbatim string, a raw string and a block comment that each span lines
        const string source = """"
            class K
            {
                string v = @"one
              two";
                string r = """
                    three
                    """;
                /* four
                   five */
            }
            """";

        // When it is highlighted
        var lines = HighlightedPage.Of(source).Source.Lines;

        // Then every line parses on its own to the same HTML, and its pieces keep their class
        Assert.All(lines, line => Assert.Equal(line, HighlightedPage.ParseLine(line).InnerHtml));
        Assert.Equal($"""<span class="{C.String}">  two"</span>;""", lines[3]);
        Assert.Equal($"""<span class="{C.String}">        three</span>""", lines[5]);
        Assert.Equal($"""    <span class="{C.Comment}">/* four</span>""", lines[7]);
        Assert.Equal($"""<span class="{C.Comment}">       five */</span>""", lines[8]);
    }

    [Fact]
    public void Should_Escape_Markup_Characters_In_Code_And_Comments()
    {
        // Given code with comparison, generic and ampersand characters
        const string source = "class K { bool M(int a) => a < 2 && a > 0; } // <b>&amp;</b>\n";

        // When it is highlighted
        var page = HighlightedPage.Of(source);

        // Then the text reads back unchanged and no stray element appears
        var line = Assert.Single(page.Source.Lines);
        Assert.Contains("a</a> &lt; <span", line);
        Assert.Contains("&amp;&amp;", line);
        Assert.Equal(source.TrimEnd('\n'), HighlightedPage.ParseLine(line).TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("b"));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("a\rb\r", 2)]
    [InlineData("a\r\n\r\nb", 3)]
    [InlineData("\n", 1)]
    [InlineData("\n\n", 2)]
    [InlineData("\"x\n", 1)]
    public void Should_Produce_One_Html_Line_Per_Source_Line(string source, int expected)
    {
        // Given a source with some line endings
        // When it is highlighted
        var lines = HighlightedPage.Of(source).Source.Lines;

        // Then there is one HTML line per line the parser counts
        Assert.Equal(expected, lines.Length);
    }

    [Fact]
    public void Should_Keep_Tabs_And_Mixed_Line_Endings_And_Drop_The_Byte_Order_Mark()
    {
        // Given a file with a byte-order mark, a tab, CR LF, LF and CR endings
        const string source = "\uFEFFclass K\r\n{\n\tint x;\r}";

        // When it is highlighted
        var page = HighlightedPage.Of(source);

        // Then the lines keep their text exactly, without the mark, and the field is on line 3
        Assert.Equal(["class K", "{", "\tint x;", "}"], page.Source.Lines.Select(l => HighlightedPage.ParseLine(l).TextContent));
        Assert.Equal(3, page.Highlighter.Declarations.Single(d => d.Name == "x").Line);
        Assert.Equal(6, page.Highlighter.Declarations.Single(d => d.Name == "x").Column);
    }

    [Fact]
    public void Should_Not_Count_Unicode_Line_Separators_As_Line_Breaks()
    {
        // Given a comment holding U+2028, which Roslyn treats as a line break but the annotation parser does not
        const string source = "// a\u2028b\nclass K { }\n";

        // When it is highlighted
        var page = HighlightedPage.Of(source);

        // Then the line count and the declaration's line follow CR/LF only
        Assert.Equal(2, page.Source.Lines.Length);
        Assert.Equal(2, page.Highlighter.Declarations.Single(d => d.Name == "K").Line);
    }
}
