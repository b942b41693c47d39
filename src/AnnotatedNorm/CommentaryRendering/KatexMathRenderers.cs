using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Writes <c>$…$</c> and in-sentence <c>$$…$$</c> as KaTeX output; the double form is display math.</summary>
internal sealed class KatexMathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    /// <summary>The formulas' page; set for each render.</summary>
    public MathTypesetter? Typesetter { get; set; }

    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        var typesetter = Typesetter ?? throw new InvalidOperationException("no typesetter set");
        var tex = math.Content.ToString();
        // Span is exact in the Markdown (precise source locations); the TeX is the same text a few characters in.
        var found = typesetter.Map.Markdown.IndexOf(tex, math.Span.Start, StringComparison.Ordinal);
        var texStart = found >= 0 ? found : math.Span.Start;
        var display = math.DelimiterCount >= 2;
        var html = typesetter.Typeset(tex, display, offset => texStart + offset);
        var punctuation = display ? "" : TakeClosingPunctuation(math);
        if (punctuation.Length == 0)
        {
            renderer.Write(html);
            return;
        }
        // Browsers may break between a formula and the ")" or "," after it; keeping them together reads better.
        renderer.Write("<span class=\"math-tight\">").Write(html).WriteEscape(punctuation).Write("</span>");
    }

    private const string ClosingPunctuation = ".,;:!?)]}'\"’”、。，．）」』】";

    private static string TakeClosingPunctuation(MathInline math)
    {
        if (math.NextSibling is not Markdig.Syntax.Inlines.LiteralInline literal || literal.Content.IsEmpty) return "";
        var content = literal.Content;
        var count = 0;
        while (count < content.Length && ClosingPunctuation.Contains(content[content.Start + count])) count++;
        if (count == 0) return "";
        var taken = content.Text.Substring(content.Start, count);
        literal.Content = new Markdig.Helpers.StringSlice(content.Text, content.Start + count, content.End);
        return taken;
    }
}

/// <summary>Writes a <c>$$</c> block as a KaTeX display formula.</summary>
internal sealed class KatexMathBlockRenderer : HtmlObjectRenderer<MathBlock>
{
    /// <summary>The formulas' page; set for each render.</summary>
    public MathTypesetter? Typesetter { get; set; }

    protected override void Write(HtmlRenderer renderer, MathBlock block)
    {
        var typesetter = Typesetter ?? throw new InvalidOperationException("no typesetter set");
        if (block.GetData(DisplayMathBlockParser.UnclosedKey) is true)
            typesetter.ReportUnclosed(block.Span.Start);

        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice).ToArray();
        var tex = TexOf(lines);
        renderer.EnsureLine();
        renderer.Write("<div class=\"math\">");
        renderer.Write(typesetter.Typeset(tex, displayMode: true, offset => OffsetInMarkdown(lines, offset, block.Span.Start)));
        renderer.WriteLine("</div>");
    }

    /// <summary>The formula of a <c>$$</c> block, as it is typeset.</summary>
    public static string TexOf(MathBlock block) => TexOf(block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice).ToArray());

    private static string TexOf(Markdig.Helpers.StringSlice[] lines) => string.Join("\n", lines.Select(l => l.ToString()));

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
