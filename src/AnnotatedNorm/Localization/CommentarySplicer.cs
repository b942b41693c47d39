using System.Collections.Immutable;
using System.Text;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>Puts translations in place of their English in a commentary, keeping a source origin for every new line.</summary>
internal static class CommentarySplicer
{
    /// <remarks>Lines inside a translation point at the line where its English started; other lines keep their own origin.</remarks>
    public static Commentary Splice(Commentary english, ImmutableArray<(TranslationUnit Unit, string Text)> translations)
    {
        if (translations.IsEmpty) return english;
        var markdown = english.Markdown;
        var lineAt = new int[markdown.Length + 1];
        for (var i = 0; i < markdown.Length; i++) lineAt[i + 1] = lineAt[i] + (markdown[i] == '\n' ? 1 : 0);

        var text = new StringBuilder();
        var origins = new List<SourcePosition> { OriginOf(0) };
        var position = 0;
        foreach (var (unit, translation) in translations.OrderBy(t => t.Unit.Range!.Start))
        {
            var range = unit.Range!;
            AppendEnglish(position, range.Start);
            foreach (var c in range.Fit(translation))
            {
                text.Append(c);
                if (c == '\n') origins.Add(OriginOf(lineAt[range.Start]));
            }
            position = range.End;
        }
        AppendEnglish(position, markdown.Length);
        return new Commentary(text.ToString(), english.Origins.IsDefaultOrEmpty ? english.Origins : [.. origins]);

        void AppendEnglish(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                text.Append(markdown[i]);
                if (markdown[i] == '\n') origins.Add(OriginOf(lineAt[i] + 1));
            }
        }

        SourcePosition OriginOf(int line) =>
            english.Origins.IsDefaultOrEmpty ? default : english.Origins[Math.Min(line, english.Origins.Length - 1)];
    }
}
