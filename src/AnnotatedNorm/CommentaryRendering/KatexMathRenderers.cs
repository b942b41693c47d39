using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Writes <c>$…$</c> and in-sentence <c>$$…$$</c> as KaTeX output; the double form is display math.</summary>
internal sealed class KatexMathInlineRenderer(MathTypesetter typesetter) : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        var tex = math.Content.ToString();
        // Span is exact in the Markdown (precise source locations); the TeX is the same text a few characters in.
        var found = typesetter.Map.Markdown.IndexOf(tex, math.Span.Start, StringComparison.Ordinal);
        var texStart = found >= 0 ? found : math.Span.Start;
        renderer.Write(typesetter.Typeset(tex, math.DelimiterCount >= 2, offset => texStart + offset));
    }
}

/// <summary>Writes a <c>$$</c> block as a KaTeX display formula.</summary>
internal sealed class KatexMathBlockRenderer(MathTypesetter typesetter) : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock block)
    {
        if (block.GetData(DisplayMathBlockParser.UnclosedKey) is true)
            typesetter.ReportUnclosed(block.Span.Start);

        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice).ToArray();
        var tex = string.Join("\n", lines.Select(l => l.ToString()));
        renderer.EnsureLine();
        renderer.Write("<div class=\"math\">");
        renderer.Write(typesetter.Typeset(tex, displayMode: true, offset => OffsetInMarkdown(lines, offset, block.Span.Start)));
        renderer.WriteLine("</div>");
    }

    private static int OffsetInMarkdown(Markdig.Helpers.StringSlice[] lines, int offset, int fallback)
    {
        foreach (var line in lines)
        {
            if (offset <= line.Length) return line.Start + offset;
            offset -= line.Length + 1;
        }

        return lines.Length > 0 ? lines[^1].End + 1 : fallback;
    }
}
