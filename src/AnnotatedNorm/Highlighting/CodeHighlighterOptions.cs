using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
    /// <summary>The C# version the sources are parsed as; the newest (preview) unless the content's project sets <c>LangVersion</c>.</summary>
    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Preview;

    /// <summary>The nullable context the sources compile in (the project's <c>Nullable</c>; enabled by default).</summary>
    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Enable;

    /// <summary>How the parser reads the sources with these options; the annotation parser and the highlighter share each tree.</summary>
    public CSharpParseOptions ParseOptions => Parsing.CSharpSyntax.Options(PreprocessorSymbols, LanguageVersion);

    /// <summary>
    /// The options of <paramref name="site"/>: what its project compiles with (symbols, language version, nullable
    /// context, usings, references) when it has one, else the defaults with the references of <c>site.json</c>.
    /// </summary>
    public static CodeHighlighterOptions For(Discovery.SiteInput site)
    {
        var options = Default with { ReferencePaths = site.ReferencePaths };
        if (site.Project is not { } project) return options;
        return options with
        {
            PreprocessorSymbols = project.PreprocessorSymbols,
            GlobalUsings = project.GlobalUsings,
            LanguageVersion = LanguageVersionFacts.TryParse(project.LanguageVersion, out var version) ? version : LanguageVersion.Default,
            Nullable = project.Nullable.ToLowerInvariant() switch
            {
                "enable" => NullableContextOptions.Enable,
                "warnings" => NullableContextOptions.Warnings,
                "annotations" => NullableContextOptions.Annotations,
                _ => NullableContextOptions.Disable,
            },
        };
    }

    /// <summary>Bind every use of a name, even where a lookup in scope finds the same symbol faster; for tests that compare the two.</summary>
    internal bool BindEveryName { get; init; }

    public static CodeHighlighterOptions Default { get; } = new(
        [],
        Parsing.CSharpSyntax.PreprocessorSymbols,
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"]);
}
