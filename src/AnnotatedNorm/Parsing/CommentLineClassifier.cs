using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AnnotatedNorm.Parsing;

/// <summary>Tells, for every line of a C# file, whether it is commentary (and which kind) or code, from Roslyn trivia.</summary>
internal static class CommentLineClassifier
{
    /// <param name="root">The root of the text's syntax tree; null (Roslyn's parser crashed on the text) leaves every line code.</param>
    public static ImmutableArray<ClassifiedLine> Classify(SyntaxNode? root, LineIndex index)
    {
        var lines = index.Lines;
        var result = new ClassifiedLine[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            var blank = string.IsNullOrWhiteSpace(lines[i].Text);
            result[i] = new ClassifiedLine(lines[i], blank ? LineKind.Blank : LineKind.Code, 0, -1);
        }

        if (root is not null) MarkCommentsOf(root, result, index);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    // Trivia are read token by token rather than with DescendantTrivia(descendIntoTrivia: true): the structure of a doc
    // comment holds no comment of its own, and building it takes a lock that Roslyn shares between threads.
    private static void MarkCommentsOf(SyntaxNode node, ClassifiedLine[] result, LineIndex index)
    {
        foreach (var token in node.DescendantTokens())
        {
            MarkComments(token.LeadingTrivia, result, index);
            MarkComments(token.TrailingTrivia, result, index);
        }
    }

    private static void MarkComments(SyntaxTriviaList trivia, ClassifiedLine[] result, LineIndex index)
    {
        foreach (var item in trivia)
        {
            switch (item.Kind())
            {
                case SyntaxKind.SingleLineCommentTrivia:
                    MarkLineComment(result, index, item.Span);
                    break;
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                    MarkBlockComment(result, index, item.FullSpan);
                    break;
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                    // The span starts after the first "///"; the full span covers it and the final line break.
                    MarkDocComment(result, index, item.FullSpan);
                    break;
                default:
                    // Directives and skipped tokens are structured too, and their tokens' trivia can hold comments.
                    if (item.HasStructure) MarkCommentsOf(item.GetStructure()!, result, index);
                    break;
            }
        }
    }

    private static void MarkLineComment(ClassifiedLine[] result, LineIndex index, TextSpan span)
    {
        var line = index.LineOf(span.Start);
        if (index.LineOf(span.End) != line || !IsAlone(index, line, span)) return;
        var column = index.ColumnOf(span.Start);
        var content = index.Rest(line, column + 2);
        if (content.StartsWith('!')) return;
        var kind = string.IsNullOrWhiteSpace(content) ? LineKind.BareComment : LineKind.LineComment;
        result[line] = result[line] with { Kind = kind, Marker = column };
    }

    private static void MarkBlockComment(ClassifiedLine[] result, LineIndex index, TextSpan span)
    {
        var first = index.LineOf(span.Start);
        var last = index.LineOf(Math.Max(span.Start, span.End - 1));
        if (!IsAlone(index, first, last, span)) return;
        var column = index.ColumnOf(span.Start);
        for (var line = first; line <= last; line++)
            result[line] = result[line] with { Kind = LineKind.BlockComment, Marker = line == first ? column : 0, BlockStart = first };
    }

    private static void MarkDocComment(ClassifiedLine[] result, LineIndex index, TextSpan span)
    {
        var first = index.LineOf(span.Start);
        var last = index.LineOf(Math.Max(span.Start, span.End - 1));
        for (var line = first; line <= last; line++)
        {
            var text = result[line].Line.Text;
            var marker = text.Length - text.TrimStart().Length;
            // A "///" after code on the same line is a trailing comment and stays in the code.
            if (string.CompareOrdinal(text, marker, "///", 0, 3) == 0)
                result[line] = result[line] with { Kind = LineKind.DocComment, Marker = marker };
        }
    }

    private static bool IsAlone(LineIndex index, int line, TextSpan span) => IsAlone(index, line, line, span);

    /// <summary>Only whitespace before the comment on its first line and after it on its last line.</summary>
    private static bool IsAlone(LineIndex index, int first, int last, TextSpan span)
    {
        var before = index.Lines[first].Text[..Math.Min(index.ColumnOf(span.Start), index.Lines[first].Text.Length)];
        var after = index.Rest(last, index.LineOf(span.End) == last ? index.ColumnOf(span.End) : int.MaxValue);
        return string.IsNullOrWhiteSpace(before) && string.IsNullOrWhiteSpace(after);
    }
}
