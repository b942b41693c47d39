using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using AnnotatedNorm.Documents;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnnotatedNorm.Localization;

/// <summary>One reason a translation cannot be used.</summary>
public sealed record TranslationProblem(string Code, string Message);

/// <summary>Checks a translation against its English before it is used: no raw HTML, the same block structure, and the same math, inline code, link targets and images.</summary>
/// <remarks>
/// The structure check puts the translation in place of the English in the section's Markdown, parses the result and
/// compares the block skeletons, so a list item that grows a second paragraph, a paragraph that turns into a list or
/// a table cell with an extra <c>|</c> are all caught the way the page would render them.
/// </remarks>
public static partial class TranslationChecker
{
    /// <param name="sectionMarkdown">The English Markdown of the unit's section; ignored for front-matter units.</param>
    /// <param name="english">The document's English sections as already parsed, or null to parse the section here.</param>
    public static ImmutableArray<TranslationProblem> Check(TranslationUnit unit, string translation, string? sectionMarkdown, EnglishSections? english = null)
    {
        var (context, range, ordinal) = unit.Range is { } r && sectionMarkdown is not null
            ? (sectionMarkdown, r, unit.BlockOrdinal)
            : (unit.Source, new MarkdownRange(0, unit.Source.Length, ""), 0);

        // Checked as the page will have it: trimmed and fitted into its block (an indented translation parses alone as
        // a code block, and only trimmed does its HTML show).
        if (HasRawHtml(range.Fit(translation)))
            return [new(LocalizationCodes.RawHtml, "raw HTML is not allowed in a translation; write Markdown, or escape '<' as \\<")];

        var section = (english ?? new EnglishSections()).Of(context);
        // A translation nested thousands of levels deep is refused here, at its place in the catalog, not by the page.
        if (LocalizationMarkdown.TryParse(Substitute(context, range, translation)) is not { } translated)
            return [new(LocalizationCodes.StructureChanged, "the translation nests Markdown deeper than the parser allows; it must keep the English's block structure")];
        if (section.Skeleton != LocalizationMarkdown.Skeleton(translated))
            return [new(LocalizationCodes.StructureChanged,
                $"the translation changes the Markdown block structure; it must stay one {Describe(unit.Kind)} (no extra blocks, no list markers, headings or blank lines of its own)")];

        var before = section.Features(ordinal);
        var after = InlineFeatures.Of(LocalizationMarkdown.TextBlocks(translated)[ordinal]);
        return [.. new[]
        {
            Compare(LocalizationCodes.MathChanged, "math", before.Math, after.Math),
            Compare(LocalizationCodes.CodeChanged, "inline code", before.Code, after.Code),
            Compare(LocalizationCodes.LinksChanged, "link targets", before.Links, after.Links),
            Compare(LocalizationCodes.ImagesChanged, "images", before.Images, after.Images),
        }.OfType<TranslationProblem>()];
    }

    /// <summary>
    /// Whether every one of these translations of units of one section passes <see cref="Check"/>, told from a single
    /// parse of the section with all of them in place, as the page will have them. False when a translation fails or
    /// the batch cannot tell (overlapping units, raw HTML); each is then checked alone, for its own diagnostic.
    /// </summary>
    /// <remarks>
    /// Checking a unit alone parses the whole section with that one translation in it, so a section of n translated
    /// units was parsed n times; a site of paragraphs, lists and headings spends most of its localization there.
    /// </remarks>
    public static bool AllPass(string sectionMarkdown, IReadOnlyList<(TranslationUnit Unit, string Translation)> units, EnglishSections? english = null)
    {
        if (units.Count < 2) return false;
        var end = 0;
        foreach (var (unit, translation) in units.OrderBy(u => u.Unit.Range?.Start ?? -1))
        {
            if (unit.Range is not { } range || range.Start < end || HasRawHtml(range.Fit(translation))) return false;
            end = range.End;
        }

        // Put in place as the page will have them.
        var text = CommentarySplicer.Splice(new Commentary(sectionMarkdown, []), [.. units]).Markdown;
        var section = (english ?? new EnglishSections()).Of(sectionMarkdown);
        if (LocalizationMarkdown.TryParse(text) is not { } translated || section.Skeleton != LocalizationMarkdown.Skeleton(translated)) return false;
        var blocks = LocalizationMarkdown.TextBlocks(translated);
        return units.All(u => section.Features(u.Unit.BlockOrdinal).SameAs(InlineFeatures.Of(blocks[u.Unit.BlockOrdinal])));
    }

    // Raw HTML, block or inline, opens with '<': a translation without one needs no parse to tell.
    private static bool HasRawHtml(string translation)
    {
        if (!translation.Contains('<')) return false;
        // Text too deeply nested to parse is refused by the structure check.
        return LocalizationMarkdown.TryParse(translation) is { } standalone
            && (standalone.Descendants<HtmlBlock>().Any() || standalone.Descendants<HtmlInline>().Any());
    }

    /// <summary>Puts a translation in place of the English slice, repeating the container prefix after each line break.</summary>
    public static string Substitute(string markdown, MarkdownRange range, string translation)
    {
        return string.Concat(markdown.AsSpan(0, range.Start), range.Fit(translation), markdown.AsSpan(range.End));
    }

    private static TranslationProblem? Compare(string code, string what, List<string> english, List<string> translation)
    {
        var missing = Except(english, translation);
        var extra = Except(translation, english);
        if (missing.Count == 0 && extra.Count == 0) return null;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add("missing " + string.Join(", ", missing));
        if (extra.Count > 0) parts.Add("not in the English " + string.Join(", ", extra));
        return new(code, $"{what} must be the same as in the English: {string.Join("; ", parts)}");
    }

    private static List<string> Except(List<string> from, List<string> remove)
    {
        var left = new List<string>(remove);
        return [.. from.Where(item => !left.Remove(item))];
    }

    private static string Describe(UnitKind kind) => kind switch
    {
        UnitKind.Heading => "heading of the same level",
        UnitKind.ListItem => "list item paragraph",
        UnitKind.TableCell => "table cell on one line",
        _ => "paragraph",
    };

    internal sealed record InlineFeatures(List<string> Math, List<string> Code, List<string> Links, List<string> Images)
    {
        /// <summary>The same math, code, link targets and images, in any order: what <see cref="Check"/> asks of a translation.</summary>
        public bool SameAs(InlineFeatures other) =>
            SameItems(Math, other.Math) && SameItems(Code, other.Code) && SameItems(Links, other.Links) && SameItems(Images, other.Images);

        private static bool SameItems(List<string> english, List<string> translation) =>
            english.Count == translation.Count && (english.Count == 0 || Except(english, translation).Count == 0);

        public static InlineFeatures Of(LeafBlock block)
        {
            var features = new InlineFeatures([], [], [], []);
            foreach (var inline in block.Inline?.Descendants<Inline>() ?? [])
            {
                switch (inline)
                {
                    case MathInline math:
                        var fence = new string(math.Delimiter, math.DelimiterCount);
                        features.Math.Add($"{fence}{math.Content}{fence}"); break;
                    case CodeInline code:
                        features.Code.Add($"`{code.Content}`"); break;
                    case LinkInline { IsImage: true } image:
                        features.Images.Add($"({WithoutLanguage(image.Url ?? "")})"); break;
                    case LinkInline link:
                        features.Links.Add($"({link.Url})"); break;
                    case AutolinkInline autolink:
                        features.Links.Add($"<{autolink.Url}>"); break;
                    case FootnoteLink { IsBackLink: false } footnote:
                        features.Links.Add($"[^{footnote.Footnote.Label}]"); break;
                }
            }
            return features;
        }

        // A translation may show a localized copy of an image, named like the English one with a culture
        // name before the extension (figure.svg, figure.ja.svg), so the two compare as the same image. Only
        // a known culture name counts, so figure.old.svg stays a different image.
        private static string WithoutLanguage(string url)
        {
            var match = LocalizedImageName().Match(url);
            return match.Success && IsCulture(match.Groups["culture"].Value)
                ? url[..match.Index] + match.Groups["extension"].Value
                : url;
        }

        private static bool IsCulture(string name)
        {
            try
            {
                return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
            }
            catch (CultureNotFoundException)
            {
                return false;
            }
        }
    }

    [GeneratedRegex(@"\.(?<culture>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?<extension>\.[A-Za-z0-9]+)$")]
    private static partial Regex LocalizedImageName();
}
