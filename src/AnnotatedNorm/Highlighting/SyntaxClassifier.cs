using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting;

/// <summary>The classified spans of one file and the symbols it declares.</summary>
/// <param name="Bindings">What each identifier token bound to, in walk order: enough to classify the same tokens again without Roslyn.</param>
internal sealed record ClassifiedFile(string Path, string Text, ImmutableArray<CodeSpan> Spans, ImmutableArray<SymbolDeclaration> Declarations,
    ImmutableArray<BoundIdentifier> Bindings);

/// <summary>Walks every token and trivia of a syntax tree in order and classifies each.</summary>
internal sealed class SyntaxClassifier
{
    private readonly string path;
    private readonly string text;
    private readonly LineMap lines;
    private readonly IIdentifierBinder binder;
    private readonly ImmutableArray<CodeSpan>.Builder spans;
    private readonly ImmutableArray<SymbolDeclaration>.Builder declarations = ImmutableArray.CreateBuilder<SymbolDeclaration>();
    private readonly ImmutableArray<BoundIdentifier>.Builder bindings = ImmutableArray.CreateBuilder<BoundIdentifier>();

    private SyntaxClassifier(string path, string text, IIdentifierBinder binder)
    {
        this.path = path;
        this.text = text;
        lines = new LineMap(text);
        this.binder = binder;
        // About one span per 15 characters of C# (30 in this repository's heavily commented sources): sized for the
        // denser case, the builder seldom grows, where from its default size it doubled six or seven times a file.
        spans = ImmutableArray.CreateBuilder<CodeSpan>(text.Length / 12 + 16);
    }

    public static ClassifiedFile Classify(string path, SyntaxTree tree, IIdentifierBinder binder)
    {
        var text = tree.GetText().ToString();
        var classifier = new SyntaxClassifier(path, text, binder);
        foreach (var token in tree.GetRoot().DescendantTokens())
            classifier.VisitToken(token, context: null);
        return new ClassifiedFile(path, text, classifier.spans.ToImmutable(), classifier.declarations.ToImmutable(), classifier.bindings.ToImmutable());
    }

    /// <param name="context">The class of the structured trivia the token is in (a directive, a doc comment), or null in code.</param>
    private void VisitToken(SyntaxToken token, string? context)
    {
        foreach (var trivia in token.LeadingTrivia) VisitTrivia(trivia, context);
        if (token.Span.Length > 0) ClassifyToken(token, context);
        foreach (var trivia in token.TrailingTrivia) VisitTrivia(trivia, context);
    }

    private void VisitTrivia(SyntaxTrivia trivia, string? context)
    {
        // A doc comment is one class throughout, but for the names in its crefs: without a cref, its structure (which
        // Roslyn builds under a lock) would only give the same single span.
        if (context is null && trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) | trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)
            && !text.AsSpan(trivia.FullSpan.Start, trivia.FullSpan.Length).Contains("cref", StringComparison.Ordinal))
        {
            Add(trivia.FullSpan.Start, trivia.FullSpan.Length, HighlightClasses.DocComment);
            return;
        }
        if (trivia.GetStructure() is { } structure)
        {
            var inner = structure switch
            {
                DocumentationCommentTriviaSyntax => HighlightClasses.DocComment,
                DirectiveTriviaSyntax => HighlightClasses.Preprocessor,
                _ => context,
            };
            foreach (var token in structure.DescendantTokens()) VisitToken(token, inner);
            return;
        }
        var cssClass = trivia.Kind() switch
        {
            SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia =>
                context == HighlightClasses.DocComment ? context : HighlightClasses.Comment,
            SyntaxKind.DocumentationCommentExteriorTrivia => HighlightClasses.DocComment,
            SyntaxKind.DisabledTextTrivia => HighlightClasses.DisabledText,
            SyntaxKind.PreprocessingMessageTrivia => HighlightClasses.Preprocessor,
            // Other trivia, whitespace included, takes the class of the directive or doc comment it is in.
            _ => context,
        };
        Add(trivia.Span.Start, trivia.Span.Length, cssClass);
    }

    private void ClassifyToken(SyntaxToken token, string? context)
    {
        if (context == HighlightClasses.Preprocessor
            || context == HighlightClasses.DocComment && !(token.IsKind(SyntaxKind.IdentifierToken) && token.Parent?.FirstAncestorOrSelf<CrefSyntax>() is not null))
        {
            Add(token.Span.Start, token.Span.Length, context);
            return;
        }
        var kind = token.Kind();
        if (kind == SyntaxKind.IdentifierToken || SymbolClassifier.DeclaresWithoutName(token)) ClassifyIdentifier(token);
        else if (kind == SyntaxKind.NumericLiteralToken) Add(token.Span.Start, token.Span.Length, HighlightClasses.Number);
        else if (StringLiteralSplitter.IsStringToken(kind)) StringLiteralSplitter.Split(token, Add);
        else if (SyntaxFacts.IsKeywordKind(kind)) Add(token.Span.Start, token.Span.Length, KeywordClass(token));
    }

    private void ClassifyIdentifier(SyntaxToken token)
    {
        var bound = binder.Bind(token);
        bindings.Add(bound);
        if (bound.SymbolId is null)
        {
            Add(token.Span.Start, token.Span.Length, bound.CssClass);
            return;
        }
        spans.Add(new CodeSpan(token.Span.Start, token.Span.Length, bound.CssClass, bound.SymbolId, bound.IsDeclaration, bound.IsInSource));
        if (bound.Declares.IsEmpty) return;
        var (line, column) = lines.PositionOf(token.Span.Start);
        var documented = IsDocumented(token);
        foreach (var declared in bound.Declares)
            declarations.Add(new SymbolDeclaration(declared.SymbolId, declared.Category, token.ValueText, declared.DisplayName,
                declared.DocumentationId, path, line, column, documented));
    }

    /// <summary>Whether the member or type the token declares has a documentation comment before it.</summary>
    private static bool IsDocumented(SyntaxToken token) =>
        token.Parent?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault() is { } member
        && member.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia));

    private static string KeywordClass(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.IfKeyword or SyntaxKind.ElseKeyword or SyntaxKind.WhileKeyword or SyntaxKind.ForKeyword
            or SyntaxKind.ForEachKeyword or SyntaxKind.DoKeyword or SyntaxKind.SwitchKeyword or SyntaxKind.CaseKeyword
            or SyntaxKind.TryKeyword or SyntaxKind.CatchKeyword or SyntaxKind.FinallyKeyword or SyntaxKind.GotoKeyword
            or SyntaxKind.BreakKeyword or SyntaxKind.ContinueKeyword or SyntaxKind.ReturnKeyword or SyntaxKind.ThrowKeyword
            or SyntaxKind.YieldKeyword => HighlightClasses.ControlKeyword,
        SyntaxKind.DefaultKeyword when token.Parent is DefaultSwitchLabelSyntax => HighlightClasses.ControlKeyword,
        _ => HighlightClasses.Keyword,
    };

    private void Add(int start, int length, string? cssClass)
    {
        if (cssClass is null || length == 0) return;
        // Neighbours of one class (the tokens of a directive line) become one element.
        if (spans.Count > 0 && spans[^1] is { SymbolId: null } last && last.CssClass == cssClass && last.End == start)
            spans[^1] = last with { Length = last.Length + length };
        else
            spans.Add(new CodeSpan(start, length, cssClass));
    }
}
