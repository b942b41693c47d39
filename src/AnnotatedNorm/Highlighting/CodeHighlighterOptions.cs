using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>How the site's sources are compiled for highlighting.</summary>
/// <param name="ReferencePaths">Assemblies the sources use besides the .NET runtime (TorchSharp.dll).</param>
/// <param name="PreprocessorSymbols">Symbols defined for <c>#if</c>; code under an undefined one shows as disabled text.</param>
/// <param name="GlobalUsings">Namespaces imported into every file, as the SDK's implicit usings do for the content project.</param>
public sealed record CodeHighlighterOptions(
    ImmutableArray<string> ReferencePaths,
    ImmutableArray<string> PreprocessorSymbols,
    ImmutableArray<string> GlobalUsings)
{
    /// <summary>Bind every use of a name, even where a lookup in scope finds the same symbol faster; for tests that compare the two.</summary>
    internal bool BindEveryName { get; init; }

    public static CodeHighlighterOptions Default { get; } = new(
        [],
        Parsing.CSharpSyntax.PreprocessorSymbols,
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"]);
}
