using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Session;

/// <summary>
/// The rendered content of every page and culture of the last build, with what it was rendered from, so that
/// <c>serve</c> renders again only the pages an edit reaches.
/// </summary>
/// <remarks>
/// A page is reused only when everything its content is made of is unchanged: its parsed document, its highlighted
/// lines, its translation catalog (by content), where every symbol is declared (code and <c>cref</c> links), the KaTeX
/// engine, and the site-wide inputs (configuration, interface texts, the list of pages and images, <c>--strict</c>).
/// The diagnostics the page reported are kept with it and reported again. Thread-safe.
/// </remarks>
public sealed class PageContentMemo
{
    private readonly ConcurrentDictionary<(string Path, string Culture), Entry> entries = new();
    private int rendered;

    /// <summary>How many pages were rendered rather than reused, over this memo's life; for tests.</summary>
    public int Rendered => Volatile.Read(ref rendered);

    /// <summary>The site-wide part of every page's key, computed once per build.</summary>
    internal static string SiteKey(SiteInput site, HighlightedSite code)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add($"strict {site.Options.Strict} links {code.Links}");
        Add("configuration " + Session.FileIdentity.Digest(Path.Combine(site.ContentRoot, Configuration.SiteConfiguration.FileName)));
        foreach (var (culture, texts) in site.Ui) Add($"ui {culture} {string.Join('\u0001', texts.Texts.Select(t => t.Key + "=" + t.Value))}");
        foreach (var source in site.Sources) Add($"source {source.RelativePath}");
        foreach (var asset in site.Assets) Add($"asset {asset}");
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal PageContent? GetOrRender(Key key, Func<DiagnosticBag, PageContent?> render, DiagnosticBag diagnostics)
    {
        if (!entries.TryGetValue((key.Document.Source.RelativePath, key.Culture), out var entry) || entry.Key != key)
        {
            var own = new DiagnosticBag();
            entry = new Entry(key, render(own), own.ToSortedArray());
            entries[(key.Document.Source.RelativePath, key.Culture)] = entry;
            Interlocked.Increment(ref rendered);
        }
        foreach (var diagnostic in entry.Diagnostics) diagnostics.Add(diagnostic);
        return entry.Content;
    }

    /// <summary>What one page's content is made of; records compare the document by value and the rest by reference or text.</summary>
    internal sealed record Key(string Site, ParsedDocument Document, string Culture, object? Lines, string Catalog, object Typesetting)
    {
        public bool Equals(Key? other) => other is not null && Site == other.Site && Culture == other.Culture && Catalog == other.Catalog
            && ReferenceEquals(Typesetting, other.Typesetting) && ReferenceEquals(Lines, other.Lines) && Document.Equals(other.Document);

        public override int GetHashCode() => HashCode.Combine(Site, Culture, Document.Source.RelativePath);
    }

    private sealed record Entry(Key Key, PageContent? Content, ImmutableArray<Diagnostic> Diagnostics);
}
