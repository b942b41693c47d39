using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>One source file as highlighted HTML, one self-contained fragment per source line.</summary>
/// <param name="Path">The source path as given to the highlighter.</param>
/// <param name="Lines">HTML of line i+1 at index i, without its line ending; every tag opened on a line is closed on it.</param>
public sealed record HighlightedSource(string Path, ImmutableArray<string> Lines);
