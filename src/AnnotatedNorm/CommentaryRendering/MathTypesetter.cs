using System.Net;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Typesets the formulas of one commentary and reports each TeX error at its source position.</summary>
internal sealed class MathTypesetter(KatexRenderer katex, CommentaryPage page, MarkdownSourceMap map)
{
    public MarkdownSourceMap Map => map;

    public const string TexErrorCode = "AN0301";
    public const string UnclosedCode = "AN0302";
    public const string StrayDollarCode = "AN0305";

    /// <param name="offsetOf">Maps an offset into <paramref name="tex"/> to an offset into the Markdown.</param>
    public string Typeset(string tex, bool displayMode, Func<int, int> offsetOf)
    {
        try
        {
            return katex.Render(tex, displayMode);
        }
        catch (TexException e)
        {
            var at = map.PositionOf(offsetOf(Math.Clamp(e.Position ?? 0, 0, tex.Length)));
            page.Diagnostics.Add(Diagnostic.Error(page.Path, at.Line, at.Column, TexErrorCode, $"TeX: {e.Message}"));
            // The page is not published with an error, but a preview still shows which formula failed.
            var tag = displayMode ? "div" : "span";
            return $"<{tag} class=\"math-error\">{WebUtility.HtmlEncode(tex)}</{tag}>";
        }
    }

    public void ReportUnclosed(int markdownOffset)
    {
        var at = map.PositionOf(markdownOffset);
        page.Diagnostics.Add(Diagnostic.Error(page.Path, at.Line, at.Column, UnclosedCode,
            "display math opened with $$ is never closed; end it with $$ at the end of a line"));
    }

    /// <summary>A <c>$</c> left in the text after parsing opened no formula: usually inline math broken across two lines.</summary>
    public void ReportStrayDollar(int markdownOffset)
    {
        var at = map.PositionOf(markdownOffset);
        page.Diagnostics.Add(Diagnostic.Warning(page.Path, at.Line, at.Column, StrayDollarCode,
            "this $ starts no formula: inline math must close on the same line (write a literal dollar as \\$)"));
    }
}
