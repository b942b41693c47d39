using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>Reads <c>$$ … $$</c> display math that starts a line, in any of the shapes authors write it.</summary>
/// <remarks>
/// Markdig's own math block only accepts <c>$$</c> alone on its opening and closing lines; written as
/// <c>$$\begin{aligned}</c> … <c>\end{aligned}$$</c> the formula silently became a paragraph whose backslashes
/// Markdown then ate. This parser also interrupts a paragraph, so no blank line is needed before the formula.
/// A line such as <c>$$x$$ is the mean</c> is left to the paragraph: math inside a sentence is an inline.
/// </remarks>
internal sealed class DisplayMathBlockParser : BlockParser
{
    /// <summary>Data key set on a block whose closing <c>$$</c> never came.</summary>
    public const string UnclosedKey = "AnnotatedNorm.DisplayMath.Unclosed";

    public DisplayMathBlockParser() => OpeningCharacters = ['$'];

    public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent) return BlockState.None;
        var line = processor.Line;
        if (line.CurrentChar != '$' || line.PeekChar() != '$') return BlockState.None;

        var contentStart = line.Start + 2;
        var close = FindClosing(line.Text, contentStart, line.End);
        if (close >= 0 && !IsBlank(line.Text, close + 2, line.End)) return BlockState.None;

        var block = new MathBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
            FencedChar = '$',
            OpeningFencedCharCount = 2,
        };
        processor.NewBlocks.Push(block);
        if (close >= 0)
        {
            Append(block, processor, contentStart, close - 1, keepBlank: false);
            block.ClosingFencedCharCount = 2;
            return BlockState.BreakDiscard;
        }

        Append(block, processor, contentStart, line.End, keepBlank: false);
        block.SetData(UnclosedKey, true);
        // "Discard": this parser has stored the line itself, without its "$$".
        return BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var math = (MathBlock)block;
        var line = processor.Line;
        math.UpdateSpanEnd(line.End);
        var close = FindClosing(line.Text, line.Start, line.End);
        // A "$$" with text after it is not a closing fence; KaTeX will point at it as an error in the formula.
        if (close >= 0 && IsBlank(line.Text, close + 2, line.End))
        {
            Append(math, processor, line.Start, close - 1, keepBlank: false);
            math.ClosingFencedCharCount = 2;
            math.RemoveData(UnclosedKey);
            return BlockState.BreakDiscard;
        }

        Append(math, processor, line.Start, line.End, keepBlank: true);
        return BlockState.ContinueDiscard;
    }

    /// <summary>Index of the first "$$" in text[start..end] that TeX would not read as an escaped dollar.</summary>
    private static int FindClosing(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '$' && text[i + 1] == '$') return i;
        }

        return -1;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i <= end; i++)
            if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    // Lines keep their absolute offsets into the Markdown (StringSlice.Start), which is how a KaTeX error position
    // inside a multi-line formula is mapped back to the source.
    private static void Append(MathBlock block, BlockProcessor processor, int start, int end, bool keepBlank)
    {
        if (!keepBlank && IsBlank(processor.Line.Text, start, end)) return;
        var slice = new StringSlice(processor.Line.Text, start, end);
        block.AppendLine(ref slice, processor.Column, processor.LineIndex, processor.CurrentLineStartPosition, false);
    }
}
