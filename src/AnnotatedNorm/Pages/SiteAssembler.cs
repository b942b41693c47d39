using System.Collections.Immutable;
using System.Globalization;
using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Pages;

/// <summary>
/// Places rendered pages in the site of one culture: output paths, breadcrumbs, language links, canonical URLs,
/// generated folder indexes, the home page and the 404 page.
/// </summary>
public sealed class SiteAssembler(SiteConfiguration site, ImmutableSortedDictionary<string, UiStrings> ui)
{
    /// <summary>The Assemble stage: the pages of every culture, in the order the cultures were rendered.</summary>
    public static ImmutableArray<PageModel> AssembleSite(SiteInput input, IEnumerable<CulturePages> cultures)
    {
        var assembler = new SiteAssembler(input.Configuration, input.Ui);
        return [.. cultures.SelectMany(c => assembler.Assemble(c.Culture, c.Contents))];
    }

    public ImmutableArray<PageModel> Assemble(string culture, IReadOnlyList<PageContent> contents)
    {
        var tree = new FolderTree(contents);
        var pages = new List<PageModel>();
        foreach (var content in contents)
        {
            // A folder's index.md is that folder's index page: it also lists the folder.
            var isIndex = content.Source.IsFolderIndex;
            var kind = isIndex ? (content.Source.Folder.Length == 0 ? PageKind.Home : PageKind.FolderIndex)
                : content.Source.Kind == DocumentKind.CSharp ? PageKind.Code : PageKind.Markdown;
            var path = content.Source.OutputPath;
            pages.Add(Page(culture, kind, path, content.Title, content.Summary, tree) with
            {
                SourceUrl = site.SourceUrl(content.Source.RelativePath),
                Sections = content.Sections,
                BodyHtml = content.BodyHtml,
                HasOwnHeading = content.HasOwnHeading,
                Entries = isIndex ? tree.Entries(content.Source.Folder, path) : [],
            });
        }
        foreach (var folder in tree.Folders.Where(f => !tree.HasIndexPage(f)))
        {
            var path = OutputPaths.IndexOf(folder);
            var kind = folder.Length == 0 ? PageKind.Home : PageKind.FolderIndex;
            var title = folder.Length == 0 ? site.Title : tree.FolderTitle(folder);
            var summary = folder.Length == 0 ? site.DescriptionIn(culture) : tree.FolderSummary(folder);
            // Without an index.md, the folder's readme (if any) introduces its generated index.
            var readme = tree.Readme(folder);
            pages.Add(Page(culture, kind, path, title, summary, tree) with
            {
                BodyHtml = readme?.BodyHtml ?? "",
                HasOwnHeading = readme?.HasOwnHeading ?? false,
                Entries = tree.Entries(folder, path),
            });
        }
        pages.Add(Page(culture, PageKind.NotFound, "404.html", ui[culture]["notFoundTitle"], "", tree));
        return [.. pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal)];
    }

    private PageModel Page(string culture, PageKind kind, string path, string title, string summary, FolderTree tree)
    {
        var outputPath = OutputPaths.InCulture(path, culture, site.DefaultLanguage);
        return new PageModel
        {
            Kind = kind,
            Culture = culture,
            OutputPath = outputPath,
            Title = title,
            SiteTitle = site.Title,
            Description = summary.Length > 0 ? summary : site.DescriptionIn(culture),
            AssetRoot = OutputPaths.RootPrefix(outputPath),
            HomeHref = OutputPaths.Relative(path, "index.html"),
            CanonicalUrl = AbsoluteUrl(outputPath),
            Breadcrumbs = kind is PageKind.Home or PageKind.NotFound ? [] : tree.Breadcrumbs(path),
            Alternates = [.. site.Languages.Select(other => new Alternate(
                other,
                ui[other]["languageName"],
                OutputPaths.Relative(outputPath, OutputPaths.InCulture(path, other, site.DefaultLanguage)),
                AbsoluteUrl(OutputPaths.InCulture(path, other, site.DefaultLanguage)),
                other == culture))],
            Ui = ui[culture],
        };
    }

    private string AbsoluteUrl(string outputPath) =>
        site.BaseUrl + (outputPath.EndsWith("index.html", StringComparison.Ordinal) && (outputPath.Length == 10 || outputPath[^11] == '/')
            ? outputPath[..^10]
            : outputPath);

    /// <summary>The folders of one culture's pages, with titles and listings drawn from their readme and index pages.</summary>
    private sealed class FolderTree
    {
        private readonly ILookup<string, PageContent> pagesByFolder;

        public FolderTree(IReadOnlyList<PageContent> contents)
        {
            pagesByFolder = contents.ToLookup(c => c.Source.Folder, StringComparer.Ordinal);
            var folders = new SortedSet<string>(StringComparer.Ordinal) { "" };
            foreach (var content in contents)
                for (var folder = content.Source.Folder; folder.Length > 0; folder = Parent(folder))
                    folders.Add(folder);
            Folders = [.. folders];
        }

        public ImmutableArray<string> Folders { get; }

        public bool HasIndexPage(string folder) => IndexPage(folder) is not null;

        public PageContent? Readme(string folder) => pagesByFolder[folder].FirstOrDefault(p => p.Source.IsReadme);

        public string FolderTitle(string folder) =>
            (IndexPage(folder) ?? Readme(folder))?.Title ?? Humanize(folder[(folder.LastIndexOf('/') + 1)..]);

        public string FolderSummary(string folder) =>
            (IndexPage(folder) ?? Readme(folder))?.Summary ?? "";

        public ImmutableArray<Link> Breadcrumbs(string pagePath)
        {
            var folder = pagePath.Contains('/') ? pagePath[..pagePath.LastIndexOf('/')] : "";
            var isIndex = pagePath.EndsWith("/index.html", StringComparison.Ordinal);
            var chain = new List<string>();
            for (var f = isIndex ? Parent(folder) : folder; f.Length > 0; f = Parent(f)) chain.Add(f);
            chain.Reverse();
            return [.. chain.Select(f => new Link(FolderTitle(f), OutputPaths.Relative(pagePath, OutputPaths.IndexOf(f))))];
        }

        /// <summary>The listing of a folder: its pages, then its sub-folders with their own pages and sub-folders.</summary>
        public ImmutableArray<IndexEntry> Entries(string folder, string fromPage)
        {
            var entries = new List<IndexEntry>();
            foreach (var page in PagesIn(folder).Where(p => !IsIntroduction(p)))
                entries.Add(new IndexEntry(page.Title, page.Summary, OutputPaths.Relative(fromPage, page.Source.OutputPath), false, []));
            foreach (var sub in Folders.Where(f => f.Length > 0 && Parent(f) == folder))
            {
                var children = PagesIn(sub).Where(p => !IsIntroduction(p)).Select(p => new IndexEntry(p.Title, p.Summary, OutputPaths.Relative(fromPage, p.Source.OutputPath), false, []))
                        .Concat(Folders.Where(f => f.Length > 0 && Parent(f) == sub)
                            .Select(f => new IndexEntry(FolderTitle(f), FolderSummary(f), OutputPaths.Relative(fromPage, OutputPaths.IndexOf(f)), true, [])))
                        .ToImmutableArray();
                entries.Add(new IndexEntry(FolderTitle(sub), FolderSummary(sub), OutputPaths.Relative(fromPage, OutputPaths.IndexOf(sub)), true, children));
            }
            return [.. entries];
        }

        /// <summary>The page a folder's index already shows: its index.md, or its readme.md when there is no index.md.</summary>
        private bool IsIntroduction(PageContent page) =>
            page.Source.IsFolderIndex || (page.Source.IsReadme && !HasIndexPage(page.Source.Folder));

        private IEnumerable<PageContent> PagesIn(string folder) =>
            pagesByFolder[folder]
                .OrderBy(p => p.Source.Kind == DocumentKind.Markdown ? 0 : 1)
                .ThenBy(p => p.Source.RelativePath, StringComparer.Ordinal);

        private PageContent? IndexPage(string folder) => pagesByFolder[folder].FirstOrDefault(p => p.Source.IsFolderIndex);

        private static string Parent(string folder) => folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";

        private static string Humanize(string name)
        {
            var words = name.Replace('_', ' ').Replace('-', ' ').Trim();
            return words.Length == 0 ? name : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
        }
    }
}
