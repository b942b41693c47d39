using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Highlighting.NameResolution;

/// <summary>
/// What name lookup asks of one compilation again and again: its members by name, the names extension members may
/// have, and its global usings. Made once per compilation, it is shared by every file and dropped with the compilation.
/// Thread-safe.
/// </summary>
internal sealed class CompilationIndex(Compilation compilation)
{
    private readonly Lazy<FrozenSet<string>?> extensionNames = new(() => NameResolution.ExtensionNames.Collect(compilation));
    private readonly Lazy<IReadOnlyList<UsingDirectiveSyntax>> globalUsings = new(() =>
    [
        .. compilation.SyntaxTrees.SelectMany(t => ((CompilationUnitSyntax)t.GetRoot()).Usings)
            .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)),
    ]);

    public MemberTable Members { get; } = new();

    /// <inheritdoc cref="NameResolution.ExtensionNames.Collect"/>
    public FrozenSet<string>? ExtensionNames => extensionNames.Value;

    public IReadOnlyList<UsingDirectiveSyntax> GlobalUsings => globalUsings.Value;
}
