using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Typesetting;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Turns commentary Markdown into HTML with its math typeset at build time; one instance serves the whole site.</summary>
/// <param name="katex">Typesets every formula; shared so each distinct formula is typeset once per build.</param>
/// <param name="math">Which dollars delimit math (the site's <c>"math"</c> setting).</param>
public sealed class CommentaryRenderer(KatexRenderer katex, MathDelimiters math = MathDelimiters.Dollars)
{
    /// <summary>Markdown nested deeper than Markdig parses or renders.</summary>
    public const string NestingCode = "AN0310";

    /// <summary>Which dollars delimit math on this site.</summary>
    public MathDelimiters Delimiters => math;

    /// <summary>Renders one section's commentary as block HTML.</summary>
    /// <param name="allowHtml">True for the author's commentary; false for a translation, whose raw HTML is shown escaped.</param>
    /// <param name="prepare">Changes the parsed Markdown before rendering (a translated page marks stale and English blocks).</param>
    public string Render(Commentary commentary, CommentaryPage page, bool allowHtml = true, Action<MarkdownDocument>? prepare = null) =>
        RenderCore(commentary, page, allowHtml, implicitParagraph: false, prepare);

    /// <summary>Renders a one-line text such as a front-matter title: inline HTML, no enclosing paragraph.</summary>
    /// <param name="origin">Source position of the text's first character, for diagnostics.</param>
    public string RenderInline(string markdown, SourcePosition origin, CommentaryPage page, bool allowHtml = false)
    {
        var lines = markdown.Split('\n').Length;
        var commentary = new Commentary(markdown, [.. Enumerable.Repeat(origin, lines)]);
        return RenderCore(commentary, page, allowHtml, implicitParagraph: true, prepare: null).TrimEnd('\n');
    }

    /// <summary>The formulas that rendering <paramref name="markdown"/> typesets, in order, each with whether it is display math.</summary>
    public static IEnumerable<(string Tex, bool Display)> FormulasOf(string markdown, MathDelimiters math = MathDelimiters.Dollars)
    {
        // Every formula, inline or display, opens with a dollar: without one there is nothing to parse for.
        if (!markdown.Contains('$') || math == MathDelimiters.None) yield break;
        foreach (var node in Markdown.Parse(markdown, CommentaryPipeline.Get(allowHtml: true, math)).Descendants())
        {
            if (node is MathInline inline) yield return (inline.Content.ToString(), inline.DelimiterCount >= 2);
            else if (node is MathBlock block) yield return (KatexMathBlockRenderer.TexOf(block), true);
        }
    }

    private string RenderCore(Commentary commentary, CommentaryPage page, bool allowHtml, bool implicitParagraph, Action<MarkdownDocument>? prepare)
    {
        try
        {
            return RenderMarkdown(commentary, page, allowHtml, implicitParagraph, prepare);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses Markdown nested past its depth limit (a few hundred emphasis delimiters or links inside one
            // another, thousands of quotes or lists), which an author's or a translator's text can reach.
            var at = commentary.PositionOf(0, 0);
            page.Diagnostics.Add(Diagnostic.Error(page.Path, at.Line, at.Column, NestingCode, $"this commentary cannot be rendered: {e.Message}"));
            return "";
        }
    }

    private string RenderMarkdown(Commentary commentary, CommentaryPage page, bool allowHtml, bool implicitParagraph, Action<MarkdownDocument>? prepare)
    {
        var pipeline = CommentaryPipeline.Get(allowHtml, math);
        var document = Markdown.Parse(commentary.Markdown, pipeline);
        prepare?.Invoke(document);
        var map = new MarkdownSourceMap(commentary);
        ResolveLinks(document, page, map);
        ResolveValues(document, page, map);
        ClaimHeadingIds(document, page);

        var typesetter = new MathTypesetter(katex, page, map);
        // Only where a single dollar opens math can one be stray; in the other settings a dollar is text.
        if (math == MathDelimiters.Dollars)
            foreach (var offset in StrayDollars(document, commentary.Markdown))
                typesetter.ReportStrayDollar(offset);
        return CommentaryHtmlRenderer.ForThread(allowHtml).RenderToString(document, typesetter, implicitParagraph);
    }

    /// <summary>
    /// Offsets of the dollars in paragraphs and headings that no formula, code span, link or HTML took: most often
    /// inline math broken across two lines, which Markdown does not join.
    /// </summary>
    private static IEnumerable<int> StrayDollars(MarkdownDocument document, string markdown)
    {
        if (!markdown.Contains('$')) yield break;
        var taken = document.Descendants<Inline>()
            .Where(i => i is MathInline or CodeInline or LinkInline or AutolinkInline or HtmlInline or HtmlEntityInline)
            .Select(i => (i.Span.Start, i.Span.End))
            .ToList();
        foreach (var block in document.Descendants<LeafBlock>().Where(b => b is ParagraphBlock or HeadingBlock))
            for (var at = markdown.IndexOf('$', Math.Max(0, block.Span.Start)); at >= 0 && at <= block.Span.End; at = markdown.IndexOf('$', at + 1))
                if ((at == 0 || markdown[at - 1] != '\\') && !taken.Any(t => t.Start <= at && at <= t.End))
                    yield return at;
    }

    private static void ResolveLinks(MarkdownDocument document, CommentaryPage page, MarkdownSourceMap map)
    {
        if (page.ResolveLink is not { } resolve) return;
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { } url || resolve(url, map.PositionOf(Math.Max(0, link.Span.Start))) is not { } resolved) continue;
            if (resolved.Length > 0) { link.Url = resolved; continue; }
            // An empty URL means "no link here": the link's text stays in its place.
            Inline after = link;
            foreach (var child in link.ToList())
            {
                child.Remove();
                after.InsertAfter(child);
                after = child;
            }
            link.Remove();
        }
        foreach (var link in document.Descendants<AutolinkInline>())
            if (resolve(link.Url, map.PositionOf(Math.Max(0, link.Span.Start))) is { } resolved)
                link.Url = resolved;
    }

    // A reference is text, so it is found in the text of the parsed Markdown only: in code spans, math and URLs it
    // stays as written.
    private static void ResolveValues(MarkdownDocument document, CommentaryPage page, MarkdownSourceMap map)
    {
        if (page.ResolveValue is not { } resolve) return;
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            var text = literal.Content.ToString();
            if (!text.Contains("{{", StringComparison.Ordinal)) continue;
            var replaced = ValueReference.Pattern().Replace(text, match =>
                resolve(match.Groups["reference"].Value, map.PositionOf(Math.Max(0, literal.Span.Start) + match.Index)) ?? match.Value);
            if (replaced != text) literal.Content = new Markdig.Helpers.StringSlice(replaced);
        }
    }

    private static void ClaimHeadingIds(MarkdownDocument document, CommentaryPage page)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (attributes.Id is { Length: > 0 } id)
                attributes.Id = page.ClaimId(id);
        }
    }
}
