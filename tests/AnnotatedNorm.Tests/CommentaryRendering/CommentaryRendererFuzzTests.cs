using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Fuzzing;
using AnnotatedNorm.Tests.Typesetting;
using CsCheck;

namespace AnnotatedNorm.Tests.CommentaryRendering;

/// <summary>Markdown with math from authors and translators, rendered with KaTeX: HTML and diagnostics inside the input, never an exception.</summary>
[Collection(KatexCollection.Name)]
public class CommentaryRendererFuzzTests(KatexFixture katex)
{
    [Fact]
    public void Should_Render_Any_Hostile_Markdown_With_Math()
    {
        var renderer = Commentaries.Renderer(katex);
        Fuzz.Check(Gen.Select(HostileText.Markdown, Gen.Bool), input =>
        {
            var (markdown, allowHtml) = input;
            var diagnostics = new DiagnosticBag();
            renderer.Render(Commentaries.At(markdown), Commentaries.Page(diagnostics, url => url.StartsWith("cref:", StringComparison.Ordinal) ? "#" : null), allowHtml);
            foreach (var diagnostic in diagnostics.ToSortedArray()) Fuzz.AssertInside(diagnostic, markdown);
        });
    }
}
