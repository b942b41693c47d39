using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>What one <c>&lt;inheritdoc&gt;</c> of a file stands for: the documentation it brings in, or why it brings none.</summary>
/// <param name="Line">1-based line of the element's <c>&lt;</c>.</param>
/// <param name="Column">1-based column (UTF-16 code units) of the element's <c>&lt;</c>.</param>
/// <param name="Xml">The inherited XML nodes, written out, with every <c>cref</c> a documentation id; null when nothing is inherited.</param>
/// <param name="Crefs">What each <c>cref</c> of <paramref name="Xml"/> names, by its text.</param>
/// <param name="Code">The warning's code when nothing is inherited, else null.</param>
public sealed record InheritedDoc(int Line, int Column, string? Xml, ImmutableArray<KeyValuePair<string, CrefTarget>> Crefs, string? Code = null, string? Message = null);
