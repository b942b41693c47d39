using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Tests.Typesetting;
using static AnnotatedNorm.Tests.CommentaryRendering.Commentaries;

namespace AnnotatedNorm.Tests.CommentaryRendering;

/// <summary>The site's <c>"math"</c> setting decides which dollars are math, in rendering and in the translation checks alike.</summary>
[Collection(KatexCollection.Name)]
public class MathDelimitersTests(KatexFixture katex)
{
    private const string ShellComment = "Check that opening $/$$ is correct, and that $HOME/$USER is set.";

    private (string Html, Diagnostic[] Diagnostics) Render(string markdown, MathDelimiters math)
    {
        var bag = new DiagnosticBag();
        var html = new CommentaryRenderer(katex.Renderer, math).Render(At(markdown), Page(bag));
        return (html, [.. bag.ToSortedArray()]);
    }

    [Theory]
    [InlineData(MathDelimiters.DisplayOnly)]
    [InlineData(MathDelimiters.None)]
    public void Should_Keep_Single_Dollars_As_Text_When_They_Do_Not_Open_Math(MathDelimiters math)
    {
        // When a comment about dollars is rendered
        var (html, diagnostics) = Render(ShellComment, math);

        // Then it is text, whole, with nothing reported
        Assert.Empty(diagnostics);
        Assert.Empty(TexAnnotations(html));
        Assert.Equal(ShellComment, Html(html).QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Should_Typeset_Double_Dollars_And_Leave_Single_Ones_In_Display_Only()
    {
        // When
        var (html, diagnostics) = Render("It costs $5, and $$\\hat{x} = x - \\mu$$ is centred.\n\n$$\n\\sigma^2\n$$", MathDelimiters.DisplayOnly);

        // Then
        Assert.Empty(diagnostics);
        Assert.Equal(["\\hat{x} = x - \\mu", "\\sigma^2"], TexAnnotations(html));
        Assert.Contains("It costs $5, and", Html(html).QuerySelector("p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Typeset_Nothing_When_Math_Is_Off()
    {
        // When
        var (html, diagnostics) = Render("$$\n\\sigma^2\n$$\n\nand $x$", MathDelimiters.None);

        // Then
        Assert.Empty(diagnostics);
        Assert.Empty(TexAnnotations(html));
        Assert.Contains("$x$", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Still_Report_A_TeX_Error_In_An_Enabled_Formula_At_Its_Position()
    {
        // When
        var (_, diagnostics) = Render("Bad: $$\\frac{1}{$$ here.", MathDelimiters.DisplayOnly);

        // Then
        var error = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, 1), (error.Severity, error.Line));
    }

    [Fact]
    public void Should_Render_An_Escaped_Dollar_As_A_Dollar_In_Every_Setting()
    {
        foreach (var math in Enum.GetValues<MathDelimiters>())
        {
            var (html, diagnostics) = Render("A price of \\$5 and \\$6.", math);
            Assert.Empty(diagnostics);
            Assert.Equal("A price of $5 and $6.", Html(html).QuerySelector("p")!.TextContent);
        }
    }

    [Fact]
    public void Should_Check_Translations_With_The_Sites_Delimiters()
    {
        // Given an English unit whose dollars are text on a site without single-dollar math
        var english = new EnglishSections(MathDelimiters.DisplayOnly);
        var unit = TranslationUnitExtractor.Extract(new AnnotatedNorm.Parsing.AnnotationParser().ParseMarkdown("readme.md", ShellComment), english).Single();

        // When a translation keeps the text but not the "formulas" a single-dollar site would see
        var problems = TranslationChecker.Check(unit, "開始の $ と $$ が正しいこと、$HOME と $USER が設定されていることを確かめます。", ShellComment, english);

        // Then it passes: there is no formula to keep
        Assert.Empty(problems);
    }
}
