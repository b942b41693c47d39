using System.Collections.Immutable;

namespace AnnotatedNorm.Configuration;

/// <summary>The site's settings, read from <c>site.json</c> at the content root.</summary>
/// <param name="Title">Site title, shown in the header and in every page's <c>&lt;title&gt;</c>.</param>
/// <param name="Descriptions">The site's description per culture name (the home page's summary); see <see cref="DescriptionIn"/>.</param>
/// <param name="BaseUrl">Absolute URL the site is published under, ending with '/'; used only for canonical links, hreflang and the sitemap.</param>
/// <param name="RepositoryUrl">Web URL of the source repository (for "View code on GitHub"), or null.</param>
/// <param name="RepositoryBranch">Branch the source links point to.</param>
/// <param name="ContentPathInRepository">Path of the content root inside the repository, '/'-separated.</param>
/// <param name="Languages">Culture names, default first.</param>
/// <param name="References">Assembly names the content compiles against besides the framework (for semantic highlighting).</param>
/// <param name="MathMacros">KaTeX macros for every formula on the site.</param>
public sealed record SiteConfiguration(
    string Title,
    ImmutableSortedDictionary<string, string> Descriptions,
    string BaseUrl,
    string? RepositoryUrl,
    string RepositoryBranch,
    string ContentPathInRepository,
    ImmutableArray<string> Languages,
    ImmutableArray<string> References,
    ImmutableSortedDictionary<string, string> MathMacros)
{
    public const string FileName = "site.json";

    /// <summary>Whether the author's commentary may hold raw HTML; off by default, so that '&lt;' in a comment is text. Translations never may.</summary>
    public bool RawHtml { get; init; }

    /// <summary>The content's C# project, relative to the content folder, as <c>site.json</c> names it; null to look for one.</summary>
    public string? Project { get; init; }

    /// <summary>Which dollar signs in commentary delimit math (see <see cref="MathDelimiters"/>).</summary>
    public MathDelimiters Math { get; init; } = MathDelimiters.Dollars;

    public string DefaultLanguage => Languages[0];

    /// <summary>The description in <paramref name="culture"/>, else in the default language, else empty.</summary>
    public string DescriptionIn(string culture) =>
        Descriptions.TryGetValue(culture, out var text) || Descriptions.TryGetValue(DefaultLanguage, out text) ? text : "";

    /// <summary>Link to a content file in the repository, or null when no repository is configured.</summary>
    public string? SourceUrl(string contentRelativePath) =>
        RepositoryUrl is null
            ? null
            : $"{RepositoryUrl.TrimEnd('/')}/blob/{RepositoryBranch}/{Discovery.OutputPaths.Escape(CombineRepositoryPath(contentRelativePath))}";

    private string CombineRepositoryPath(string relativePath) =>
        ContentPathInRepository.Trim('/') is { Length: > 0 } root ? $"{root}/{relativePath}" : relativePath;
}
