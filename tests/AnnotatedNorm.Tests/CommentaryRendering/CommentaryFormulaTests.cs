using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Typesetting;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Tests.CommentaryRendering;

[Collection(KatexCollection.Name)]
public class CommentaryFormulaTests(KatexFixture katex)
{
    private const string Markdown = """
        The mean $\mu$ and, in a sentence, $$\sigma^2 = 1$$ too.

        | x | $y_1$ |
        |---|---|
        | 1 | 2 |

        $$\begin{aligned}
        a &= b \\
        c &= \bad
        \end{aligned}$$
        """;

    [Fact]
    public void Should_Find_Every_Formula_With_Its_Mode()
    {
        // When
        var formulas = CommentaryRenderer.FormulasOf(Markdown).ToList();

        // Then
        Assert.Equal(
            [(@"\mu", false), (@"\sigma^2 = 1", true), ("y_1", false), ("\\begin{aligned}\na &= b \\\\\nc &= \\bad\n\\end{aligned}", true)],
            formulas);
    }

    [Fact]
    public void Should_Render_Formulas_Typeset_Ahead_Without_Typesetting_Them_Again()
    {
        // Given
        using var renderer = new KatexRenderer(katex.Package.ScriptPath);
        Assert.True(renderer.IsCold);
        foreach (var (tex, display) in CommentaryRenderer.FormulasOf(Markdown)) renderer.TypesetAhead(tex, display);
        var ahead = renderer.EngineCalls;

        // When
        var bag = new DiagnosticBag();
        new CommentaryRenderer(renderer).Render(Commentaries.At(Markdown), Commentaries.Page(bag));

        // Then the bad formula is still reported, by the page that renders it
        Assert.Equal(4, ahead);
        Assert.Equal(4, renderer.EngineCalls);
        Assert.False(renderer.IsCold);
        Assert.Contains(bag.ToSortedArray(), d => d.Code == MathTypesetter.TexErrorCode);
    }
}
