using System.Collections.Immutable;
using System.Text;
using AnnotatedNorm.Highlighting.NameResolution;
using Microsoft.CodeAnalysis;

namespace AnnotatedNorm.Highlighting;

/// <summary>
/// Highlights the site's C# sources as HTML with Roslyn, compiling them all together once so that every
/// identifier is classified by what it binds to and linked to the section that declares it.
/// </summary>
public sealed class CodeHighlighter
{
    private readonly IReadOnlyDictionary<string, ClassifiedFile> files;
    private readonly HighlightMemo memo;

    private readonly IReadOnlyDictionary<string, DocComments> docs;

    private CodeHighlighter(ImmutableArray<ClassifiedFile> classified, ImmutableArray<DocComments> docs, string key, bool replayed, HighlightMemo memo)
    {
        this.memo = memo;
        files = classified.ToDictionary(f => f.Path, StringComparer.Ordinal);
        this.docs = classified.Select((f, i) => (f.Path, docs[i])).ToDictionary(d => d.Path, d => d.Item2, StringComparer.Ordinal);
        Declarations = [.. classified.SelectMany(f => f.Declarations)];
        Recording = new HighlightRecording(key, classified.ToImmutableDictionary(f => f.Path, f => f.Bindings, StringComparer.Ordinal),
            classified.Select((f, i) => (f.Path, docs[i])).Where(d => !d.Item2.Crefs.IsEmpty)
                .ToImmutableDictionary(d => d.Path, d => d.Item2.Crefs.Select(c => c.Target).ToImmutableArray(), StringComparer.Ordinal),
            classified.Select((f, i) => (f.Path, docs[i])).Where(d => !d.Item2.Inherited.IsEmpty)
                .ToImmutableDictionary(d => d.Path, d => d.Item2.Inherited, StringComparer.Ordinal));
        Replayed = replayed;
    }

    /// <summary>The crefs of a file's doc comments in source order, each with what the compiler bound it to.</summary>
    public ImmutableArray<BoundCref> CrefsOf(string path) => docs.TryGetValue(path, out var d) ? d.Crefs : [];

    /// <summary>What each <c>&lt;inheritdoc&gt;</c> of a file brings in, in source order.</summary>
    public ImmutableArray<InheritedDoc> InheritedOf(string path) => docs.TryGetValue(path, out var d) ? d.Inherited : [];

    /// <summary>What in a file's doc comments the page cannot show as written (unknown elements, <c>include</c>).</summary>
    internal ImmutableArray<DocCommentFinding> FindingsOf(string path) => docs.TryGetValue(path, out var d) ? d.Findings : [];

    /// <summary>Every symbol declared in the sources, in source order, file by file as given.</summary>
    public ImmutableArray<SymbolDeclaration> Declarations { get; }

    public IEnumerable<string> Paths => files.Keys;

    /// <summary>What identifiers bound to, for a later build of the same code to replay instead of compiling.</summary>
    internal HighlightRecording Recording { get; }

    /// <summary>How many sources were not parsed again because the caller's tree was given.</summary>
    internal int ReusedTrees { get; private init; }

    /// <summary>The bindings came from a recording: Roslyn parsed the sources but did not compile them.</summary>
    public bool Replayed { get; }

    public static CodeHighlighter Create(IReadOnlyList<(string Path, string Text)> sources, IReadOnlyList<string> referencePaths) =>
        Create(sources, CodeHighlighterOptions.Default with { ReferencePaths = [.. referencePaths] });

    /// <summary>Gets Roslyn ready to compile against these references (see <see cref="SourceCompiler.Warm"/>); errors are left to the real compilation.</summary>
    internal static void Warm(IEnumerable<string> referencePaths)
    {
        try
        {
            SourceCompiler.Warm(CodeHighlighterOptions.Default with { ReferencePaths = [.. referencePaths] });
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Compiles and classifies all sources; the costly part of highlighting, done once per build.</summary>
    /// <param name="sources">Path (a unique key, also reported in declarations) and text of each file; a leading byte-order mark is ignored.</param>
    /// <param name="options">References, preprocessor symbols and global usings; a reference path that does not exist throws.</param>
    public static CodeHighlighter Create(IReadOnlyList<(string Path, string Text)> sources, CodeHighlighterOptions options) =>
        Create(sources, options, previous: null);

    /// <param name="previous">Bindings of an earlier build; replayed instead of compiling when the sources' code is unchanged.</param>
    /// <param name="parsed">Trees the annotation parser already made, one per source or null; reused when parsed with the same options.</param>
    /// <inheritdoc cref="Create(IReadOnlyList{ValueTuple{string, string}}, CodeHighlighterOptions)"/>
    /// <param name="memo">What earlier highlighting worked out for trees that are given again (see <see cref="HighlightMemo"/>).</param>
    internal static CodeHighlighter Create(IReadOnlyList<(string Path, string Text)> sources, CodeHighlighterOptions options, HighlightRecording? previous,
        HighlightMemo? memo = null, IReadOnlyList<SyntaxTree?>? parsed = null)
    {
        memo ??= new HighlightMemo();
        var trees = SourceCompiler.Parse(sources, options, parsed, out var reusedTrees);
        var key = SemanticKey.Of(trees, options, memo);
        if (previous?.Key == key && Replay(sources, trees, previous, memo) is { } replayed
            && ReplayCrefs(replayed, trees, previous) is { } replayedDocs)
            return new CodeHighlighter(replayed, replayedDocs, key, replayed: true, memo) { ReusedTrees = reusedTrees };

        var compilation = SourceCompiler.Compile(trees, options);
        var classified = new ClassifiedFile[sources.Count];
        var docs = new DocComments[sources.Count];
        var identity = new SymbolIdentity(memo);
        var index = new CompilationIndex(compilation);
        var inheritance = new InheritedDocResolver(compilation);
        Parallel.For(0, sources.Count, i =>
        {
            // Classes and links depend on which symbol a name binds to, never on nullability, so the nullable flow
            // analysis that binding would otherwise run over each member is skipped.
#pragma warning disable RSEXPERIMENTAL001 // experimental since Roslyn 4.9, still present in 5.12; tests cover the classes it gives
            var model = compilation.GetSemanticModel(trees[i], SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
            classified[i] = Remember(memo, trees[i], SyntaxClassifier.Classify(sources[i].Path, trees[i], new SemanticBinder(model, identity, index, options.BindEveryName)));
            var syntax = DocCommentReader.Read(trees[i], classified[i].Text);
            var crefs = new CrefBinder(model, identity);
            var lines = syntax.Inheritdocs.IsEmpty ? null : new LineMap(classified[i].Text);
            ImmutableArray<InheritedDoc> inherited = lines is null ? [] : [.. syntax.Inheritdocs.Select(e => inheritance.Resolve(e, crefs, model, lines))];
            docs[i] = DocComments.Of(syntax, classified[i].Text, [.. syntax.Crefs.Select(crefs.Bind)], inherited);
        });
        return new CodeHighlighter([.. classified], [.. docs], key, replayed: false, memo) { ReusedTrees = reusedTrees };
    }

    private static ClassifiedFile Remember(HighlightMemo memo, SyntaxTree tree, ClassifiedFile file)
    {
        memo.Classified.AddOrUpdate(tree, file);
        return file;
    }

    private static ImmutableArray<ClassifiedFile>? Replay(IReadOnlyList<(string Path, string Text)> sources, ImmutableArray<SyntaxTree> trees, HighlightRecording recording, HighlightMemo memo)
    {
        var classified = new ClassifiedFile?[sources.Count];
        Parallel.For(0, sources.Count, (i, loop) =>
        {
            if (!recording.Files.TryGetValue(sources[i].Path, out var bindings)) { loop.Stop(); return; }
            // The same tree replaying the same bindings classifies the same way: serve keeps both between builds.
            if (memo.Classified.TryGetValue(trees[i], out var known) && known.Path == sources[i].Path && known.Bindings == bindings)
            {
                classified[i] = known;
                return;
            }
            var binder = new RecordedBinder(bindings);
            try
            {
                var file = SyntaxClassifier.Classify(sources[i].Path, trees[i], binder);
                if (binder.MatchedExactly) classified[i] = Remember(memo, trees[i], file); else loop.Stop();
            }
            catch (InvalidOperationException)
            {
                loop.Stop();
            }
        });
        // A recording that does not fit (it cannot, with an equal key, unless it was damaged) means compiling after all.
        return classified.All(f => f is not null) ? [.. classified.Select(f => f!)] : null;
    }

    /// <summary>The crefs of each file with the targets recorded for them; null when a file's crefs do not match the recording.</summary>
    /// <remarks>The bindings key covers every cref's tokens, so with an equal key the crefs are the recorded ones, in the same order.</remarks>
    private static ImmutableArray<DocComments>? ReplayCrefs(ImmutableArray<ClassifiedFile> classified, ImmutableArray<SyntaxTree> trees, HighlightRecording recording)
    {
        var docs = new DocComments?[classified.Length];
        Parallel.For(0, classified.Length, i =>
        {
            var syntax = DocCommentReader.Read(trees[i], classified[i].Text);
            var targets = recording.Crefs.TryGetValue(classified[i].Path, out var known) ? known : [];
            var inherited = recording.Inherited.TryGetValue(classified[i].Path, out var brought) ? brought : [];
            if (targets.Length == syntax.Crefs.Length && inherited.Length == syntax.Inheritdocs.Length)
                docs[i] = DocComments.Of(syntax, classified[i].Text, targets, inherited);
        });
        return docs.All(d => d is not null) ? [.. docs.Select(d => d!)] : null;
    }

    /// <summary>Renders one source file; safe to call from several threads at once.</summary>
    /// <param name="hrefForSymbol">The URL, relative to the page, of the section declaring a symbol id, or null for no link.</param>
    /// <exception cref="ArgumentException">The path was not among the sources given to <see cref="Create(IReadOnlyList{ValueTuple{string, string}}, CodeHighlighterOptions)"/>.</exception>
    public HighlightedSource Highlight(string path, Func<string, string?> hrefForSymbol) => Highlight(path, hrefForSymbol, linkKey: null);

    /// <param name="linkKey">Names the links <paramref name="hrefForSymbol"/> gives, so that HTML rendered with the same key can be reused; null renders afresh.</param>
    /// <inheritdoc cref="Highlight(string, Func{string, string?})"/>
    internal HighlightedSource Highlight(string path, Func<string, string?> hrefForSymbol, string? linkKey)
    {
        if (!files.TryGetValue(path, out var known))
            throw new ArgumentException($"'{path}' is not one of the highlighted sources.", nameof(path));
        // A file classified once (serve keeps them between builds) renders the same HTML while its links are the same.
        if (linkKey is not null && memo.Rendered.TryGetValue(known, out var earlier) && earlier.Item1 == linkKey) return earlier.Item2;
        var source = Render(known, hrefForSymbol);
        if (linkKey is not null) memo.Rendered.AddOrUpdate(known, Tuple.Create(linkKey, source));
        return source;
    }

    private static HighlightedSource Render(ClassifiedFile file, Func<string, string?> hrefForSymbol)
    {
        var hrefs = new Dictionary<string, string?>(StringComparer.Ordinal);
        var writer = new HtmlLineWriter();
        var position = 0;
        foreach (var span in file.Spans)
        {
            if (span.Start < position) continue;
            writer.Write(file.Text, position, span.Start - position);
            var href = span is { SymbolId: { } id, IsInSource: true, IsDeclaration: false }
                ? hrefs.TryGetValue(id, out var known) ? known : hrefs[id] = hrefForSymbol(id)
                : null;
            writer.Write(file.Text, span.Start, span.Length, new SpanTag(span.CssClass, span.IsDeclaration, span.SymbolId, href));
            position = span.End;
        }
        writer.Write(file.Text, position, file.Text.Length - position);
        return new HighlightedSource(file.Path, writer.Finish());
    }
}
