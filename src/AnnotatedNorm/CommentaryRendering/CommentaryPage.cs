using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>What the commentary of one page shares across its sections: where problems go, how links resolve, which ids are taken.</summary>
/// <remarks>Render the sections of one page in order on one thread; different pages use different instances and may run in parallel.</remarks>
/// <param name="path">The source file, as diagnostics should name it.</param>
/// <param name="diagnostics">Receives every TeX and math-syntax error of the page; the page should not be published if any is an error.</param>
/// <param name="resolveLink">Maps each link and image URL (for example <c>cref:LayerNorm</c> or <c>../Other.cs</c>), with the source position of its link, to the URL to publish, null to keep it, or empty to publish the link's text without a link.</param>
/// <param name="reservedIds">Element ids the page layout already uses (such as <c>section-3</c>), which headings must not take.</param>
/// <param name="resolveValue">Maps each reference to an example's value (<c>{{Example.name}}</c>, spec 09), with its source position, to the text to show, or null to keep the reference as written.</param>
public sealed class CommentaryPage(
    string path,
    DiagnosticBag diagnostics,
    Func<string, SourcePosition, string?>? resolveLink = null,
    IEnumerable<string>? reservedIds = null,
    Func<string, SourcePosition, string?>? resolveValue = null)
{
    private readonly HashSet<string> usedIds = new(reservedIds ?? [], StringComparer.Ordinal);

    public string Path { get; } = path;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public Func<string, SourcePosition, string?>? ResolveLink { get; } = resolveLink;

    public Func<string, SourcePosition, string?>? ResolveValue { get; } = resolveValue;

    /// <summary>Ids handed out so far on this page, reserved ones included.</summary>
    public IReadOnlyCollection<string> UsedIds => usedIds;

    /// <summary>Returns <paramref name="id"/>, or it with the first free <c>-1</c>, <c>-2</c>… suffix, and marks the result taken.</summary>
    public string ClaimId(string id)
    {
        var candidate = id;
        for (var n = 1; !usedIds.Add(candidate); n++)
            candidate = $"{id}-{n}";
        return candidate;
    }
}
