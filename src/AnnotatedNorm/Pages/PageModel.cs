using System.Collections.Immutable;

namespace AnnotatedNorm.Pages;

/// <summary>What a page is built from, which decides its template.</summary>
public enum PageKind { Code, Markdown, FolderIndex, Home, NotFound }

/// <summary>Everything a template needs to write one page; all URLs in it are already relative to the page.</summary>
public sealed record PageModel
{
    public required PageKind Kind { get; init; }

    public required string Culture { get; init; }

    /// <summary>Path of the page under the output root, including the culture folder ("ja/normalization/index.html").</summary>
    public required string OutputPath { get; init; }

    public required string Title { get; init; }

    public required string SiteTitle { get; init; }

    /// <summary>The version of the generator that built the page, for the footer.</summary>
    public string GeneratorVersion { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>
    /// Prefix from this page to the output root, where the shared assets are: relative ("", "../", …), except on the
    /// 404 page, which a host serves at any depth and so starts from the path of the site's base URL ("/annotatednorm/").
    /// </summary>
    public required string AssetRoot { get; init; }

    /// <summary>Link to the home page of this page's culture, from the same place as <see cref="AssetRoot"/>.</summary>
    public required string HomeHref { get; init; }

    public required string CanonicalUrl { get; init; }

    public string? SourceUrl { get; init; }

    public ImmutableArray<Link> Breadcrumbs { get; init; } = [];

    /// <summary>The last breadcrumb, naming this page: its title, or its file name where the folder before it has the same title.</summary>
    public string Crumb { get; init; } = "";

    /// <summary>The pages before and after this one in its chapter, in the order of the chapter's listing.</summary>
    public Link? Previous { get; init; }

    public Link? Next { get; init; }

    /// <summary>The other pages of this page's folder (a readme's code pages, a code page's readme).</summary>
    public ImmutableArray<Link> FolderPages { get; init; } = [];

    /// <summary>The other folders of the same chapter (the other methods), by their index pages.</summary>
    public ImmutableArray<Link> Related { get; init; } = [];

    /// <summary>This page in every culture of the site, the current one included.</summary>
    public ImmutableArray<Alternate> Alternates { get; init; } = [];

    public ImmutableArray<SectionModel> Sections { get; init; } = [];

    /// <summary>Commentary of a Markdown page, or the introduction of a folder index.</summary>
    public string BodyHtml { get; init; } = "";

    /// <summary>The listing of a folder index or of the home page.</summary>
    public ImmutableArray<IndexEntry> Entries { get; init; } = [];

    /// <summary>
    /// <see cref="Entries"/> as the <c>_Listing</c> template writes them, for the pages that list (the home page and
    /// folder indexes), without its last line break; set by the renderer just before the page's own template runs.
    /// </summary>
    public string ListingHtml { get; init; } = "";

    /// <summary>True when the commentary opens with its own top-level heading, so the template adds none.</summary>
    public bool HasOwnHeading { get; init; }

    /// <summary>Set while serving: the page carries the live-reload script. Never set by <c>build</c>.</summary>
    public string? LiveReloadScript { get; init; }

    /// <summary>The script the layout writes inline in the head (applies the stored theme before the page is drawn).</summary>
    public string ThemeScript { get; init; } = "";

    /// <summary>The page's Content-Security-Policy, allowing its inline scripts by their hashes.</summary>
    public string ContentSecurityPolicy { get; init; } = "";

    public required UiStrings Ui { get; init; }
}

/// <summary>A labelled relative link.</summary>
public sealed record Link(string Label, string Href);

/// <summary>The same page in one culture: for the language switcher and the hreflang links.</summary>
public sealed record Alternate(string Culture, string Label, string Href, string AbsoluteUrl, bool IsCurrent);

/// <summary>One row of a page: commentary HTML beside highlighted code.</summary>
/// <param name="CodeHtml">The whole <c>&lt;pre&gt;</c> block, or empty when the section has no code.</param>
public sealed record SectionModel(int Index, string DocsHtml, string CodeHtml)
{
    public string Id => $"section-{Index}";

    /// <summary>The types and members the section's code declares, for the search index (not shown).</summary>
    public ImmutableArray<string> DeclaredNames { get; init; } = [];
}

/// <summary>An entry of a folder listing.</summary>
public sealed record IndexEntry(string Title, string Summary, string Href, bool IsFolder, ImmutableArray<IndexEntry> Children);
