using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AnnotatedNorm.Parsing;

/// <summary>How the generator parses C#: one set of options, so the annotation parser and the highlighter can share each tree.</summary>
public static class CSharpSyntax
{
    /// <summary>
    /// The conditional symbols the SDK defines for a .NET 10 project, for sources without a project MSBuild can read
    /// (a configuration's DEBUG or RELEASE is not among them); a project's own come from MSBuild.
    /// </summary>
    public static ImmutableArray<string> PreprocessorSymbols { get; } =
    [
        "TRACE", "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    // Preview so that the newest literal forms (raw strings and whatever follows) are lexed as literals, not as comments.
    public static CSharpParseOptions Options(IEnumerable<string> preprocessorSymbols, LanguageVersion version = LanguageVersion.Preview) =>
        new(version, DocumentationMode.Parse, SourceCodeKind.Regular, preprocessorSymbols);

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
