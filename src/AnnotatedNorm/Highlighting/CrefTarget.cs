using System.Collections.Immutable;

namespace AnnotatedNorm.Highlighting;

/// <summary>What kind of thing a <c>cref</c> names, which decides how the page links it.</summary>
public enum CrefTargetKind : byte
{
    /// <summary>A symbol declared in the site's sources; the target is its symbol id.</summary>
    Source = 1,

    /// <summary>A symbol of .NET itself (a <c>System</c> or <c>Microsoft</c> namespace); the target is its page in the API reference.</summary>
    Framework = 2,

    /// <summary>A symbol of another referenced library: shown as code, with no link.</summary>
    External = 3,

    /// <summary>A cref the compiler cannot bind.</summary>
    Unbound = 4,
}

/// <summary>What the compiler bound one <c>cref</c> to, without any Roslyn object, so a later build can replay it.</summary>
/// <param name="Target">The symbol id for <see cref="CrefTargetKind.Source"/>, the URL for <see cref="CrefTargetKind.Framework"/>, else null.</param>
public sealed record CrefTarget(CrefTargetKind Kind, string? Target)
{
    public static CrefTarget Unbound { get; } = new(CrefTargetKind.Unbound, null);

    public static CrefTarget External { get; } = new(CrefTargetKind.External, null);
}

/// <summary>One <c>cref</c> of a doc comment: its text as the XML reads it, where it starts, and what it names.</summary>
/// <param name="Line">1-based line of the cref's first character.</param>
/// <param name="Column">1-based column (UTF-16 code units) of the cref's first character.</param>
public sealed record BoundCref(string Text, int Line, int Column, CrefTarget Target);

/// <summary>What highlighting learned from one file's doc comments.</summary>
/// <param name="Inherited">What each <c>&lt;inheritdoc&gt;</c> brings in, in source order.</param>
internal sealed record DocComments(ImmutableArray<BoundCref> Crefs, ImmutableArray<DocCommentFinding> Findings, ImmutableArray<InheritedDoc> Inherited)
{
    public static DocComments Of(DocCommentSyntax syntax, string text, ImmutableArray<CrefTarget> targets, ImmutableArray<InheritedDoc> inherited)
    {
        if (syntax.Crefs.IsEmpty) return new([], syntax.Findings, inherited);
        var lines = new LineMap(text);
        var crefs = ImmutableArray.CreateBuilder<BoundCref>(syntax.Crefs.Length);
        for (var i = 0; i < syntax.Crefs.Length; i++)
        {
            var (line, column) = DocCommentReader.PositionOf(syntax.Crefs[i], lines);
            crefs.Add(new BoundCref(DocCommentReader.TextOf(syntax.Crefs[i], text), line, column, targets[i]));
        }
        return new(crefs.MoveToImmutable(), syntax.Findings, inherited);
    }
}
