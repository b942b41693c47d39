using System.Collections.Immutable;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Templating;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Session;
using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Templating;

/// <summary>The Template stage: every page through its Razor template, plus the sitemap and the static assets.</summary>
public static class SiteTemplater
{
    public const string AssetsFolder = "assets";

    /// <param name="renderer">A Razor engine kept from an earlier build with the same templates; null starts a new one.</param>
    /// <param name="memo">Pages of earlier builds, reused when their model is unchanged (<c>serve</c>); null renders every page.</param>
    public static async Task<ImmutableArray<OutputFile>> RenderAsync(SiteInput site, ImmutableArray<PageModel> pages, SiteTypesetter typesetting,
        PageRenderer? renderer = null, PageFileMemo? memo = null)
    {
        renderer ??= new PageRenderer(Path.Combine(site.TemplatesRoot, "templates"), SiteInput.Display(Path.Combine(site.TemplatesRoot, "templates")));
        await renderer.CompileAllAsync();
        var html = new OutputFile[pages.Length];
        await Parallel.ForAsync(0, pages.Length, async (i, _) =>
        {
            var page = pages[i] with
            {
                ThemeScript = site.ThemeScript, ContentSecurityPolicy = site.ContentSecurityPolicy, LiveReloadScript = site.Options.LiveReloadScript,
            };
            html[i] = memo is null ? await renderer.RenderFileAsync(page) : await memo.GetOrRenderAsync(page, renderer);
        });
        return [.. html, OutputFile.Text("sitemap.xml", SitemapWriter.Write(pages)), .. Assets(site, typesetting)];
    }

    private static IEnumerable<OutputFile> Assets(SiteInput site, SiteTypesetter typesetting)
    {
        var assets = Path.Combine(site.TemplatesRoot, AssetsFolder);
        if (Directory.Exists(assets))
            foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return new OutputFile($"{AssetsFolder}/{Path.GetRelativePath(assets, file).Replace('\\', '/')}", File.ReadAllBytes(file));
        foreach (var file in site.Assets)
            yield return new OutputFile(file, File.ReadAllBytes(Path.Combine(site.ContentRoot, file)));
        foreach (var file in typesetting.Katex.SiteTemplater)
            yield return new OutputFile($"{AssetsFolder}/katex/{file}", File.ReadAllBytes(Path.Combine(typesetting.Katex.DistDirectory, file)));
    }
}
