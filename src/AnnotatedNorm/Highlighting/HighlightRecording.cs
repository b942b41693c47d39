using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>The identifier bindings of one build's sources, file by file, valid while the sources' <see cref="SemanticKey"/> is unchanged.</summary>
/// <param name="Crefs">What each cref of a file's doc comments bound to, in source order; files without crefs are left out.</param>
/// <param name="Inherited">What each <c>&lt;inheritdoc&gt;</c> of a file brought in, in source order; files without one are left out.</param>
internal sealed record HighlightRecording(string Key, ImmutableDictionary<string, ImmutableArray<BoundIdentifier>> Files,
    ImmutableDictionary<string, ImmutableArray<CrefTarget>> Crefs, ImmutableDictionary<string, ImmutableArray<InheritedDoc>> Inherited);
