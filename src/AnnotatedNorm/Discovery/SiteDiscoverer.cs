using System.Collections.Immutable;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;

namespace AnnotatedNorm.Discovery;

/// <summary>The Discover stage: reads <c>site.json</c> and the interface texts, and finds every page and image of the content folder.</summary>
public static class SiteDiscoverer
{
    public static SiteInput Discover(BuildOptions options)
    {
        var contentRoot = Path.GetFullPath(options.ContentFolder);
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

        var references = ImmutableArray.CreateBuilder<string>();
        foreach (var name in configuration.References)
        {
            var path = options.ReferencePaths.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(name, StringComparison.OrdinalIgnoreCase))
                ?? throw new BuildException(Diagnostic.Error(SiteInput.Display(Path.Combine(contentRoot, SiteConfiguration.FileName)), 1, 1, "AN0007",
                    $"reference '{name}' is not available to the generator (offered: {options.ReferencePaths.Length} assemblies)"));
            references.Add(path);
        }
        var (pages, assets) = ContentDiscoverer.Find(contentRoot);
        return new SiteInput(options, configuration, pages, assets, ui, references.ToImmutable());
    }
}
