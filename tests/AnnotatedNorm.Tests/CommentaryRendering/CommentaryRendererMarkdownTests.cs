using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Typesetting;
using static AnnotatedNorm.Tests.CommentaryRendering.Commentaries;

namespace AnnotatedNorm.Tests.CommentaryRendering;

[Collection(KatexCollection.Name)]
public class CommentaryRendererMarkdownTests(KatexFixture katex)
{
    [Fact]
    public void Should_Keep_Raw_Html_Of_The_Author()
    {
        // When
        var html = Renderer(katex).Render(At("A <kbd>key</kbd>.\n\n<div class=\"note\">x</div>"), Page());

        // Then
        var document = Html(html);
        Assert.NotNull(document.QuerySelector("kbd"));
        Assert.NotNull(document.QuerySelector("div.note"));
    }

    [Fact]
    public void Should_Escape_Raw_Html_In_A_Translation()
    {
        // Given a translation that tries to add markup and script
        var markdown = "訳 <script>alert(1)</script> <b onclick=\"x()\">太字</b>\n\n<div>ブロック</div>";

        // When
        var html = Renderer(katex).Render(At(markdown), Page(), allowHtml: false);

        // Then the tags are text, not elements
        var document = Html(html);
        Assert.Empty(document.QuerySelectorAll("script, b, div"));
        Assert.Contains("<script>alert(1)</script>", document.Body!.TextContent);
    }

    [Fact]
    public void Should_Render_Tables_Footnotes_Task_Lists_And_Auto_Links()
    {
        // Given
        var markdown = "| a | b |\n|---|---|\n| 1 | 2 |\n\nSee note[^1] and https://example.org.\n\n- [x] done\n- [ ] open\n\n~~gone~~\n\n[^1]: The note.";

        // When
        var document = Html(Renderer(katex).Render(At(markdown), Page()));

        // Then
        Assert.NotNull(document.QuerySelector("table tbody td"));
        Assert.NotNull(document.QuerySelector(".footnotes li"));
        Assert.Equal(2, document.QuerySelectorAll("li input[type=checkbox]").Length);
        Assert.NotNull(document.QuerySelector("a[href='https://example.org']"));
        Assert.NotNull(document.QuerySelector("del"));
    }

    [Fact]
    public void Should_Apply_The_Link_Resolver_To_Links_And_Images()
    {
        // Given a resolver that knows crefs and source files
        string? Resolve(string url) => url switch
        {
            "cref:LayerNorm" => "LayerNorm.html#section-2",
            "../BatchNorm.cs" => "../BatchNorm.html",
            "figure.png" => "images/figure.png",
            _ => null,
        };
        var markdown = "[`LayerNorm`](cref:LayerNorm), [batch](../BatchNorm.cs), [web](https://example.org) ![fig](figure.png)";

        // When
        var document = Html(Renderer(katex).Render(At(markdown), Page(resolveLink: Resolve)));

        // Then
        Assert.Equal(["LayerNorm.html#section-2", "../BatchNorm.html", "https://example.org"],
            document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("images/figure.png", document.QuerySelector("img")?.GetAttribute("src"));
    }

    [Fact]
    public void Should_Give_Headings_Ids_Unique_Across_The_Sections_Of_A_Page()
    {
        // Given a page whose layout already uses "section-1"
        var page = new CommentaryPage("content/Sample.cs", new DiagnosticBag(), reservedIds: ["section-1"]);
        var renderer = Renderer(katex);

        // When two sections repeat heading titles
        var first = Html(renderer.Render(At("## Forward\n\n## Forward\n\n# Section 1"), page));
        var second = Html(renderer.Render(At("## Forward"), page));

        // Then
        Assert.Equal(["forward", "forward-1", "section-1-1"], first.QuerySelectorAll("h1, h2").Select(h => h.Id));
        Assert.Equal("forward-2", second.QuerySelector("h2")?.Id);
    }
}
