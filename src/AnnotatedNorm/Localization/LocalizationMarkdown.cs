using System.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnnotatedNorm.Localization;

/// <summary>The Markdig view of commentary that localization relies on: the pipeline, the text blocks in walk order, and the block skeleton.</summary>
/// <remarks>
/// The renderer must parse with the same block extensions (pipe tables, footnotes, mathematics), or the block
/// ordinals of <see cref="UnitState"/> would point at other blocks.
/// </remarks>
public static class LocalizationMarkdown
{
    /// <summary>The commentary dialect itself (HTML allowed, so raw HTML in a translation can be found and refused).</summary>
    public static MarkdownPipeline Pipeline => CommentaryRendering.CommentaryPipeline.Get(allowHtml: true);

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>Parses a translator's text, or returns null when Markdig refuses it as nested past its depth limit.</summary>
    public static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Parse(markdown);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Every paragraph and heading, in the order Markdig walks them; the index is a block's ordinal.</summary>
    public static IReadOnlyList<LeafBlock> TextBlocks(MarkdownDocument document) =>
        [.. document.Descendants<LeafBlock>().Where(b => b is ParagraphBlock or HeadingBlock)];

    public static UnitKind KindOf(LeafBlock block) => block switch
    {
        HeadingBlock => UnitKind.Heading,
        _ => block.Parent switch
        {
            ListItemBlock => UnitKind.ListItem,
            QuoteBlock => UnitKind.Quote,
            TableCell => UnitKind.TableCell,
            Footnote => UnitKind.Footnote,
            _ => UnitKind.Paragraph,
        },
    };

    /// <summary>The kinds and nesting of blocks without their text; a usable translation leaves it unchanged.</summary>
    public static string Skeleton(MarkdownDocument document)
    {
        var text = new StringBuilder();
        AppendSkeleton(document, text);
        return text.ToString();
    }

    private static void AppendSkeleton(ContainerBlock container, StringBuilder text)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                    continue; // never rendered, and footnote labels live here
                case HeadingBlock heading:
                    text.Append('h').Append(heading.Level); break;
                case ParagraphBlock:
                    text.Append('p'); break;
                case MathBlock:
                    text.Append("math"); break;
                case CodeBlock:
                    text.Append("code"); break;
                case HtmlBlock:
                    text.Append("html"); break;
                case ThematicBreakBlock:
                    text.Append("hr"); break;
                case ListBlock list:
                    text.Append(list.IsOrdered ? "ol" : "ul"); break;
                default:
                    text.Append(block.GetType().Name); break;
            }
            if (block is ContainerBlock inner)
            {
                text.Append('[');
                AppendSkeleton(inner, text);
                text.Append(']');
            }
            text.Append(' ');
        }
    }

    /// <summary>True when a block holds nothing to translate: only math and line breaks (for example a lone <c>$$…$$</c>).</summary>
    public static bool IsMathOnly(LeafBlock block) =>
        block.Inline is { } inlines &&
        inlines.Descendants<Inline>().All(i => i is MathInline or LineBreakInline ||
            (i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace()));

    /// <summary>The offsets of a block's inline content in the parsed text, or null when it has none.</summary>
    public static (int Start, int End)? InlineExtent(LeafBlock block)
    {
        if (block.Inline is null) return null;
        var spans = block.Inline.Descendants<Inline>()
            .Where(i => i.Span.Start >= 0 && i.Span.End >= i.Span.Start && i is not FootnoteLink { IsBackLink: true })
            .Select(i => i.Span)
            .ToList();
        if (spans.Count == 0) return null;
        return (spans.Min(s => s.Start), spans.Max(s => s.End) + 1);
    }
}
