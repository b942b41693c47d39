using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

public class DocumentTranslatorTests
{
    private const string Commentary = """
        ## Mean and variance

        We average over the features
        of each sample, $\mu = \frac{1}{H}\sum_i x_i$.

        $$
        \sigma^2 = \frac{1}{H}\sum_i (x_i - \mu)^2
        $$

        - shift by the mean
          and scale
          - nested detail
        - scale by $\sigma$

        > A quoted
        > remark.

        | symbol | meaning |
        |---|---|
        | $H$ | number of features |
        """;

    private static readonly TranslationOptions Ja = new("ja");

    [Fact]
    public void Should_Substitute_Every_Unit_And_Keep_The_Block_Structure()
    {
        // Given
        var document = SamplePages.Document("Layer Normalization", "Normalizing features.", "Intro.", Commentary);
        var catalog = SamplePages.TranslatedCatalog(document, s => "訳: " + s.Replace("\n", " ほか\n"));

        // When
        var localized = DocumentTranslator.Translate(document, catalog, Ja);

        // Then
        Assert.Empty(localized.Diagnostics);
        Assert.All(localized.Units, u => Assert.Equal(UnitStatus.Translated, u.Status));
        var markdown = localized.Document.Sections[1].Commentary.Markdown;
        Assert.Equal(
            LocalizationMarkdown.Skeleton(LocalizationMarkdown.Parse(Commentary)),
            LocalizationMarkdown.Skeleton(LocalizationMarkdown.Parse(markdown)));
        Assert.Contains("- 訳: shift by the mean ほか\n  and scale\n  - 訳: nested detail", markdown);
        Assert.Contains("> 訳: A quoted ほか\n> remark.", markdown);
        Assert.Contains("| $H$ | 訳: number of features |", markdown);
        Assert.Contains("$$\n\\sigma^2", markdown);
        Assert.Equal(markdown.Split('\n').Length, localized.Document.Sections[1].Commentary.Origins.Length);
        Assert.Equal(("訳: Layer Normalization", "訳: Normalizing features."),
            (localized.Document.FrontMatter.Title, localized.Document.FrontMatter.Summary));
        Assert.Equal(document.Reassemble(), localized.Document.Reassemble());
    }

    [Fact]
    public void Should_Keep_The_English_Of_Missing_Units()
    {
        // Given a catalog with one unit left new
        var document = SamplePages.Document(null, null, Commentary);
        var translated = SamplePages.TranslatedCatalog(document);
        var catalog = SamplePages.Reread(translated with
        {
            Entries = [.. translated.Entries.Select(e => e.Source == "scale by $\\sigma$" ? e with { Target = null, State = TranslationState.New } : e)],
        });

        // When
        var localized = DocumentTranslator.Translate(document, catalog, Ja);

        // Then
        var missing = Assert.Single(localized.Units, u => u.Status == UnitStatus.Missing);
        Assert.Equal((UnitKind.ListItem, 0), (missing.Kind, missing.SectionIndex));
        Assert.Contains("\n- scale by $\\sigma$\n", localized.Document.Sections[0].Commentary.Markdown);
        Assert.Empty(localized.Diagnostics);
    }

    [Fact]
    public void Should_Use_A_Translation_Of_Edited_English_As_Stale_Without_An_Update()
    {
        // Given
        var catalog = SamplePages.TranslatedCatalog(SamplePages.Paragraphs("First part.", "Second part.", "Third part."));
        var edited = SamplePages.Paragraphs("First part.", "Second part, edited.", "Third part.");

        // When
        var localized = DocumentTranslator.Translate(edited, catalog, Ja);

        // Then
        var stale = Assert.Single(localized.Units, u => u.Status == UnitStatus.Stale);
        Assert.Equal(catalog.Entries.Single(e => e.Source == "Second part.").Id, stale.Id);
        Assert.Contains("訳 Second part.", localized.Document.Sections[0].Commentary.Markdown);
    }

    [Fact]
    public void Should_Report_Stale_And_Missing_Units_As_Errors_When_Strict()
    {
        // Given one stale unit in the catalog and one unit the catalog has never seen
        var old = SamplePages.Paragraphs("First part.", "Second part.");
        var catalog = SamplePages.TranslatedCatalog(old);
        var text = XliffCatalogWriter.ToText(catalog);
        var edited = SamplePages.Document("Layer Normalization", null, "First part.\n\nSecond part, edited.\n\nBrand new part.");

        // When
        var lenient = DocumentTranslator.Translate(edited, catalog, Ja);
        var strict = DocumentTranslator.Translate(edited, catalog, Ja with { Strict = true, SourceDisplayPath = "content/LayerNorm.cs" });

        // Then
        Assert.Empty(lenient.Diagnostics);
        Assert.Equal(
            [
                ($"normalization/layer_norm/xlf/LayerNorm.cs.ja.xlf({SamplePages.LineOf(text, "<source>Second part.") + 1},9)", LocalizationCodes.StaleTranslation),
                ("content/LayerNorm.cs(5,4)", LocalizationCodes.MissingTranslation),
            ],
            strict.Diagnostics.Select(d => ($"{d.Path}({d.Line},{d.Column})", d.Code)));
    }

    [Fact]
    public void Should_Count_Translated_Stale_Missing_And_Rejected_Units()
    {
        // Given
        var document = SamplePages.Paragraphs("One $a$.", "Two.", "Three.", "Four.");
        var translated = SamplePages.TranslatedCatalog(document);
        var catalog = SamplePages.Reread(translated with
        {
            Entries = [.. translated.Entries.Select(e => e.Source switch
            {
                "One $a$." => e with { Target = "一つ。" },
                "Two." => e with { State = TranslationState.NeedsReviewTranslation },
                "Three." => e with { Target = "" },
                _ => e with { State = TranslationState.Final },
            })],
        });

        // When
        var status = TranslationStatus.Of(DocumentTranslator.Translate(document, catalog, Ja));

        // Then title and "Four." are translated
        Assert.Equal(new TranslationStatus(SamplePages.Path, "ja", 2, 1, 1, 1), status);
        Assert.Equal(5, status.Total);
    }

    [Fact]
    public void Should_Judge_Each_Translation_Of_A_Section_On_Its_Own()
    {
        // Given one section of three paragraphs: the first translation puts its formulas in another order, the second
        // turns its paragraph into a list item, the third changes nothing it must keep
        var document = SamplePages.Document(null, null, "Over $x$ and $y$.\n\nThen the mean.\n\nKeep `Length`.");
        var catalog = SamplePages.TranslatedCatalog(document, s => s switch
        {
            "Over $x$ and $y$." => "$y$ と $x$ について。",
            "Then the mean." => "- 次に平均。",
            _ => "`Length` はそのまま。",
        });

        // When
        var localized = DocumentTranslator.Translate(document, catalog, Ja);

        // Then only the second is rejected, for its structure, and the others are used
        Assert.Equal([UnitStatus.Translated, UnitStatus.Rejected, UnitStatus.Translated], localized.Units.Select(u => u.Status));
        Assert.Equal(LocalizationCodes.StructureChanged, Assert.Single(localized.Diagnostics).Code);
        var markdown = localized.Document.Sections[0].Commentary.Markdown;
        Assert.Contains("$y$ と $x$ について。", markdown);
        Assert.Contains("Then the mean.", markdown);
        Assert.Contains("`Length` はそのまま。", markdown);
    }

    [Fact]
    public void Should_Show_Only_English_Without_A_Catalog()
    {
        // Given
        var document = SamplePages.Document("Layer Normalization", null, Commentary);

        // When
        var localized = DocumentTranslator.Translate(document, null, Ja);

        // Then
        Assert.All(localized.Units, u => Assert.Equal(UnitStatus.Missing, u.Status));
        Assert.Equal(Commentary, localized.Document.Sections[0].Commentary.Markdown);
        Assert.Equal("Layer Normalization", localized.Document.FrontMatter.Title);
    }
}
