using System.Collections.Immutable;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Pages;

namespace AnnotatedNorm.Discovery;

/// <summary>What the Discover stage finds: configuration, source files, interface texts and where everything is.</summary>
public sealed record SiteInput(
    BuildOptions Options,
    SiteConfiguration Configuration,
    ImmutableArray<SourceFile> Sources,
    ImmutableArray<string> Assets,
    ImmutableSortedDictionary<string, UiStrings> Ui,
    ImmutableArray<string> ReferencePaths)
{
    /// <summary>What the content's C# project compiles with, as MSBuild said; null for content without a project.</summary>
    public ProjectSettings? Project { get; init; }

    public string ContentRoot => Path.GetFullPath(Options.ContentFolder);

    public string TemplatesRoot => Path.GetFullPath(Options.TemplatesFolder);

    /// <summary>Where the templates folder keeps the script the layout writes inline in every page's head.</summary>
    public const string ThemeScriptPath = "scripts/theme.js";

    /// <summary>The script that applies the reader's stored theme before the page is drawn, or empty when the templates have none.</summary>
    public string ThemeScript { get; init; } = "";

    /// <summary>The policy of every page, allowing exactly the inline scripts this build writes into its pages.</summary>
    public string ContentSecurityPolicy =>
        Templating.ContentSecurityPolicy.For(new[] { ThemeScript, Options.LiveReloadScript ?? "" }.Where(s => s.Length > 0));

    /// <summary>How a content file is named in diagnostics: relative to the working directory, '/'-separated.</summary>
    public string DisplayPath(SourceFile source) => Display(source.FullPath);

    /// <summary>Where the catalog of <paramref name="source"/> for <paramref name="culture"/> lives: <c>xlf/</c> beside the source.</summary>
    public string CatalogPath(SourceFile source, string culture) =>
        Path.Combine(ContentRoot, TranslationCatalog.PathFor(source.RelativePath, culture));

    /// <summary>The catalog of a page, or null when it has none yet or it cannot be read (reported to <paramref name="diagnostics"/>).</summary>
    public TranslationCatalog? ReadCatalog(SourceFile source, string culture, DiagnosticBag diagnostics)
    {
        var path = CatalogPath(source, culture);
        if (!File.Exists(path)) return null;
        try { return XliffCatalogReader.ReadFile(path, Display(path), culture); }
        catch (BuildException e) { diagnostics.Add(e.Diagnostic); return null; }
    }

    public static string Display(string fullPath) =>
        Path.GetRelativePath(Environment.CurrentDirectory, fullPath).Replace('\\', '/');
}
