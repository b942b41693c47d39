using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Session;

/// <summary>
/// The HTML of every page of the last build with the model it was rendered from, so that <c>serve</c> puts through the
/// templates only the pages whose model changed.
/// </summary>
/// <remarks>
/// A model is compared field by field, lists included (breadcrumbs, language links, sections, folder entries, links to the pages around), and the
/// Razor engine by identity: a template edit makes a new engine, and with it every page is rendered again. Thread-safe.
/// </remarks>
public sealed class PageFileMemo
{
    private readonly ConcurrentDictionary<(string Culture, string Path), (PageModel Model, PageRenderer Engine, OutputFile File)> entries = new();
    private int rendered;

    /// <summary>How many pages went through the templates rather than being reused, over this memo's life; for tests.</summary>
    public int Rendered => Volatile.Read(ref rendered);

    internal async Task<OutputFile> GetOrRenderAsync(PageModel page, PageRenderer engine)
    {
        if (entries.TryGetValue((page.Culture, page.OutputPath), out var entry) && ReferenceEquals(entry.Engine, engine) && Same(entry.Model, page))
            return entry.File;
        var file = await engine.RenderFileAsync(page);
        entries[(page.Culture, page.OutputPath)] = (page, engine, file);
        Interlocked.Increment(ref rendered);
        return file;
    }

    private static bool Same(PageModel a, PageModel b) =>
        a.Kind == b.Kind && a.Culture == b.Culture && a.OutputPath == b.OutputPath && a.Title == b.Title && a.SiteTitle == b.SiteTitle && a.GeneratorVersion == b.GeneratorVersion
        && a.Description == b.Description && a.AssetRoot == b.AssetRoot && a.HomeHref == b.HomeHref && a.CanonicalUrl == b.CanonicalUrl
        && a.SourceUrl == b.SourceUrl && a.BodyHtml == b.BodyHtml && a.HasOwnHeading == b.HasOwnHeading
        && a.LiveReloadScript == b.LiveReloadScript && a.ThemeScript == b.ThemeScript && a.ContentSecurityPolicy == b.ContentSecurityPolicy && SameUi(a.Ui, b.Ui)
        && a.Breadcrumbs.SequenceEqual(b.Breadcrumbs) && a.Alternates.SequenceEqual(b.Alternates)
        && a.Sections.SequenceEqual(b.Sections) && SameEntries(a.Entries, b.Entries)
        && a.Crumb == b.Crumb && a.Previous == b.Previous && a.Next == b.Next
        && a.FolderPages.SequenceEqual(b.FolderPages) && a.Related.SequenceEqual(b.Related);

    // Every build reads the interface texts afresh, so they are compared by content.
    private static bool SameUi(UiStrings a, UiStrings b) => ReferenceEquals(a, b) || a.Culture == b.Culture && a.Texts.SequenceEqual(b.Texts);

    // Records compare their strings by value, but a list inside a record only by reference: folder entries nest.
    private static bool SameEntries(ImmutableArray<IndexEntry> a, ImmutableArray<IndexEntry> b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Title == p.Second.Title && p.First.Summary == p.Second.Summary
            && p.First.Href == p.Second.Href && p.First.IsFolder == p.Second.IsFolder && SameEntries(p.First.Children, p.Second.Children));
}
