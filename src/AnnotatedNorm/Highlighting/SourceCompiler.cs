using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnnotatedNorm.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AnnotatedNorm.Highlighting;

/// <summary>Parses the site's sources in parallel and compiles them together against the runtime and extra references.</summary>
internal static class SourceCompiler
{
    private const char ByteOrderMark = '\uFEFF';

    // Metadata references are reused across builds (the serve command rebuilds often): Roslyn keeps
    // the symbols it read from a reference object, so a second compilation binds much faster.
    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeReferences = new(ReadRuntimeReferences);
    private static readonly ConcurrentDictionary<string, MetadataReference> ExtraReferences = new(StringComparer.Ordinal);

    /// <summary>Parses every source, in parallel; the trees are in the order of <paramref name="sources"/>.</summary>
    /// <param name="parsed">Trees already parsed, one per source or null; each is used if it has this path and these options.</param>
    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> sources, CodeHighlighterOptions options, IReadOnlyList<SyntaxTree?>? parsed = null) =>
        Parse(sources, options, parsed, out _);

    /// <param name="reused">How many of the trees came from <paramref name="parsed"/>.</param>
    /// <inheritdoc cref="Parse(IReadOnlyList{ValueTuple{string, string}}, CodeHighlighterOptions, IReadOnlyList{SyntaxTree})"/>
    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> sources, CodeHighlighterOptions options, IReadOnlyList<SyntaxTree?>? parsed, out int reused)
    {
        var count = 0;
        var parseOptions = ParseOptionsFor(options);
        var trees = new SyntaxTree[sources.Count];
        Parallel.For(0, sources.Count, i =>
        {
            var (path, text) = sources[i];
            if (parsed?[i] is { } tree && tree.FilePath == path && parseOptions.Equals(tree.Options))
            {
                trees[i] = tree;
                Interlocked.Increment(ref count);
                return;
            }
            // The parser reports line numbers after the mark, so it must not become a character of line 1.
            var body = text.Length > 0 && text[0] == ByteOrderMark ? text[1..] : text;
            trees[i] = ParseOrEmpty(body, parseOptions, path);
        });
        reused = count;
        return [.. trees];
    }

    /// <summary>Compiles parsed sources together with the global usings and the references of <paramref name="options"/>.</summary>
    public static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, CodeHighlighterOptions options)
    {
        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Concat(options.GlobalUsings.Select(n => $"global using global::{n};\n")), ParseOptionsFor(options), "<global-usings>");
        return CSharpCompilation.Create(
            "AnnotatedNorm.Highlighted",
            trees.Append(globalUsings),
            ReferencesFor(options.ReferencePaths),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: options.Nullable, allowUnsafe: true));
    }

    /// <summary>
    /// Reads the references and declares a method against them, so that a compilation made later with the same
    /// references finds their assemblies read and Roslyn's declaration code loaded; meant to run beside parsing.
    /// </summary>
    /// <remarks>
    /// Only declarations are asked for, as highlighting asks for them of every file. Binding a call here as well
    /// (overload resolution over <c>Math.Max</c>) readied code that only some pages need and cost more CPU than it
    /// saved them: without it a first build takes 20 ms less CPU at 200 generated pages, where highlighting resolves
    /// every call itself, and 30 ms less on this repository's site.
    /// </remarks>
    public static void Warm(CodeHighlighterOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText("static class W { static int M(double[] x) => x.Length; }", ParseOptionsFor(options));
#pragma warning disable RSEXPERIMENTAL001 // as in CodeHighlighter.Create: highlighting never runs the nullable analysis
        var model = Compile([tree], options).GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
        model.GetDeclaredSymbol(tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First());
    }

    private static CSharpParseOptions ParseOptionsFor(CodeHighlighterOptions options) => options.ParseOptions;

    private static IEnumerable<MetadataReference> ReferencesFor(ImmutableArray<string> referencePaths)
    {
        var extra = referencePaths.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        var extraNames = extra.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A reference given explicitly wins over a runtime assembly of the same name.
        return RuntimeReferences.Value
            .Where(r => !extraNames.Contains(Path.GetFileName(r.Display)))
            .Concat(extra.Select(p => ExtraReferences.GetOrAdd(p, x => MetadataReference.CreateFromFile(x))));
    }

    // The framework's reference assemblies, which the content's own build compiles against: public types only, so
    // Roslyn reads a fraction of the metadata it reads from the running framework (binding a first file: 45-60 to
    // 30-45 ms, and 11-46 to 3-6 ms opening them). Without the SDK's targeting pack, as on a machine with only the
    // runtime, the running framework's own assemblies serve; never the host's other dependencies (Roslyn,
    // Markdig…), which the content may not use.
    private static ImmutableArray<MetadataReference> ReadRuntimeReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        if (TargetingPack(runtimeDirectory) is { } pack)
            return [.. Directory.GetFiles(pack, "*.dll").Order(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string)?.Split(Path.PathSeparator)
            ?? Directory.GetFiles(runtimeDirectory, "*.dll");
        return
        [
            .. trusted
                .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(p => MetadataReference.CreateFromFile(p)),
        ];
    }

    /// <summary>
    /// <c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net&lt;major&gt;.&lt;minor&gt;</c> beside the running framework:
    /// the running version's, else the newest of the same major and minor version; null when there is none.
    /// </summary>
    internal static string? TargetingPack(string runtimeDirectory)
    {
        var packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (!Directory.Exists(packs)) return null;
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var running = Path.GetFileName(runtimeDirectory);
        var sameRelease = Directory.GetDirectories(packs)
            .Select(Path.GetFileName)
            .Where(v => v == running || v!.StartsWith($"{Environment.Version.Major}.{Environment.Version.Minor}.", StringComparison.Ordinal))
            .OrderByDescending(v => v == running)
            .ThenByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version())
            .Select(v => Path.Combine(packs, v!, "ref", framework));
        return sameRelease.FirstOrDefault(f => File.Exists(Path.Combine(f, "System.Runtime.dll")));
    }

    /// <summary>
    /// The file's syntax tree; on the rare input that crashes Roslyn's parser, an empty tree, so the build goes on and
    /// the page shows that file's code as plain text.
    /// </summary>
    private static SyntaxTree ParseOrEmpty(string text, CSharpParseOptions options, string path)
    {
        try
        {
            return CSharpSyntaxTree.ParseText(SourceText.From(text), options, path);
        }
        catch (InvalidOperationException)
        {
            return CSharpSyntaxTree.ParseText(SourceText.From(""), options, path);
        }
    }
}
