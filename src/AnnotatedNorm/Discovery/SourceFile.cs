using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Discovery;

/// <summary>A content file that becomes a page.</summary>
/// <param name="RelativePath">Path under the content root, '/'-separated.</param>
/// <param name="FullPath">Absolute path on disk.</param>
public sealed record SourceFile(string RelativePath, string FullPath, DocumentKind Kind)
{
    public string Folder => RelativePath.Contains('/') ? RelativePath[..RelativePath.LastIndexOf('/')] : "";

    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>An <c>index.md</c>: the page of its folder itself (the home page at the root).</summary>
    public bool IsFolderIndex => FileName.Equals("index.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>readme.md</c>: introduces its folder when the folder has no <c>index.md</c>.</summary>
    public bool IsReadme => FileName.Equals("readme.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's path under the output root: <c>dir/LayerNorm.cs</c> → <c>dir/LayerNorm.html</c>.</summary>
    public string OutputPath => OutputPaths.ForSource(RelativePath);
}
