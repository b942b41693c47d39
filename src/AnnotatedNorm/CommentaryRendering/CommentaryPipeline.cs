using AnnotatedNorm.Configuration;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>The one Markdown dialect of commentary, built once per process in its two trust levels and three math settings.</summary>
public static class CommentaryPipeline
{
    // Pipelines are immutable and shared by every build: one per trust level and math setting, built on first use.
    private static readonly Lazy<MarkdownPipeline>[] Pipelines =
    [
        .. from allowHtml in new[] { true, false }
           from math in Enum.GetValues<MathDelimiters>()
           select new Lazy<MarkdownPipeline>(() => Build(allowHtml, math)),
    ];

    /// <summary>The shared pipeline; without HTML, raw tags in the Markdown are shown as text, so a translation cannot inject markup.</summary>
    /// <param name="math">Which dollars delimit math (the site's <c>"math"</c> setting).</param>
    public static MarkdownPipeline Get(bool allowHtml, MathDelimiters math = MathDelimiters.Dollars) =>
        Pipelines[(allowHtml ? 0 : 1) * Enum.GetValues<MathDelimiters>().Length + (int)math].Value;

    private static MarkdownPipeline Build(bool allowHtml, MathDelimiters math)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseTaskLists()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseMathematics()
            .UsePreciseSourceLocation();
        builder.Extensions.Add(new DisplayMathExtension());
        builder.Extensions.Add(new MathDelimitersExtension(math));
        if (!allowHtml) builder.DisableHtml();
        return builder.Build();
    }
}
