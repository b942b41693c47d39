using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Tests.Typesetting;
using static AnnotatedNorm.Tests.CommentaryRendering.Commentaries;

namespace AnnotatedNorm.Tests.CommentaryRendering;

[Collection(KatexCollection.Name)]
public class CommentaryRendererDiagnosticsTests(KatexFixture katex)
{
    [Fact]
    public void Should_Report_A_Tex_Error_At_Its_Source_Line_And_Column()
    {
        // Given "//" commentary at source lines 9-10 whose text starts in column 8 ("    // " before it)
        var commentary = Commentaries.At("First line.\nThe mean $x + \\nosuch$ here.", firstLine: 9, column: 8);
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(commentary, Page(bag));

        // Then: the "$" is at 0-based column 9 of Markdown line 1; the TeX starts one later and KaTeX points 4 chars in
        var error = Assert.Single(bag.ToSortedArray());
        Assert.Equal("content/Sample.cs", error.Path);
        Assert.Equal((10, 8 + 9 + 1 + 4), (error.Line, error.Column));
        Assert.Equal("AN0301", error.Code);
        Assert.Contains("\\nosuch", error.Message);
    }

    [Fact]
    public void Should_Warn_At_Each_Dollar_Of_Inline_Math_Broken_Across_Two_Lines()
    {
        // Given a formula that opens on one comment line and closes on the next (text in column 4, as after " * ")
        var commentary = Commentaries.At("Let $x_1, \\dots,\nx_n$ be values; $y$ is fine, and so is \\$5.", firstLine: 30, column: 4);
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(commentary, Page(bag));

        // Then both dollars of the broken formula are reported, and neither the good formula nor the escaped dollar
        var warnings = bag.ToSortedArray();
        Assert.All(warnings, w => Assert.Equal(("AN0305", Severity.Warning), (w.Code, w.Severity)));
        Assert.Equal([(30, 4 + 4), (31, 4 + 3)], warnings.Select(w => (w.Line, w.Column)));
    }

    [Fact]
    public void Should_Count_A_Stray_Dollar_After_A_Lone_Carriage_Return_From_That_Line_Break()
    {
        // Given a lone "\r", which ends a line for Markdig (and for the source reader), inside one "\n" line of commentary
        var commentary = Commentaries.At("a\r$", firstLine: 5, column: 8);
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(commentary, Page(bag));

        // Then the dollar is the first character of the line after the "\r", not the third of its "\n" line
        var warning = Assert.Single(bag.ToSortedArray());
        Assert.Equal(("AN0305", 6, 1), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public void Should_Count_A_Tex_Error_After_A_Lone_Carriage_Return_From_That_Line_Break()
    {
        // Given a formula on the line after a lone "\r", and a "\r\n" ending the line before it, which is one line break
        var commentary = Commentaries.At("Text\r\nOne\rtwo $x + \\nosuch$", firstLine: 5, column: 8);
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(commentary, Page(bag));

        // Then: the "$" is 4 characters after the "\r", on the line after line 6; the TeX starts one later and KaTeX points 4 chars in
        var error = Assert.Single(bag.ToSortedArray());
        Assert.Equal(("AN0301", 7, 1 + 4 + 1 + 4), (error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Should_Report_An_Error_On_The_Right_Line_Of_A_Display_Block()
    {
        // Given a block comment whose lines do not all start in the same column
        var commentary = new Commentary("Text\n$$\n\\begin{aligned}\na &= \\oops b\n\\end{aligned}\n$$",
            [new(20, 4), new(21, 4), new(22, 6), new(23, 6), new(24, 6), new(25, 4)]);
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(commentary, Page(bag));

        // Then: "\oops" is at column 5 of Markdown line 3
        var error = Assert.Single(bag.ToSortedArray());
        Assert.Equal((23, 6 + 5), (error.Line, error.Column));
    }

    [Fact]
    public void Should_Report_Every_Tex_Error_Of_A_Page()
    {
        // Given
        var bag = new DiagnosticBag();
        var page = Page(bag);

        // When two sections each hold errors
        Renderer(katex).Render(Commentaries.At("$\\bad$ and $\\worse$", firstLine: 1), page);
        Renderer(katex).Render(Commentaries.At("$$\nx + \\nope\n$$", firstLine: 30), page);

        // Then
        Assert.Equal([1, 1, 31], bag.ToSortedArray().Select(d => d.Line));
        Assert.True(bag.HasErrors);
    }

    [Fact]
    public void Should_Report_Display_Math_That_Is_Never_Closed()
    {
        // Given
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).Render(Commentaries.At("Text\n$$\nx = 1\n\nMore text", firstLine: 5, column: 3), Page(bag));

        // Then
        Assert.Contains(bag.ToSortedArray(), d => d is { Code: "AN0302", Line: 6, Column: 3 });
    }

    [Fact]
    public void Should_Map_A_Title_Error_From_Its_Origin()
    {
        // Given
        var bag = new DiagnosticBag();

        // When
        Renderer(katex).RenderInline("About $\\nope$", new SourcePosition(2, 11), Page(bag));

        // Then: "$" at offset 6, TeX at 7
        var error = Assert.Single(bag.ToSortedArray());
        Assert.Equal((2, 11 + 7), (error.Line, error.Column));
    }

    [Fact]
    public void Should_Report_Emphasis_Nested_Past_The_Parsers_Limit_At_Its_Commentary()
    {
        // Given commentary at source line 9, column 4, holding 400 emphasis delimiters on each side of a word
        var commentary = Commentaries.At(new string('*', 400) + "x" + new string('*', 400), firstLine: 9, column: 4);
        var bag = new DiagnosticBag();

        // When
        var html = Renderer(katex).Render(commentary, Page(bag));

        // Then the commentary is an error at its position, and nothing of it is rendered
        var error = Assert.Single(bag.ToSortedArray());
        Assert.Equal(("AN0310", Severity.Error, 9, 4), (error.Code, error.Severity, error.Line, error.Column));
        Assert.Equal("", html);
    }

    [Fact]
    public void Should_Tell_The_Link_Resolver_Where_Each_Link_Starts()
    {
        // Given a link in the second line of commentary that starts at source column 4
        var commentary = Commentaries.At("First line.\nSee [Mean](cref:Mean) here.", firstLine: 9, column: 4);
        var seen = new List<(string, SourcePosition)>();
        var page = new AnnotatedNorm.CommentaryRendering.CommentaryPage("content/Sample.cs", new DiagnosticBag(), (url, at) => { seen.Add((url, at)); return null; });

        // When
        Renderer(katex).Render(commentary, page);

        // Then
        Assert.Equal([("cref:Mean", new SourcePosition(10, 8))], seen);
    }
}
