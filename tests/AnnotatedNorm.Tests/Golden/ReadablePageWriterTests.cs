using System.Text.RegularExpressions;

namespace AnnotatedNorm.Tests.Golden;

public class ReadablePageWriterTests
{
    /// <summary>A page in the shape the templates write: commentary with a KaTeX formula, and highlighted code.</summary>
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <title>Means · Test</title>
        <script src="site.js" defer></script>
        </head>
        <body>
        <div class="docs">
        <p>The mean <a href="#section-1">of</a> <code>x</code> is $MATH$.</p>
        </div>
        <pre><code><span class="line" data-line="3">  <span class="kw">return</span> x;</span>
        <span class="line" data-line="4">}</span></code></pre>
        </body>
        </html>
        """;

    private static string Katex(string tex, string mathClass = "mord mathnormal") =>
        $"""<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>μ</mi></mrow><annotation encoding="application/x-tex">{tex}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="{mathClass}">μ</span></span></span></span>""";

    private static string Normalized(string page, string formula = "\\mu", string mathClass = "mord mathnormal") =>
        ReadablePageWriter.Write(page.Replace("$MATH$", Katex(formula, mathClass), StringComparison.Ordinal));

    [Fact]
    public void Should_Write_One_Node_Per_Line_With_Each_Formula_As_Its_TeX()
    {
        // When
        var text = Normalized(Page);

        // Then
        Assert.Equal("""
            <!DOCTYPE html>
            <html lang="en">
              <head>
                <title>Means · Test</title>
                <script src="site.js" defer></script>
              </head>
              <body>
                <div class="docs">
                  <p>
                    "The mean "
                    <a href="#section-1">of</a>
                    " "
                    <code>x</code>
                    " is "
                    $\mu$ (katex HASH)
                    "."
                  </p>
                </div>
                <pre>
                  <code>
                    <span class="line" data-line="3">
                      "  "
                      <span class="kw">return</span>
                      " x;"
                    </span>
                    ↵
                    <span class="line" data-line="4">}</span>
                  </code>
                </pre>
              </body>
            </html>

            """.ReplaceLineEndings("\n"), Regex.Replace(text, @"\(katex [0-9a-f]{8}\)", "(katex HASH)"));
    }

    [Fact]
    public void Should_Leave_The_Typeset_Html_Of_Formulas_Out()
    {
        // When
        var text = Normalized(Page);

        // Then
        Assert.DoesNotContain("katex-html", text);
        Assert.DoesNotContain("mathnormal", text);
        Assert.DoesNotContain("<math", text);
        Assert.DoesNotContain("μ", text);
    }

    [Theory]
    [InlineData("<a href=\"#section-1\">", "<a href=\"#section-2\">")]
    [InlineData("<span class=\"kw\">", "<span class=\"kw\" title=\"\">")]
    [InlineData("The mean", "The median")]
    [InlineData("is $MATH$.", "is $MATH$;")]
    [InlineData("<code>x</code> is", "<code>x</code>is")]
    [InlineData("<code>x</code>", "<code><em>x</em></code>")]
    [InlineData("  <span class=\"kw\">", "   <span class=\"kw\">")]
    [InlineData("</span>\n<span class=\"line\" data-line=\"4\">", "</span><span class=\"line\" data-line=\"4\">")]
    [InlineData("<title>Means · Test</title>", "<title>Means · Test</title><meta name=\"robots\" content=\"none\">")]
    public void Should_Change_When_Text_An_Attribute_Or_An_Element_Changes(string before, string after)
    {
        // Given
        Assert.Contains(before, Page);

        // When
        var changed = Normalized(Page.Replace(before, after, StringComparison.Ordinal));

        // Then
        Assert.NotEqual(Normalized(Page), changed);
    }

    [Fact]
    public void Should_Change_When_A_Formula_Or_Only_Its_Typesetting_Changes()
    {
        // Given
        var original = Normalized(Page);

        // When
        var otherTex = Normalized(Page, formula: "\\mu_x");
        var otherTypesetting = Normalized(Page, mathClass: "mord");

        // Then
        Assert.Contains("$\\mu_x$", otherTex);
        Assert.NotEqual(original, otherTex);
        Assert.NotEqual(original, otherTypesetting);
        Assert.Equal(original.Split('\n').Length, otherTypesetting.Split('\n').Length);
    }

    [Fact]
    public void Should_Not_Change_When_Only_The_Layout_Of_The_Html_Source_Changes()
    {
        // Given the same page with its blocks indented and on more lines
        var reformatted = Page.Replace("<div class=\"docs\">\n<p>", "<div class=\"docs\">\n\n    <p>", StringComparison.Ordinal)
            .Replace("</p>\n</div>", "</p>\n  </div>", StringComparison.Ordinal)
            .Replace("The mean <a", "The   mean\n<a", StringComparison.Ordinal);

        // When / Then
        Assert.Equal(Normalized(Page), Normalized(reformatted));
    }
}
