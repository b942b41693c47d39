using System.Collections.Concurrent;
using Markdig.Syntax;

namespace AnnotatedNorm.Localization;

/// <summary>
/// The English sections of one document, each parsed once for both the extraction of its units and their checks:
/// a section of n units would otherwise be parsed n + 1 times. One translation of one document owns an instance;
/// the parsed trees are read, never changed.
/// </summary>
/// <param name="math">Which dollars delimit math on the site; translations are parsed with the same.</param>
public sealed class EnglishSections(Configuration.MathDelimiters math = Configuration.MathDelimiters.Dollars)
{
    private readonly Dictionary<string, EnglishSection> parsed = new(StringComparer.Ordinal);

    public Configuration.MathDelimiters Math => math;

    /// <summary>Parses Markdown (English or translated) as this site's pages do.</summary>
    internal MarkdownDocument Parse(string markdown) => LocalizationMarkdown.Parse(markdown, math);

    /// <summary>Parses as <see cref="Parse"/> does, or returns null when Markdig refuses the text as nested past its depth limit.</summary>
    internal MarkdownDocument? TryParse(string markdown) => LocalizationMarkdown.TryParse(markdown, math);

    internal EnglishSection Of(string sectionMarkdown)
    {
        if (!parsed.TryGetValue(sectionMarkdown, out var section))
            parsed[sectionMarkdown] = section = new EnglishSection(Parse(sectionMarkdown));
        return section;
    }
}

/// <summary>One English section parsed: its text blocks, its block skeleton, and the inline features of each block.</summary>
internal sealed class EnglishSection(MarkdownDocument document)
{
    private readonly ConcurrentDictionary<int, TranslationChecker.InlineFeatures> features = new();
    private readonly Lazy<string> skeleton = new(() => LocalizationMarkdown.Skeleton(document));

    public IReadOnlyList<LeafBlock> Blocks { get; } = LocalizationMarkdown.TextBlocks(document);

    public string Skeleton => skeleton.Value;

    public TranslationChecker.InlineFeatures Features(int ordinal) => features.GetOrAdd(ordinal, i => TranslationChecker.InlineFeatures.Of(Blocks[i]));
}
