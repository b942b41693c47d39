using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AnnotatedNorm.Parsing;

/// <summary>How the generator parses C#: one set of options, so the annotation parser and the highlighter can share each tree.</summary>
public static class CSharpSyntax
{
    /// <summary>The conditional symbols the content project compiles with on .NET 10 (DEBUG is a configuration's, so it is not among them).</summary>
    public static ImmutableArray<string> PreprocessorSymbols { get; } = ["NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "TRACE"];

    // Preview so that the newest literal forms (raw strings and whatever follows) are lexed as literals, not as comments.
    public static CSharpParseOptions Options(IEnumerable<string> preprocessorSymbols) =>
        new(LanguageVersion.Preview, DocumentationMode.Parse, SourceCodeKind.Regular, preprocessorSymbols);

    public static CSharpParseOptions DefaultOptions { get; } = Options(PreprocessorSymbols);

    /// <summary>The tree of <paramref name="text"/>, or null on the rare input that crashes Roslyn's parser.</summary>
    public static SyntaxTree? TryParse(string text, CSharpParseOptions options, string path = "")
    {
        try
        {
            return CSharpSyntaxTree.ParseText(SourceText.From(text), options, path);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
