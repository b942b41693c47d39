using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Discovery;

/// <summary>Finds the content's C# project and what it compiles with: from the build cache when nothing it was read from changed, else from MSBuild.</summary>
public static class ContentProject
{
    public const string SeveralProjects = "AN0111";
    public const string MissingReference = "AN0114";

    /// <summary>The project's settings, or null for content without a project (or one MSBuild could not read, reported to <paramref name="diagnostics"/>).</summary>
    public static ProjectSettings? Read(string contentRoot, SiteConfiguration configuration, ProjectSettingsStore store, DiagnosticBag diagnostics)
    {
        if (Find(contentRoot, configuration, diagnostics) is not { } project) return null;
        if (store.Read(project) is { } known) return known;
        var settings = MSBuildProjectEvaluator.Evaluate(project, diagnostics);
        if (settings is null) return null;
        foreach (var reference in settings.ReferencePaths.Where(r => !File.Exists(r)))
            diagnostics.Add(Diagnostic.Warning(SiteInput.Display(project), 1, 1, MissingReference,
                $"the reference assembly '{reference}' does not exist yet (build the project once); its symbols are not linked"));
        store.Save(settings);
        return settings;
    }

    /// <summary>The project <c>site.json</c> names, else the one project file in the content folder (its top level first); null when there is none.</summary>
    private static string? Find(string contentRoot, SiteConfiguration configuration, DiagnosticBag diagnostics)
    {
        if (configuration.Project is { } named) return Path.GetFullPath(Path.Combine(contentRoot, named));
        var top = Directory.GetFiles(contentRoot, "*.csproj");
        var found = top.Length > 0 ? top : [.. Below(contentRoot).Take(10)];
        if (found.Length <= 1) return found.FirstOrDefault();
        var names = string.Join(", ", found.Select(f => Path.GetRelativePath(contentRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        diagnostics.Add(Diagnostic.Warning(SiteInput.Display(Path.Combine(contentRoot, SiteConfiguration.FileName)), 1, 1, SeveralProjects,
            $"the content folder holds several projects ({names}); name the one the sources compile with in 'project', so highlighting uses its settings"));
        return null;
    }

    private static IEnumerable<string> Below(string folder) =>
        Directory.EnumerateDirectories(folder)
            .Where(d => InputFingerprint.IsReadFolder(Path.GetFileName(d)) && new DirectoryInfo(d).LinkTarget is null)
            .Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.csproj").Order(StringComparer.Ordinal).Concat(Below(d)));
}
