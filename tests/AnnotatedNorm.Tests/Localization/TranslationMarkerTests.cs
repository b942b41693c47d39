using AngleSharp.Html.Parser;
using AnnotatedNorm.Localization;
using Markdig.Renderers;

namespace AnnotatedNorm.Tests.Localization;

public class TranslationMarkerTests
{
    private const string Commentary = "## Gain\n\nThe gain scales.\n\n- tight item\n  - nested item\n- other item\n\n| a | b |\n|---|---|\n| cell | other |";

    private static AngleSharp.Dom.IDocument Render(LocalizedDocument localized, TranslationMarkerOptions options)
    {
        var parsed = LocalizationMarkdown.Parse(localized.Document.Sections[0].Commentary.Markdown);
        TranslationMarker.Mark(parsed, localized.UnitsOf(0), options);
        using var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        LocalizationMarkdown.Pipeline.Setup(renderer);
        renderer.Render(parsed);
        return new HtmlParser().ParseDocument(html.ToString());
    }

    private static LocalizedDocument Translate(Func<CatalogEntry, CatalogEntry> edit)
    {
        var document = SamplePages.Document(null, null, Commentary);
        var translated = SamplePages.TranslatedCatalog(document);
        return DocumentTranslator.Translate(document,
            SamplePages.Reread(translated with { Entries = [.. translated.Entries.Select(edit)] }), new TranslationOptions("ja"));
    }

    [Fact]
    public void Should_Mark_Missing_Blocks_As_English()
    {
        // Given
        var missing = new[] { "Gain", "The gain scales.", "tight item", "cell" };
        var localized = Translate(e => missing.Contains(e.Source) ? e with { Target = null, State = TranslationState.New } : e);

        // When
        var html = Render(localized, new TranslationMarkerOptions("ja"));

        // Then
        Assert.Equal("en", html.QuerySelector("h2")!.GetAttribute("lang"));
        Assert.Equal("en", html.QuerySelector("p")!.GetAttribute("lang"));
        var items = html.QuerySelectorAll("li");
        Assert.Equal(["en", "ja", null], items.Select(li => li.GetAttribute("lang")));
        Assert.StartsWith("tight item", items[0].TextContent);
        Assert.Equal(["en", null], html.QuerySelectorAll("td").Select(td => td.GetAttribute("lang")));
        Assert.Equal(4, html.QuerySelectorAll(".l10n-missing").Length);
    }

    [Fact]
    public void Should_Add_A_Stale_Marker_Linking_To_The_English()
    {
        // Given
        var localized = Translate(e => e.Source == "The gain scales." ? e with { State = TranslationState.NeedsReviewTranslation } : e);

        // When
        var html = Render(localized, new TranslationMarkerOptions("ja", "古い翻訳の可能性", "../LayerNorm.html#section-0"));

        // Then
        var paragraph = Assert.Single(html.QuerySelectorAll("p.l10n-stale"));
        var marker = paragraph.QuerySelector("a.l10n-stale-marker")!;
        Assert.Equal(("../LayerNorm.html#section-0", "en", "古い翻訳の可能性"),
            (marker.GetAttribute("href"), marker.GetAttribute("hreflang"), marker.TextContent));
        Assert.StartsWith("訳 The gain scales.", paragraph.TextContent);
        Assert.Empty(html.QuerySelectorAll("[lang]"));
    }
}
