using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>The identifier bindings of one build's sources, file by file, valid while the sources' <see cref="SemanticKey"/> is unchanged.</summary>
internal sealed record HighlightRecording(string Key, ImmutableDictionary<string, ImmutableArray<BoundIdentifier>> Files);
