using System.Text;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Syntax;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Markdig's HTML renderer with KaTeX for math, kept by each thread and used for section after section.</summary>
/// <remarks>
/// Setting up a renderer creates some forty object renderers, and a fresh writer grew its buffer again for every
/// section (a KaTeX formula alone is several kilobytes): together about a third of what rendering allocated.
/// </remarks>
internal sealed class CommentaryHtmlRenderer : HtmlRenderer
{
    // A section far larger than usual should not keep its buffer alive for the rest of the build.
    private const int KeptCapacity = 1 << 18;

    [ThreadStatic] private static CommentaryHtmlRenderer? author;
    [ThreadStatic] private static CommentaryHtmlRenderer? translation;

    private readonly KatexMathInlineRenderer inlineMath = new();
    private readonly KatexMathBlockRenderer blockMath = new();

    private CommentaryHtmlRenderer(MarkdownPipeline pipeline) : base(new StringWriter(new StringBuilder(1 << 14)))
    {
        pipeline.Setup(this);
        ObjectRenderers.Replace<HtmlMathInlineRenderer>(inlineMath);
        ObjectRenderers.Replace<HtmlMathBlockRenderer>(blockMath);
    }

    /// <summary>This thread's renderer for <paramref name="allowHtml"/>'s pipeline.</summary>
    public static CommentaryHtmlRenderer ForThread(bool allowHtml) => allowHtml
        ? author ??= new CommentaryHtmlRenderer(CommentaryPipeline.Get(allowHtml: true))
        : translation ??= new CommentaryHtmlRenderer(CommentaryPipeline.Get(allowHtml: false));

    public string RenderToString(MarkdownDocument document, MathTypesetter typesetter, bool implicitParagraph)
    {
        Reset();
        ImplicitParagraph = implicitParagraph;
        inlineMath.Typesetter = blockMath.Typesetter = typesetter;
        try
        {
            Render(document);
            Writer.Flush();
            var buffer = ((StringWriter)Writer).GetStringBuilder();
            var html = buffer.ToString();
            if (buffer.Capacity > KeptCapacity) Writer = new StringWriter(new StringBuilder(1 << 14));
            return html;
        }
        finally
        {
            // The typesetter holds the page; a renderer kept by the thread must not keep it alive.
            inlineMath.Typesetter = blockMath.Typesetter = null;
        }
    }
}
