using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Highlighting;

/// <summary>The Highlight stage's result: every C# page's lines as HTML, and where each declared symbol's section is.</summary>
public sealed class HighlightedSite
{
    private readonly IReadOnlyDictionary<string, HighlightedSource> highlighted;
    private readonly IReadOnlyDictionary<string, (string Page, int Section)> declarations;
    private readonly CrefIndex crefs;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, CrefTarget>> bound;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<SourcePosition, string>> inherited;
    private readonly IReadOnlyDictionary<(string Path, int Section), ImmutableArray<string>> names;

    internal HighlightedSite(IReadOnlyDictionary<string, HighlightedSource> highlighted, IReadOnlyDictionary<string, (string, int)> declarations,
        ImmutableArray<SymbolDeclaration> all, HighlightRecording? recording, string links = "", bool replayed = false,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, CrefTarget>>? boundCrefs = null,
        IReadOnlyDictionary<(string, int), ImmutableArray<string>>? declaredNames = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<SourcePosition, string>>? inherited = null)
    {
        this.inherited = inherited ?? ImmutableDictionary<string, IReadOnlyDictionary<SourcePosition, string>>.Empty;
        bound = boundCrefs ?? ImmutableDictionary<string, IReadOnlyDictionary<string, CrefTarget>>.Empty;
        names = declaredNames ?? ImmutableDictionary<(string, int), ImmutableArray<string>>.Empty;
        Replayed = replayed;
        Links = links;
        this.highlighted = highlighted;
        this.declarations = declarations;
        crefs = new CrefIndex(all);
        Recording = recording;
    }

    /// <summary>What identifiers bound to in this build, for the next one to replay; null for a site without C#.</summary>
    internal HighlightRecording? Recording { get; }

    /// <summary>A hash of where every declared symbol's section is: equal between two builds, every code and <c>cref</c> link is too.</summary>
    internal string Links { get; }

    /// <summary>The bindings were replayed from <see cref="Recording"/>'s predecessor: nothing new to record.</summary>
    internal bool Replayed { get; }

    /// <summary>The highlighted file, or null for a page without code; the same object as long as its HTML is unchanged.</summary>
    internal HighlightedSource? SourceOf(string relativePath) => highlighted.GetValueOrDefault(relativePath);

    public IReadOnlyList<string> LinesOf(string relativePath) =>
        highlighted.TryGetValue(relativePath, out var source) ? source.Lines : [];

    /// <summary>The names of the types and members a section of the file declares, each once, in source order: what a reader searches the code for.</summary>
    public ImmutableArray<string> NamesDeclaredIn(string relativePath, int section) =>
        names.TryGetValue((relativePath, section), out var declared) ? declared : [];

    /// <summary>
    /// What the compiler bound a cref of the file's doc comments to, by its text (whitespace aside); null when no doc
    /// comment of the file has that cref, as for a <c>cref:</c> link written in commentary.
    /// </summary>
    /// <remarks>The same text bound in two places of one file names the same symbol but in rare cases; the first is taken.</remarks>
    public CrefTarget? CrefOf(string relativePath, string cref) =>
        bound.TryGetValue(relativePath, out var file) && file.TryGetValue(CrefKey(cref), out var target) ? target : null;

    /// <summary>
    /// The documentation each <c>&lt;inheritdoc&gt;</c> of a file brings in, as XML, by the position of the element's
    /// <c>&lt;</c>; empty for a file without one. The parser puts it in the element's place (see <see cref="SiteParser.Inherit"/>).
    /// </summary>
    public IReadOnlyDictionary<SourcePosition, string> InheritedOf(string relativePath) =>
        inherited.TryGetValue(relativePath, out var docs) ? docs : ImmutableDictionary<SourcePosition, string>.Empty;

    /// <summary>The section that declares a symbol id, as a link from <paramref name="fromPage"/>; null when no section declares it.</summary>
    public string? SectionHref(string symbolId, string fromPage) =>
        declarations.TryGetValue(symbolId, out var target) ? Href(fromPage, target.Page, target.Section) : null;

    /// <summary>A cref's text without whitespace, which the compiler ignores between its tokens and a Markdown link cannot hold.</summary>
    public static string CrefKey(string cref) => string.Concat(cref.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The section that declares the symbol a <c>cref</c> names, found by the text of its documentation id, as a link from <paramref name="fromPage"/>.</summary>
    public string? CrefHref(string cref, string fromPage)
    {
        var match = crefs.Find(cref);
        return match is not null && declarations.TryGetValue(match.SymbolId, out var target) ? Href(fromPage, target.Page, target.Section) : null;
    }

    internal static string Href(string fromPage, string toPage, int section) =>
        fromPage == toPage ? $"#section-{section}" : $"{OutputPaths.Relative(fromPage, toPage)}#section-{section}";
}

/// <summary>The Highlight stage: compiles every C# page together, highlights each, and notes which section declares each symbol.</summary>
public static class SiteHighlighter
{
    /// <param name="previous">Bindings recorded by an earlier build, replayed if the code did not change since.</param>
    /// <param name="memo">What highlighting worked out for trees of earlier builds (see <see cref="HighlightMemo"/>); null for none.</param>
    /// <param name="diagnostics">Receives a warning for each cref the compiler cannot bind and each doc comment element the page cannot show.</param>
    internal static HighlightedSite Highlight(SiteInput site, ImmutableArray<ParsedDocument> documents, DiagnosticBag diagnostics,
        HighlightRecording? previous = null, HighlightMemo? memo = null)
    {
        var code = documents.Where(d => d.Document.Kind == DocumentKind.CSharp).ToList();
        if (code.Count == 0) return new HighlightedSite(ImmutableDictionary<string, HighlightedSource>.Empty, ImmutableDictionary<string, (string, int)>.Empty, [], null);

        var highlighter = CodeHighlighter.Create([.. code.Select(d => (d.Source.RelativePath, d.Text))],
            CodeHighlighterOptions.For(site), previous, memo ?? new HighlightMemo(), [.. code.Select(d => d.Tree)]);
        var byPath = code.ToDictionary(d => d.Source.RelativePath, StringComparer.Ordinal);
        var declared = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var documented = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<(string, int), List<string>>();
        foreach (var declaration in highlighter.Declarations)
            if (byPath.TryGetValue(declaration.Path, out var document) && document.SectionOf(declaration.Line) is >= 0 and var section)
            {
                // A partial type is declared in several files; its links go to the first declaration with documentation,
                // which is where a reader learns what it is, rather than to whichever file sorts first.
                var place = (document.Source.OutputPath, section);
                declared.TryAdd(declaration.SymbolId, place);
                if (declaration.IsDocumented && documented.Add(declaration.SymbolId)) declared[declaration.SymbolId] = place;
                if (!declaration.IsTypeOrMember) continue;
                var inSection = names.TryGetValue((declaration.Path, section), out var list) ? list : names[(declaration.Path, section)] = [];
                if (!inSection.Contains(declaration.Name, StringComparer.Ordinal)) inSection.Add(declaration.Name);
            }

        // Pages of every culture mirror one tree, so a link relative to the page is the same in all of them.
        var links = LinksKey(declared);
        var html = new HighlightedSource[code.Count];
        Parallel.For(0, code.Count, i =>
        {
            var page = code[i].Source.OutputPath;
            html[i] = highlighter.Highlight(code[i].Source.RelativePath,
                id => declared.TryGetValue(id, out var target) ? HighlightedSite.Href(page, target.Item1, target.Item2) : null, links + page);
        });
        return new HighlightedSite(
            html.ToDictionary(h => h.Path, StringComparer.Ordinal),
            declared.ToDictionary(StringComparer.Ordinal),
            highlighter.Declarations,
            highlighter.Recording,
            links,
            highlighter.Replayed,
            DocComments(site, code, highlighter, diagnostics),
            names.ToDictionary(n => n.Key, n => n.Value.ToImmutableArray()),
            code.Select(d => d.Source.RelativePath).Where(p => !highlighter.InheritedOf(p).IsEmpty).ToDictionary(p => p,
                p => (IReadOnlyDictionary<SourcePosition, string>)highlighter.InheritedOf(p).Where(d => d.Xml is not null)
                    .ToDictionary(d => new SourcePosition(d.Line, d.Column), d => d.Xml!), StringComparer.Ordinal));
    }

    /// <summary>Each file's crefs by text, and a warning for each cref that binds to nothing and each element the page cannot show.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, CrefTarget>> DocComments(SiteInput site, List<ParsedDocument> code,
        CodeHighlighter highlighter, DiagnosticBag diagnostics)
    {
        var crefs = new Dictionary<string, IReadOnlyDictionary<string, CrefTarget>>(StringComparer.Ordinal);
        foreach (var document in code)
        {
            var path = document.Source.RelativePath;
            var display = site.DisplayPath(document.Source);
            foreach (var finding in highlighter.FindingsOf(path))
                diagnostics.Add(Diagnostic.Warning(display, finding.Line, finding.Column, finding.Code, finding.Message));
            var inherited = highlighter.InheritedOf(path);
            foreach (var doc in inherited.Where(d => d.Code is not null))
                diagnostics.Add(Diagnostic.Warning(display, doc.Line, doc.Column, doc.Code!, doc.Message ?? ""));
            var found = highlighter.CrefsOf(path);
            if (found.IsEmpty && inherited.IsEmpty) continue;
            var byText = new Dictionary<string, CrefTarget>(StringComparer.Ordinal);
            // What inherited documentation names is written as documentation ids, which no cref of the file's own spells alike.
            foreach (var (cref, target) in inherited.SelectMany(d => d.Crefs)) byText.TryAdd(HighlightedSite.CrefKey(cref), target);
            foreach (var cref in found)
            {
                byText.TryAdd(HighlightedSite.CrefKey(cref.Text), cref.Target);
                if (cref.Target.Kind == CrefTargetKind.Unbound)
                    diagnostics.Add(Diagnostic.Warning(display, cref.Line, cref.Column, UnboundCref,
                        $"the compiler cannot bind cref '{cref.Text}' to a symbol; it is shown as code without a link"));
            }
            crefs[path] = byText.ToDictionary(StringComparer.Ordinal);
        }
        return crefs.ToDictionary(StringComparer.Ordinal);
    }

    public const string UnboundCref = "AN0602";

    /// <summary>A hash of where every declared symbol is: two builds with equal keys link every use alike.</summary>
    /// <remarks>A dictionary that was only added to lists its entries in the order they were added, here source order.</remarks>
    private static string LinksKey(Dictionary<string, (string Page, int Section)> declared)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        foreach (var (id, (page, section)) in declared)
        {
            text.Append(id).Append(' ').Append(page).Append('#').Append(section).Append('\n');
            if (text.Length < 1 << 16) continue;
            hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
            text.Clear();
        }
        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.GetHashAndReset()) + " ";
    }
}
