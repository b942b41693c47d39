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
            var page = Page(culture, kind, path, content.Title, content.Summary, tree);
            pages.Add(Around(page, path, content.Source, tree) with
            {
                Crumb = CrumbOf(page, content.Source),
                Breadcrumbs = IsIntroductionTitled(page, content.Source) ? page.Breadcrumbs[..^1] : page.Breadcrumbs,
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
            pages.Add(Around(Page(culture, kind, path, title, summary, tree), path, null, tree) with
            {
                BodyHtml = readme?.BodyHtml ?? "",
                HasOwnHeading = readme?.HasOwnHeading ?? false,
                Entries = tree.Entries(folder, path),
            });
        }
        pages.Add(NotFound(culture, tree));
        return [.. pages.OrderBy(p => p.OutputPath, StringComparer.Ordinal)];
    }

    // A host serves the 404 page at whatever address was missing, at any depth, so relative links would point
    // nowhere: its links start from the path of the base URL instead, which keeps every request on the host that
    // served it. The other pages stay relative, so the site still works from any sub-path and from file://.
    private PageModel NotFound(string culture, FolderTree tree)
    {
        var page = Page(culture, PageKind.NotFound, "404.html", ui[culture]["notFoundTitle"], "", tree);
        var root = new Uri(site.BaseUrl).AbsolutePath;
        return page with
        {
            AssetRoot = root,
            HomeHref = root + OutputPaths.InCulture("index.html", culture, site.DefaultLanguage),
            Alternates = [.. page.Alternates.Select(a => a with { Href = root + OutputPaths.InCulture("404.html", a.Culture, site.DefaultLanguage) })],
        };
    }

    // A folder's readme is titled like the folder, so its breadcrumb would end with that title twice: the readme
    // stands for the folder. A code page titled like its folder is named by its file instead.
    private static bool IsIntroductionTitled(PageModel page, SourceFile source) =>
        source.IsReadme && page.Breadcrumbs.Length > 0 && page.Breadcrumbs[^1].Label == page.Title;

    private static string CrumbOf(PageModel page, SourceFile source) =>
        !source.IsReadme && page.Kind == PageKind.Code && page.Breadcrumbs.Length > 0 && page.Breadcrumbs[^1].Label == page.Title
            ? source.FileName
            : page.Title;

    /// <summary>Adds the links to the pages around <paramref name="page"/>: previous and next, its folder's other pages, the chapter's other folders.</summary>
    /// <param name="source">The page's source, or null for a generated folder index.</param>
    private static PageModel Around(PageModel page, string path, SourceFile? source, FolderTree tree)
    {
        var folder = source?.Folder ?? (path.Contains('/') ? path[..path.LastIndexOf('/')] : "");
        // A readme that introduces a generated index stands where that index stands in the reading order.
        var position = source is null || tree.IsIntroduction(source) ? OutputPaths.IndexOf(folder) : path;
        var chapter = Chapter(position);
        var order = tree.ReadingOrder;
        var at = tree.ReadingPosition(position);
        // Each chapter is one run of the reading order; the pages at the root belong to none.
        Link? InChapter(int i) => chapter.Length > 0 && at >= 0 && i >= 0 && i < order.Length && Chapter(order[i].Href) == chapter
            ? order[i] with { Href = OutputPaths.Relative(path, order[i].Href) }
            : null;
        var parent = folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";
        return page with
        {
            Previous = InChapter(at - 1),
            Next = InChapter(at + 1),
            // A page of the folder links to the others as each of them does: the links are the folder's, made once.
            FolderPages = source is null || source.IsFolderIndex ? [] :
                [.. tree.FolderPagesFromWithin(folder).Where(l => l.Target != path).Select(l => l.Link)],
            Related = parent.Length == 0 ? [] :
                [.. tree.SubFolders(parent).Where(f => f != folder).Select(f => new Link(tree.FolderTitle(f), OutputPaths.Relative(path, OutputPaths.IndexOf(f))))],
        };
    }

    private static string Chapter(string path) => path.Contains('/') ? path[..path.IndexOf('/')] : "";

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
            GeneratorVersion = GeneratorVersion.Current,
            Description = summary.Length > 0 ? summary : site.DescriptionIn(culture),
            AssetRoot = OutputPaths.RootPrefix(outputPath),
            HomeHref = OutputPaths.Relative(path, "index.html"),
            CanonicalUrl = AbsoluteUrl(outputPath),
            Breadcrumbs = kind is PageKind.Home or PageKind.NotFound ? [] : tree.Breadcrumbs(path),
            Crumb = title,
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
        site.BaseUrl + OutputPaths.Escape(outputPath.EndsWith("index.html", StringComparison.Ordinal) && (outputPath.Length == 10 || outputPath[^11] == '/')
            ? outputPath[..^10]
            : outputPath);

    /// <summary>The folders of one culture's pages, with titles and listings drawn from their readme and index pages.</summary>
    /// <remarks>What each folder has (its pages in order, index, readme, title, sub-folders) is worked out once: every page asks again.</remarks>
    private sealed class FolderTree
    {
        private readonly Dictionary<string, FolderContents> pagesByFolder;
        private readonly Dictionary<string, ImmutableArray<string>> subFolders;
        private readonly Dictionary<string, string> titles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ImmutableArray<(string, Link)>> linksFromWithin = new(StringComparer.Ordinal);

        public FolderTree(IReadOnlyList<PageContent> contents)
        {
            pagesByFolder = contents.GroupBy(c => c.Source.Folder, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new FolderContents([.. g]), StringComparer.Ordinal);
            var folders = new SortedSet<string>(StringComparer.Ordinal) { "" };
            foreach (var content in contents)
                for (var folder = content.Source.Folder; folder.Length > 0; folder = Parent(folder))
                    folders.Add(folder);
            Folders = [.. folders];
            subFolders = Folders.Where(f => f.Length > 0).GroupBy(Parent, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        }

        public ImmutableArray<string> Folders { get; }

        public bool HasIndexPage(string folder) => IndexPage(folder) is not null;

        public PageContent? Readme(string folder) => PagesOf(folder).Readme;

        public string FolderTitle(string folder)
        {
            if (!titles.TryGetValue(folder, out var title))
                titles[folder] = title = (IndexPage(folder) ?? Readme(folder))?.Title ?? Humanize(folder[(folder.LastIndexOf('/') + 1)..]);
            return title;
        }

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
            foreach (var sub in SubFolders(folder))
            {
                var children = PagesIn(sub).Where(p => !IsIntroduction(p)).Select(p => new IndexEntry(p.Title, p.Summary, OutputPaths.Relative(fromPage, p.Source.OutputPath), false, []))
                        .Concat(SubFolders(sub)
                            .Select(f => new IndexEntry(FolderTitle(f), FolderSummary(f), OutputPaths.Relative(fromPage, OutputPaths.IndexOf(f)), true, [])))
                        .ToImmutableArray();
                entries.Add(new IndexEntry(FolderTitle(sub), FolderSummary(sub), OutputPaths.Relative(fromPage, OutputPaths.IndexOf(sub)), true, children));
            }
            return [.. entries];
        }

        /// <summary>The page a folder's index already shows: its index.md, or its readme.md when there is no index.md.</summary>
        private bool IsIntroduction(PageContent page) => IsIntroduction(page.Source);

        public bool IsIntroduction(SourceFile source) =>
            source.IsFolderIndex || (source.IsReadme && !HasIndexPage(source.Folder));

        public ImmutableArray<string> SubFolders(string folder) => subFolders.GetValueOrDefault(folder, []);

        /// <summary>A folder's own pages in listing order, its introduction first; paths from the output root.</summary>
        private IEnumerable<Link> FolderPages(string folder) =>
            PagesIn(folder).Where(p => !p.Source.IsFolderIndex).OrderBy(p => IsIntroduction(p) ? 0 : 1)
                .Select(LinkTo);

        /// <summary>
        /// <see cref="FolderPages(string)"/> with each link's address as seen from a page in the same folder, beside its
        /// path from the output root.
        /// </summary>
        public ImmutableArray<(string Target, Link Link)> FolderPagesFromWithin(string folder)
        {
            if (!linksFromWithin.TryGetValue(folder, out var links))
                linksFromWithin[folder] = links = [.. FolderPages(folder).Select(l => (l.Href, l with { Href = OutputPaths.Relative(l.Href, l.Href) }))];
            return links;
        }

        /// <summary>Every folder index and listed page in the order the listings show them: a folder, its pages, then each sub-folder in turn.</summary>
        public ImmutableArray<Link> ReadingOrder => readingOrder ??= [.. Walk("")];

        /// <summary>Where a page (by its path from the output root) stands in <see cref="ReadingOrder"/>, or -1.</summary>
        public int ReadingPosition(string path)
        {
            positions ??= ReadingOrder.Select((link, i) => (link.Href, i)).ToDictionary(p => p.Href, p => p.i, StringComparer.Ordinal);
            return positions.GetValueOrDefault(path, -1);
        }

        private ImmutableArray<Link>? readingOrder;
        private Dictionary<string, int>? positions;

        // A code page titled like its folder is named by its file, as in its breadcrumb, so "next" is not ambiguous.
        private Link LinkTo(PageContent page) =>
            new(page.Source.Kind == DocumentKind.CSharp && page.Title == FolderTitle(page.Source.Folder) ? page.Source.FileName : page.Title,
                page.Source.OutputPath);

        private IEnumerable<Link> Walk(string folder)
        {
            yield return new Link(FolderTitle(folder), OutputPaths.IndexOf(folder));
            foreach (var page in PagesIn(folder).Where(p => !IsIntroduction(p)))
                yield return LinkTo(page);
            foreach (var sub in SubFolders(folder))
                foreach (var link in Walk(sub))
                    yield return link;
        }

        private ImmutableArray<PageContent> PagesIn(string folder) => PagesOf(folder).InOrder;

        private FolderContents PagesOf(string folder) => pagesByFolder.GetValueOrDefault(folder) ?? FolderContents.None;

        private PageContent? IndexPage(string folder) => PagesOf(folder).Index;

        private static string Parent(string folder) => folder.Contains('/') ? folder[..folder.LastIndexOf('/')] : "";

        private static string Humanize(string name)
        {
            var words = name.Replace('_', ' ').Replace('-', ' ').Trim();
            return words.Length == 0 ? name : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
        }

        /// <summary>The pages directly in one folder, in the order they were rendered; its index.md and readme.md.</summary>
        private sealed class FolderContents(ImmutableArray<PageContent> pages)
        {
            public static readonly FolderContents None = new([]);

            /// <summary>Markdown first, then by path.</summary>
            public ImmutableArray<PageContent> InOrder { get; } =
                [.. pages.OrderBy(p => p.Source.Kind == DocumentKind.Markdown ? 0 : 1).ThenBy(p => p.Source.RelativePath, StringComparer.Ordinal)];
            public PageContent? Index { get; } = pages.FirstOrDefault(p => p.Source.IsFolderIndex);
            public PageContent? Readme { get; } = pages.FirstOrDefault(p => p.Source.IsReadme);
        }
    }
}
