using System.Collections.Immutable;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Parsing;

/// <summary>Groups classified lines into sections: each commentary opens a section that runs until the next one.</summary>
internal static class SectionBuilder
{
    /// <param name="inherited">What each <c>&lt;inheritdoc&gt;</c> brings in, by the position of its <c>&lt;</c>; null for none.</param>
    public static List<SectionDraft> Build(ImmutableArray<ClassifiedLine> lines, IReadOnlyDictionary<SourcePosition, string>? inherited = null)
    {
        var drafts = new List<SectionDraft>();
        var commentary = new List<ClassifiedLine>();
        var code = new List<SourceLine>();
        var i = 0;
        while (i < lines.Length)
        {
            if (!lines[i].IsCommentary)
            {
                code.Add(lines[i].Line);
                i++;
                continue;
            }
            Close();
            var end = CommentaryEnd(lines, i);
            commentary = [.. lines.Skip(i).Take(end - i)];
            i = end;
        }
        Close();
        return drafts;

        void Close()
        {
            if (commentary.Count == 0 && code.Count == 0) return;
            var markdown = commentary.Count == 0 ? [] : CommentaryBuilder.Build(commentary, inherited);
            drafts.Add(new SectionDraft([.. commentary.Select(l => l.Line)], [.. code], markdown));
            commentary = [];
            code = [];
        }
    }

    /// <summary>Where the commentary starting at a line ends: later runs join it across blank lines, section breaks never do.</summary>
    private static int CommentaryEnd(ImmutableArray<ClassifiedLine> lines, int start)
    {
        var end = RunEnd(lines, start);
        if (IsBreak(lines, start, end)) return end;
        while (true)
        {
            var next = end;
            while (next < lines.Length && lines[next].Kind == LineKind.Blank) next++;
            if (next == end || next >= lines.Length || !lines[next].IsCommentary) return end;
            var nextEnd = RunEnd(lines, next);
            if (IsBreak(lines, next, nextEnd)) return end;
            end = nextEnd;
        }
    }

    private static int RunEnd(ImmutableArray<ClassifiedLine> lines, int start)
    {
        var end = start;
        while (end < lines.Length && lines[end].IsCommentary) end++;
        return end;
    }

    private static bool IsBreak(ImmutableArray<ClassifiedLine> lines, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (lines[i].Kind != LineKind.BareComment) return false;
        return true;
    }
}
