using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Puts <see cref="DisplayMathBlockParser"/> in place of Markdig's math block parser.</summary>
/// <remarks>Registered after <c>UseMathematics()</c>: extensions add their parsers in order while the pipeline is built.</remarks>
internal sealed class DisplayMathExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Replace<MathBlockParser>(new DisplayMathBlockParser()))
            throw new InvalidOperationException("UseMathematics() must come before the display math extension");
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
