using AngleSharp.Html.Parser;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Tests.Typesetting;

[Collection(KatexCollection.Name)]
public class KatexRendererTests(KatexFixture katex)
{
    [Fact]
    public void Should_Output_Html_And_MathMl_With_The_Tex_As_Annotation()
    {
        // Given
        const string tex = @"\frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}}";

        // When
        var html = katex.Renderer.Render(tex, displayMode: false);

        // Then
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotNull(document.QuerySelector(".katex-html"));
        Assert.NotNull(document.QuerySelector("math"));
        Assert.Equal(tex, document.QuerySelector("annotation[encoding='application/x-tex']")?.TextContent);
    }

    [Fact]
    public void Should_Mark_Display_Mode()
    {
        // When
        var display = katex.Renderer.Render("x", displayMode: true);
        var inline = katex.Renderer.Render("x", displayMode: false);

        // Then
        Assert.Contains("katex-display", display);
        Assert.DoesNotContain("katex-display", inline);
    }

    [Fact]
    public void Should_Expand_Site_Macros()
    {
        // When
        var html = katex.Renderer.Render(@"x \in \R", displayMode: false);

        // Then the macro became a double-struck R
        Assert.Contains("mathvariant=\"double-struck\"", html);
    }

    [Fact]
    public void Should_Throw_With_The_Position_Of_An_Unknown_Command()
    {
        // When
        var error = Assert.Throws<TexException>(() => katex.Renderer.Render(@"x + \nosuchcommand", displayMode: false));

        // Then
        Assert.Equal(4, error.Position);
        Assert.Contains(@"\nosuchcommand", error.Message);
    }

    [Fact]
    public void Should_Not_Let_A_Global_Definition_Leak_Into_Later_Formulas()
    {
        // Given a formula that defines a macro globally
        katex.Renderer.Render(@"\gdef\leaked{y} \leaked", displayMode: false);

        // Then the next formula does not see it
        Assert.Throws<TexException>(() => katex.Renderer.Render(@"\leaked", displayMode: false));
    }

    [Fact]
    public void Should_Typeset_Each_Distinct_Formula_Once_Errors_Included()
    {
        // Given a fresh renderer
        using var renderer = new KatexRenderer(katex.Package.ScriptPath);

        // When
        var first = renderer.Render("a^2", displayMode: false);
        var second = renderer.Render("a^2", displayMode: false);
        renderer.Render("a^2", displayMode: true);
        Assert.Throws<TexException>(() => renderer.Render(@"\bad", displayMode: false));
        Assert.Throws<TexException>(() => renderer.Render(@"\bad", displayMode: false));

        // Then
        Assert.Equal(first, second);
        Assert.Equal(3, renderer.EngineCalls);
    }

    [Fact]
    public void Should_Render_Correctly_From_Many_Threads()
    {
        // Given
        using var renderer = new KatexRenderer(katex.Package.ScriptPath);
        var formulas = Enumerable.Range(0, 40).Select(i => $"x_{{{i}}} + y^{{{i % 7}}}").ToArray();

        // When
        var results = formulas.AsParallel().WithDegreeOfParallelism(4).Select(f => (f, html: renderer.Render(f, false))).ToArray();

        // Then each output carries its own formula, and each was typeset once
        Assert.All(results, r => Assert.Contains($"<annotation encoding=\"application/x-tex\">{r.f}</annotation>", r.html));
        Assert.Equal(formulas.Distinct().Count(), renderer.EngineCalls);
    }

    [Fact]
    public void Should_Treat_Script_Text_In_Tex_As_Tex()
    {
        // Given TeX that would end a string literal and run code if it were pasted into script source
        const string tex = "x'); throw new Error('injected'); ('";

        // When
        var html = katex.Renderer.Render(tex, displayMode: false);

        // Then KaTeX typeset it as text of a formula
        var annotation = new HtmlParser().ParseDocument(html).QuerySelector("annotation");
        Assert.Equal(tex, annotation?.TextContent);
    }
}
