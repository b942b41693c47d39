using System.Collections.Immutable;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Pages;

/// <summary>Rendered pages made up in memory, and the assembler of the test site (English and Japanese) that places them.</summary>
public static class AssemblerInput
{
    public static SiteConfiguration Site { get; } = SiteConfigurationReader.Parse(SiteTree.DefaultConfiguration, "site.json");

    public static ImmutableSortedDictionary<string, UiStrings> Ui { get; } = new Dictionary<string, UiStrings>
    {
        ["en"] = Texts("en", "English", "Page not found"),
        ["ja"] = Texts("ja", "日本語", "ページが見つかりません"),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>A rendered page of the content file at <paramref name="path"/> (a <c>.cs</c> file or a Markdown page).</summary>
    public static PageContent Content(string path, string title, string summary = "", string body = "") =>
        new(new SourceFile(path, $"/content/{path}", path.EndsWith(".cs", StringComparison.Ordinal) ? DocumentKind.CSharp : DocumentKind.Markdown),
            title, summary, [], body, false);

    public static ImmutableArray<PageModel> Assemble(string culture, params PageContent[] contents) =>
        new SiteAssembler(Site, Ui).Assemble(culture, contents);

    public static PageModel At(this ImmutableArray<PageModel> pages, string outputPath) => Assert.Single(pages, p => p.OutputPath == outputPath);

    private static UiStrings Texts(string culture, string languageName, string notFoundTitle) =>
        new(culture, new Dictionary<string, string> { ["languageName"] = languageName, ["notFoundTitle"] = notFoundTitle }
            .ToImmutableSortedDictionary(StringComparer.Ordinal));
}
