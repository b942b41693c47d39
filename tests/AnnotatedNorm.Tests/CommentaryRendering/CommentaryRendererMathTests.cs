using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Typesetting;
using static AnnotatedNorm.Tests.CommentaryRendering.Commentaries;

namespace AnnotatedNorm.Tests.CommentaryRendering;

[Collection(KatexCollection.Name)]
public class CommentaryRendererMathTests(KatexFixture katex)
{
    private string Render(string markdown, DiagnosticBag? diagnostics = null)
    {
        var bag = diagnostics ?? new DiagnosticBag();
        var html = Renderer(katex).Render(At(markdown), Page(bag));
        Assert.Empty(diagnostics is null ? bag.ToSortedArray() : []);
        return html;
    }

    [Fact]
    public void Should_Typeset_Inline_Math_Inside_The_Paragraph()
    {
        // When
        var html = Render("The mean $\\mu$ of $x$.");

        // Then
        var paragraph = Html(html).QuerySelector("p")!;
        Assert.Equal(2, paragraph.QuerySelectorAll(".katex").Length);
        Assert.Empty(paragraph.QuerySelectorAll(".katex-display"));
        Assert.Equal(["\\mu", "x"], TexAnnotations(html));
    }

    [Theory]
    [InlineData("not $N - 1$), and so on", "),")]
    [InlineData("平均 $\\mu$、分散 $\\sigma^2$。", "、")]
    public void Should_Keep_Closing_Punctuation_On_The_Line_Of_Its_Formula(string markdown, string punctuation)
    {
        // When
        var html = Render(markdown);

        // Then
        var tight = Html(html).QuerySelector("p .math-tight")!;
        Assert.NotNull(tight.QuerySelector(".katex"));
        Assert.EndsWith(punctuation, tight.TextContent);
    }

    [Fact]
    public void Should_Typeset_Double_Dollars_Inside_A_Sentence_As_Display_Math()
    {
        // When
        var html = Render("so that $$\\hat{x} = \\frac{x - \\mu}{\\sigma}$$ has unit variance.");

        // Then
        var display = Html(html).QuerySelector("p .katex-display");
        Assert.NotNull(display);
        Assert.Equal(["\\hat{x} = \\frac{x - \\mu}{\\sigma}"], TexAnnotations(html));
    }

    [Theory]
    [InlineData("Text.\n\n$$\nx = \\{ 1 \\}\n$$\n\nMore.", "x = \\{ 1 \\}")]
    [InlineData("Text with no blank line\n$$\nx = \\{ 1 \\}\n$$\nMore.", "x = \\{ 1 \\}")]
    [InlineData("Text\n$$x = \\{ 1 \\}$$\nMore.", "x = \\{ 1 \\}")]
    [InlineData("Text\n$$\\begin{aligned}\na &= \\{ b \\} \\\\\nc &= d\n\\end{aligned}$$\nMore.", "\\begin{aligned}\na &= \\{ b \\} \\\\\nc &= d\n\\end{aligned}")]
    [InlineData("Text\n\n$$\n\\begin{aligned}\na_1 &= b_1 \\\\\nc &= d\n\\end{aligned}\n$$", "\\begin{aligned}\na_1 &= b_1 \\\\\nc &= d\n\\end{aligned}")]
    [InlineData("- item\n\n  $$\n  \\|x\\|_2\n  $$", "\\|x\\|_2")]
    public void Should_Typeset_A_Display_Block_In_Every_Shape(string markdown, string tex)
    {
        // When
        var html = Render(markdown);

        // Then
        var document = Html(html);
        Assert.Single(document.QuerySelectorAll("div.math .katex-display"));
        Assert.Equal([tex], TexAnnotations(html));
        Assert.DoesNotContain("$$", document.Body!.TextContent);
    }

    [Theory]
    [InlineData("\\|x\\|")]
    [InlineData("a \\\\ b")]
    [InlineData("\\{ x \\}")]
    [InlineData("x_1 + y_2 + z_3")]
    [InlineData("a_1 * b_2 * c")]
    [InlineData("a * b * c")]
    [InlineData("\\left\\{ x \\right\\}")]
    [InlineData("\\text{a\\_b} < c")]
    [InlineData("x^{*} + \\#")]
    public void Should_Pass_Tex_To_Katex_Unchanged_By_Markdown(string tex)
    {
        // Given the formula inline, in-sentence display, and as a block
        var markdown = $"Inline ${tex}$ and $${tex}$$ here.\n\n$$\n{tex}\n$$";

        // When
        var html = Render(markdown);

        // Then
        Assert.Equal([tex, tex, tex], TexAnnotations(html));
    }

    [Fact]
    public void Should_Keep_Math_Intact_Inside_A_Table_Cell()
    {
        // When
        var html = Render("| norm | formula |\n|---|---|\n| L2 | $\\|x\\|_2$ |");

        // Then
        Assert.Equal(["\\|x\\|_2"], TexAnnotations(html));
        Assert.Equal(2, Html(html).QuerySelectorAll("tbody td").Length);
    }

    [Fact]
    public void Should_Apply_Site_Macros()
    {
        // When
        var html = Render("$x \\in \\R$");

        // Then
        Assert.Contains("double-struck", html);
        Assert.Equal(["x \\in \\R"], TexAnnotations(html));
    }

    [Fact]
    public void Should_Render_Math_In_A_Title()
    {
        // Given
        var bag = new DiagnosticBag();

        // When
        var html = Renderer(katex).RenderInline("Layer norm: $\\gamma \\hat{x} + \\beta$", new(1, 10), Page(bag));

        // Then
        Assert.StartsWith("Layer norm: <span class=\"katex\">", html);
        Assert.DoesNotContain("<p>", html);
        Assert.Empty(bag.ToSortedArray());
    }
}
