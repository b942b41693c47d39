using AnnotatedNorm.Configuration;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Keeps the math parsers that the site's <c>"math"</c> setting asks for (see <see cref="MathDelimiters"/>).</summary>
/// <remarks>
/// Registered after the display math extension. The math renderers stay in every pipeline, so one renderer serves
/// them all; without a parser no math node is ever made, and a dollar is text like any other character.
/// </remarks>
internal sealed class MathDelimitersExtension(MathDelimiters math) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        switch (math)
        {
            case MathDelimiters.DisplayOnly:
                var inline = pipeline.InlineParsers.FindExact<MathInlineParser>()
                    ?? throw new InvalidOperationException("UseMathematics() must come before the math delimiters extension");
                pipeline.InlineParsers.Replace<MathInlineParser>(new DoubleDollarInlineParser(inline));
                break;
            case MathDelimiters.None:
                pipeline.InlineParsers.RemoveAll(p => p is MathInlineParser);
                pipeline.BlockParsers.RemoveAll(p => p is DisplayMathBlockParser or MathBlockParser);
                break;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>Markdig's inline math, opened only by <c>$$</c>: a single dollar is left to the text.</summary>
    private sealed class DoubleDollarInlineParser : InlineParser
    {
        private readonly MathInlineParser math;

        public DoubleDollarInlineParser(MathInlineParser math)
        {
            this.math = math;
            OpeningCharacters = ['$'];
        }

        public override void Initialize() => math.Initialize();

        public override bool Match(InlineProcessor processor, ref StringSlice slice) =>
            slice.CurrentChar == '$' && slice.PeekChar() == '$' && slice.PeekCharExtra(-1) != '$' && math.Match(processor, ref slice);
    }
}
