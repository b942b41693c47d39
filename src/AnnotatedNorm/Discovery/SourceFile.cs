using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Discovery;

/// <summary>A content file that becomes a page.</summary>
/// <param name="RelativePath">Path under the content root, '/'-separated.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record SourceFile(string RelativePath, string FullPath, DocumentKind Kind)
{
    public string Folder => RelativePath.Contains('/') ? RelativePath[..RelativePath.LastIndexOf('/')] : "";

    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>The page's path under the output root: <c>dir/LayerNorm.cs</c> → <c>dir/LayerNorm.html</c>.</summary>
    public string OutputPath => OutputPaths.ForSource(RelativePath);
}
