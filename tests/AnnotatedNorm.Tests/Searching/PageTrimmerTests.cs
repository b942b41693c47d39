using System.Text;
using AnnotatedNorm.Searching;

namespace AnnotatedNorm.Tests.Searching;

public class PageTrimmerTests
{
    private static string Trim(string page)
    {
        using var stream = new MemoryStream();
        PageTrimmer.Write(Encoding.UTF8.GetBytes(page), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Should_Cut_Ignored_Elements_And_Formula_Copies_With_Everything_Inside()
    {
        // Given a section with a formula (its MathML and KaTeX's visual copy) and a code column of nested spans
        var page = """
            <div class="section" id="section-1"><div class="docs"><p>The mean <span class="katex"><span class="katex-mathml"><math>μ</math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord">μ</span></span></span></span> of it.</p></div>
            <div class="code" data-pagefind-ignore><pre><code><span class="line"><span class="kw">var</span> x = <span class="str">"&lt;div&gt;"</span>;</span></code></pre></div>
            <div hidden data-pagefind-weight="0.3">Mean</div></div>
            """;

        // When it is trimmed
        var trimmed = Trim(page);

        // Then the visual copy and the code column are gone, and everything Pagefind reads is as it was
        Assert.Equal("""
            <div class="section" id="section-1"><div class="docs"><p>The mean <span class="katex"><span class="katex-mathml"><math>μ</math></span></span> of it.</p></div>

            <div hidden data-pagefind-weight="0.3">Mean</div></div>
            """, trimmed);
    }

    [Fact]
    public void Should_Count_Nested_Elements_Of_The_Same_Name_To_Find_The_End()
    {
        // Given an ignored element holding elements of its own name, one of them with a longer name that starts alike
        var page = "<p>a</p><nav data-pagefind-ignore><nav><navx></navx></nav><nav></nav></nav><p>b</p>";

        // When it is trimmed
        var trimmed = Trim(page);

        // Then it is cut at its own end tag
        Assert.Equal("<p>a</p><p>b</p>", trimmed);
    }

    [Theory]
    [InlineData("<div data-pagefind-ignore><span data-pagefind-meta=\"kind:code\">x</span></div>")]
    [InlineData("<div data-pagefind-ignore><p>never closed</p>")]
    [InlineData("<p>the attribute data-pagefind-ignore named in text</p>")]
    [InlineData("<!-- data-pagefind-ignore --><p>a comment</p>")]
    public void Should_Leave_What_It_Cannot_Tell_Is_Skipped_Whole_For_Pagefind(string page)
    {
        // Given an ignored element that still holds something Pagefind reads, one without an end, or the marker outside a tag
        // When it is trimmed
        var trimmed = Trim(page);

        // Then nothing is cut
        Assert.Equal(page, trimmed);
    }
}
