using System.Collections.Immutable;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Discovery;

/// <summary>The Discover stage: reads <c>site.json</c> and the interface texts, and finds every page and image of the content folder.</summary>
public static class SiteDiscoverer
{
    /// <param name="diagnostics">Told the warnings of discovery (links that are not followed); errors are thrown.</param>
    /// <param name="projects">Where what MSBuild said about the content's project is kept; null asks MSBuild every time.</param>
    public static SiteInput Discover(BuildOptions options, DiagnosticBag? diagnostics = null, ProjectSettingsStore? projects = null)
    {
        var contentRoot = Path.GetFullPath(options.ContentFolder);
        if (options.WriteOutput) EnsureApart(contentRoot, Path.GetFullPath(options.OutputFolder));
        var templatesRoot = Path.GetFullPath(options.TemplatesFolder);
        var configuration = SiteConfigurationReader.Read(contentRoot, SiteInput.Display(Path.Combine(contentRoot, SiteConfiguration.FileName)));
        var ui = configuration.Languages.ToImmutableSortedDictionary(
            culture => culture,
            culture => UiStringsReader.Read(templatesRoot, culture, SiteInput.Display(templatesRoot)),
            StringComparer.Ordinal);
        var mismatched = configuration.Languages.Skip(1)
            .SelectMany(culture => UiStringsReader.CompareKeys(ui[configuration.DefaultLanguage], ui[culture], SiteInput.Display(templatesRoot)))
            .FirstOrDefault();
        if (mismatched is not null) throw new BuildException(mismatched);

        diagnostics ??= new DiagnosticBag();
        var project = ContentProject.Read(contentRoot, configuration, projects ?? new ProjectSettingsStore(null), diagnostics);
        var references = ImmutableArray.CreateBuilder<string>();
        // A restored project says every assembly its sources compile against; 'references' serves content without one.
        if (project is { Restored: true }) references.AddRange(project.ReferencePaths.Where(File.Exists));
        else foreach (var name in configuration.References)
        {
            var path = options.ReferencePaths.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw MissingReference(contentRoot, name, options.ReferencePaths.Length);
            references.Add(path);
        }
        var warnings = new List<Diagnostic>();
        var (pages, assets) = ContentDiscoverer.Find(contentRoot, warnings, Path.GetFullPath(options.OutputFolder));
        warnings.AddRange(OrphanCatalogs(contentRoot, pages, configuration));
        foreach (var warning in warnings) diagnostics.Add(warning);
        if (pages.Select(page => Collision(page, configuration)).FirstOrDefault(d => d is not null) is { } collision)
            throw new BuildException(collision);
        // A folder's index.md is its page and its readme.md would introduce it: with both, one of them would be lost.
        if (pages.GroupBy(page => page.Folder, StringComparer.Ordinal).FirstOrDefault(g => g.Any(p => p.IsFolderIndex) && g.Any(p => p.IsReadme)) is { } both)
            throw new BuildException(Diagnostic.Error(SiteInput.Display(both.First(p => p.IsReadme).FullPath), 1, 1, "AN0014",
                $"'{both.First(p => p.IsReadme).RelativePath}' and '{both.First(p => p.IsFolderIndex).RelativePath}' both introduce their folder; "
                + "merge them into one"));
        if (pages.GroupBy(page => page.OutputPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw new BuildException(Diagnostic.Error(SiteInput.Display(same.ElementAt(1).FullPath), 1, 1, "AN0014",
                $"'{same.ElementAt(1).RelativePath}' and '{same.First().RelativePath}' would both be published at '{same.Key}'; keep one of them"));
        return new SiteInput(options, configuration, pages, assets, ui, references.ToImmutable()) { Project = project, ThemeScript = ThemeScript(templatesRoot) };
    }

    // Written between <script> tags as is, so it must not end the element early.
    private static string ThemeScript(string templatesRoot)
    {
        var path = Path.Combine(templatesRoot, SiteInput.ThemeScriptPath);
        if (!File.Exists(path)) return "";
        var text = File.ReadAllText(path).Trim();
        var end = text.IndexOf("</", StringComparison.Ordinal);
        if (end >= 0)
        {
            var line = text[..end].Count(c => c == '\n');
            var column = end - (text.LastIndexOf('\n', end) + 1);
            throw new BuildException(Diagnostic.Error(SiteInput.Display(path), line + 1, column + 1, "AN0013",
                "an inline script cannot hold '</', which would end its <script> element early"));
        }
        return text;
    }

    // Reported at the name in site.json's "references", which a reader of the configuration can fix there.
    private static BuildException MissingReference(string contentRoot, string name, int offered)
    {
        var path = Path.Combine(contentRoot, SiteConfiguration.FileName);
        var (line, column) = SiteConfigurationReader.PositionOfValue(File.ReadAllText(path), "references", name);
        return new BuildException(Diagnostic.Error(SiteInput.Display(path), line, column, "AN0007",
            $"reference '{name}' is not available to the generator (offered: {offered} assemblies)"));
    }

    /// <summary>
    /// Catalogs in an <c>xlf/</c> folder that belong to no page in a language of the site (the page was renamed or
    /// removed, or the language dropped): their translations are not used, which a translator should hear about.
    /// </summary>
    private static IEnumerable<Diagnostic> OrphanCatalogs(string contentRoot, ImmutableArray<SourceFile> pages, SiteConfiguration configuration)
    {
        var expected = pages
            .SelectMany(page => configuration.Languages.Skip(1).Select(culture => Localization.TranslationCatalog.PathFor(page.RelativePath, culture)))
            .ToHashSet(StringComparer.Ordinal);
        // Links and hidden folders are not walked, as discovery does not walk them.
        var files = Directory.EnumerateFiles(contentRoot, "*.xlf", new EnumerationOptions
        {
            RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
        });
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(contentRoot, file).Replace('\\', '/');
            if (Path.GetFileName(Path.GetDirectoryName(file)) != "xlf" || expected.Contains(relative)) continue;
            yield return Diagnostic.Warning(SiteInput.Display(file), 1, 1, Localization.LocalizationCodes.OrphanCatalog,
                $"this catalog belongs to no page in a language of the site (no '{PageOf(relative)}' or no such language in site.json); it is not used");
        }
    }

    // "dir/xlf/LayerNorm.cs.ja.xlf" → "dir/LayerNorm.cs"
    private static string PageOf(string catalog)
    {
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(catalog))!.Replace('\\', '/');
        var name = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(catalog));
        return folder.Length == 0 ? name : folder + "/" + name;
    }

    /// <summary>
    /// A source published where the site puts a page of its own (a folder index, the 404 page, another language's
    /// folder) would be written twice; it is refused here, at the source, before anything is rendered.
    /// </summary>
    private static Diagnostic? Collision(SourceFile source, SiteConfiguration configuration)
    {
        var output = source.OutputPath;
        var top = output.Contains('/') ? output[..output.IndexOf('/')] : "";
        var reason =
            configuration.Languages.Skip(1).Contains(top, StringComparer.OrdinalIgnoreCase) ? $"the folder '{top}' holds the site in that language"
            : output == "404.html" ? "the site puts its page-not-found page"
            : !source.IsFolderIndex && output == OutputPaths.IndexOf(source.Folder) ? "the site puts the index page of its folder"
            : null;
        return reason is null ? null : Diagnostic.Error(SiteInput.Display(source.FullPath), 1, 1, "AN0008",
            $"'{source.RelativePath}' would be published at '{output}', where {reason}; rename it");
    }

    // A build replaces its output folder whole, and reads every file of its content folder: content inside the output
    // would be deleted, and output deep inside the content would be published into the next site. One exception: a
    // site whose content is a whole repository keeps its output in a folder directly under it, which discovery skips
    // (and the writer replaces only a folder it built).
    private static void EnsureApart(string content, string output)
    {
        static string Folder(string path) => path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var outputInContent = Folder(output).StartsWith(Folder(content), StringComparison.Ordinal);
        if (Folder(content).StartsWith(Folder(output), StringComparison.Ordinal) || (outputInContent && !IsChildOutput(content, output)))
            throw new BuildException(Diagnostic.Error(SiteInput.Display(output), 1, 1, "AN0903",
                $"the output folder '{SiteInput.Display(output)}' and the content folder '{SiteInput.Display(content)}' must not be inside one another " +
                "(an output folder directly in the content folder is allowed when it does not exist yet or was built by AnnotatedNorm)"));
    }

    private static bool IsChildOutput(string content, string output) =>
        string.Equals(Path.GetDirectoryName(output.TrimEnd(Path.DirectorySeparatorChar)), content.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)
        && (!Directory.Exists(output) || File.Exists(Path.Combine(output, Publishing.SiteWriter.MarkerFileName)));
}
