using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>Classifies a string or character literal token, marking its escape sequences apart from its text.</summary>
internal static class StringLiteralSplitter
{
    private enum Escapes { None, Backslash, DoubledQuote, BackslashAndBraces, DoubledQuoteAndBraces }

    public static bool IsStringToken(SyntaxKind kind) => kind is SyntaxKind.StringLiteralToken
        or SyntaxKind.CharacterLiteralToken or SyntaxKind.Utf8StringLiteralToken
        or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
        or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
        or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
        or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedRawStringEndToken
        or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedStringToken;

    public static void Split(SyntaxToken token, Action<int, int, string?> add)
    {
        var text = token.Text;
        var start = token.Span.Start;
        var (escapes, from, to) = EscapesOf(token);
        var run = 0;
        var i = Math.Max(from, 0);
        while (i < to)
        {
            var length = EscapeLength(text, i, to, escapes);
            if (length == 0)
            {
                i++;
                continue;
            }
            add(start + run, i - run, HighlightClasses.String);
            add(start + i, length, HighlightClasses.StringEscape);
            i += length;
            run = i;
        }
        add(start + run, text.Length - run, HighlightClasses.String);
    }

    /// <summary>Which escapes the token may hold, and the range of its text where they may be.</summary>
    private static (Escapes, int From, int To) EscapesOf(SyntaxToken token)
    {
        var text = token.Text;
        switch (token.Kind())
        {
            case SyntaxKind.CharacterLiteralToken:
                return (Escapes.Backslash, 0, text.Length);
            case SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken:
                return text.StartsWith('@')
                    ? (Escapes.DoubledQuote, 2, text.LastIndexOf('"'))
                    : (Escapes.Backslash, 0, text.Length);
            case SyntaxKind.InterpolatedStringTextToken when token.Parent is InterpolatedStringTextSyntax
                { Parent: InterpolatedStringExpressionSyntax expression }:
                return expression.StringStartToken.Kind() switch
                {
                    SyntaxKind.InterpolatedStringStartToken => (Escapes.BackslashAndBraces, 0, text.Length),
                    SyntaxKind.InterpolatedVerbatimStringStartToken => (Escapes.DoubledQuoteAndBraces, 0, text.Length),
                    _ => (Escapes.None, 0, 0),
                };
            default:
                return (Escapes.None, 0, 0);
        }
    }

    private static int EscapeLength(string text, int i, int to, Escapes escapes)
    {
        if (i + 1 >= to) return 0;
        var (c, next) = (text[i], text[i + 1]);
        if (c == '\\' && escapes is Escapes.Backslash or Escapes.BackslashAndBraces)
        {
            var hexDigits = next switch { 'x' or 'u' => 4, 'U' => 8, _ => 0 };
            var length = 2;
            while (hexDigits-- > 0 && i + length < to && char.IsAsciiHexDigit(text[i + length])) length++;
            return length;
        }
        if (c == '"' && next == '"' && escapes is Escapes.DoubledQuote or Escapes.DoubledQuoteAndBraces) return 2;
        if (c is '{' or '}' && next == c && escapes is Escapes.BackslashAndBraces or Escapes.DoubledQuoteAndBraces) return 2;
        return 0;
    }
}
