using System.Collections.Immutable;
using AnnotatedNorm.Session;

namespace AnnotatedNorm;

/// <summary>What one run of the generator reads and writes; defaults are the repository layout.</summary>
/// <param name="ContentFolder">The annotated sources and <c>site.json</c>.</param>
/// <param name="TemplatesFolder">Razor templates, assets, interface texts and the KaTeX npm package.</param>
/// <param name="OutputFolder">Where the site is written (replaced atomically).</param>
/// <param name="Strict">Stale and missing translations are errors instead of warnings.</param>
/// <param name="WriteOutput">False for <c>check</c>: validate everything, write nothing.</param>
/// <param name="ReferencePaths">Assemblies the content compiles against besides the framework, for semantic highlighting.</param>
public sealed record BuildOptions(
    string ContentFolder = "content",
    string TemplatesFolder = "site-templates",
    string OutputFolder = "output",
    bool Strict = false,
    bool WriteOutput = true)
{
    public ImmutableArray<string> ReferencePaths { get; init; } = [];

    /// <summary>
    /// Skip the build when the output folder already holds what it would write (see <see cref="Session.BuildCache"/>);
    /// the command line turns this on, <c>--no-cache</c> off.
    /// </summary>
    public bool UseCache { get; init; }

    /// <summary>Also check that every internal link and <c>#fragment</c> of every language resolves (<c>check</c>).</summary>
    public bool CheckLinks { get; init; }

    /// <summary>
    /// Build the search index as a stage of the build (the default). <c>serve</c> turns it off and indexes after each
    /// rebuild is served, so that an edit reloads the page without waiting for the index (see <see cref="Serving.SiteRebuilder"/>).
    /// </summary>
    public bool IndexSearch { get; init; } = true;

    /// <summary>Script injected into every page while serving; null for a normal build.</summary>
    public string? LiveReloadScript { get; init; }

    /// <summary>How to compile and run the examples the pages declare; null shows none (see <see cref="Examples.SiteExamples"/>).</summary>
    public Examples.ExampleOptions? Examples { get; init; }

    /// <summary>Told when each stage starts and as pages are rendered; null when nobody watches.</summary>
    public IProgress<BuildProgress>? Progress { get; init; }
}
