using System.Collections.Immutable;
using System.Text;

namespace AnnotatedNorm.Documents;

/// <summary>What kind of source a page comes from.</summary>
public enum DocumentKind
{
    /// <summary>An annotated C# file: commentary beside code.</summary>
    CSharp,

    /// <summary>A <c>readme.md</c> or <c>index.md</c>: commentary only.</summary>
    Markdown,
}

/// <summary>A parsed source file: its front matter and its sections, which together hold every line of it.</summary>
/// <param name="Path">Path relative to the content root, with '/' separators.</param>
public sealed record AnnotatedDocument(
    string Path,
    DocumentKind Kind,
    bool HasByteOrderMark,
    FrontMatter FrontMatter,
    ImmutableArray<Section> Sections)
{
    /// <summary>Puts the sections back together; equals the original file text (after any byte-order mark).</summary>
    public string Reassemble()
    {
        var text = new StringBuilder();
        foreach (var line in Sections.SelectMany(s => s.Lines))
            text.Append(line.Text).Append(line.Ending);
        return text.ToString();
    }
}
