using System.Collections.Immutable;
using AnnotatedNorm.Discovery;

namespace AnnotatedNorm.Pages;

/// <summary>A source page rendered for one culture, before it is placed in the site (breadcrumbs, listings, links).</summary>
/// <param name="Title">Localized title (front matter, else first heading, else file name).</param>
/// <param name="Summary">Localized summary for listings and the description meta tag.</param>
/// <param name="Sections">Rows of a code page; empty for Markdown pages.</param>
/// <param name="BodyHtml">Commentary of a Markdown page.</param>
public sealed record PageContent(
    SourceFile Source,
    string Title,
    string Summary,
    ImmutableArray<SectionModel> Sections,
    string BodyHtml,
    bool HasOwnHeading);
