using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>The one Markdown dialect of commentary, built once per process in its two trust levels.</summary>
public static class CommentaryPipeline
{
    private static readonly Lazy<MarkdownPipeline> Author = new(() => Build(allowHtml: true));
    private static readonly Lazy<MarkdownPipeline> Translation = new(() => Build(allowHtml: false));

    /// <summary>The shared pipeline; without HTML, raw tags in the Markdown are shown as text, so a translation cannot inject markup.</summary>
    public static MarkdownPipeline Get(bool allowHtml) => allowHtml ? Author.Value : Translation.Value;

    private static MarkdownPipeline Build(bool allowHtml)
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
        if (!allowHtml) builder.DisableHtml();
        return builder.Build();
    }
}
