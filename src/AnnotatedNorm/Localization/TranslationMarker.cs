using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnnotatedNorm.Localization;

/// <summary>How <see cref="TranslationMarker"/> labels blocks.</summary>
/// <param name="Culture">The page's language, set back on translated blocks nested in English ones.</param>
/// <param name="StaleLabel">Text of the "may be outdated" link added at the end of a stale block; null adds only the class.</param>
/// <param name="SourceHref">Where that link points (the English page's section).</param>
public sealed record TranslationMarkerOptions(string Culture, string? StaleLabel = null, string? SourceHref = null)
{
    public string SourceCulture { get; init; } = "en";
}

/// <summary>Marks, in the parsed Markdown of a translated section, the blocks shown in English and the stale ones, before HTML rendering.</summary>
/// <remarks>
/// Marks are HTML attributes on Markdig blocks, so no syntax is added to the Markdown and its block structure is the
/// one that was checked. English blocks get <c>lang="en"</c> and class <c>l10n-missing</c>; stale blocks get class
/// <c>l10n-stale</c> and, with a label, a trailing link of class <c>l10n-stale-marker</c> to the English. The
/// element is the heading or paragraph, except that a tight list item's paragraph has no element of its own (the
/// <c>li</c> is marked) and a table cell's is its <c>td</c>/<c>th</c>. Parse with <see cref="LocalizationMarkdown.Pipeline"/>
/// or a pipeline with the same block extensions.
/// </remarks>
public static class TranslationMarker
{
    public static void Mark(MarkdownDocument section, IEnumerable<UnitState> units, TranslationMarkerOptions options)
    {
        var blocks = LocalizationMarkdown.TextBlocks(section);
        var marked = new HashSet<Block>();
        foreach (var unit in units.Where(u => u.BlockOrdinal >= 0 && u.BlockOrdinal < blocks.Count).OrderBy(u => u.BlockOrdinal))
        {
            var block = blocks[unit.BlockOrdinal];
            var host = HostOf(block);
            var attributes = host.GetAttributes();
            if (unit.ShowsSource)
            {
                attributes.AddProperty("lang", options.SourceCulture);
                attributes.AddClass("l10n-missing");
                marked.Add(host);
                continue;
            }
            if (InsideSource(host, marked)) attributes.AddProperty("lang", options.Culture);
            if (unit.Status != UnitStatus.Stale) continue;
            attributes.AddClass("l10n-stale");
            if (options.StaleLabel is { } label && block.Inline is { } inlines)
            {
                var link = new LinkInline(options.SourceHref ?? "", "");
                link.AppendChild(new LiteralInline(label));
                var linkAttributes = link.GetAttributes();
                linkAttributes.AddClass("l10n-stale-marker");
                linkAttributes.AddProperty("hreflang", options.SourceCulture);
                inlines.AppendChild(new LiteralInline(" "));
                inlines.AppendChild(link);
            }
        }
    }

    private static Block HostOf(LeafBlock block) => block.Parent switch
    {
        ListItemBlock { Parent: ListBlock { IsLoose: false } } item when item.FirstOrDefault() == block => item,
        Markdig.Extensions.Tables.TableCell cell => cell,
        _ => block,
    };

    private static bool InsideSource(Block block, HashSet<Block> marked)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
            if (marked.Contains(parent)) return true;
        return false;
    }
}
