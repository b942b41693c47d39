using System.Collections.Immutable;

namespace AnnotatedNorm.Discovery;

/// <summary>What the content's own project compiles with, as MSBuild evaluated it; highlighting and parsing use the same.</summary>
/// <param name="ProjectPath">The project file, full path.</param>
/// <param name="TargetFramework">The target framework the settings are for (one of several when the project targets more).</param>
/// <param name="PreprocessorSymbols">The project's <c>DefineConstants</c> after evaluation, for <c>#if</c>.</param>
/// <param name="LanguageVersion">The project's <c>LangVersion</c>, or empty for the compiler's default.</param>
/// <param name="Nullable">The project's <c>Nullable</c> (<c>enable</c>, <c>disable</c>, <c>warnings</c>, <c>annotations</c>), or empty.</param>
/// <param name="GlobalUsings">The namespaces of the project's <c>Using</c> items (implicit usings included).</param>
/// <param name="ReferencePaths">The reference assemblies it compiles against (framework, packages, projects); empty when it is not restored.</param>
/// <param name="Inputs">The files the answer was made from (project, imports found above it, assets file), for the build cache.</param>
public sealed record ProjectSettings(
    string ProjectPath,
    string TargetFramework,
    ImmutableArray<string> PreprocessorSymbols,
    string LanguageVersion,
    string Nullable,
    ImmutableArray<string> GlobalUsings,
    ImmutableArray<string> ReferencePaths,
    ImmutableArray<string> Inputs)
{
    /// <summary>Whether MSBuild resolved the references: false for a project that was not restored.</summary>
    public bool Restored { get; init; } = true;
}
