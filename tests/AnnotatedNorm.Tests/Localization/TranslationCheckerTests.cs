using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

public class TranslationCheckerTests
{
    private const string Sentence = "Each sample $x$ is shifted by $\\mu$, with `eps` from [the paper](https://arxiv.org/abs/1607.06450).";
    private const string Item = "the gain ![gain](img/gain.png)";

    private static readonly string Markdown = $"{Sentence}\n\n- {Item}\n- the bias\n\n## Details";

    [Theory]
    [InlineData(Sentence, "各サンプル $x$ を平均でずらし、[論文](https://arxiv.org/abs/1607.06450) の `eps` を使う。", LocalizationCodes.MathChanged)]
    [InlineData(Sentence, "各サンプル $x$ を $\\mu_1$ でずらし、[論文](https://arxiv.org/abs/1607.06450) の `eps` を使う。", LocalizationCodes.MathChanged)]
    [InlineData(Sentence, "各サンプル $x$ を $\\mu$ でずらし、[論文](https://example.com/) の `eps` を使う。", LocalizationCodes.LinksChanged)]
    [InlineData(Sentence, "各サンプル $x$ を $\\mu$ でずらし、[論文](https://arxiv.org/abs/1607.06450) の eps を使う。", LocalizationCodes.CodeChanged)]
    [InlineData(Item, "ゲイン ![ゲイン](img/other.png)", LocalizationCodes.ImagesChanged)]
    [InlineData(Item, "ゲイン ![ゲイン](img/gain.old.png)", LocalizationCodes.ImagesChanged)]
    [InlineData(Item, "ゲイン ![ゲイン](img/other.ja.png)", LocalizationCodes.ImagesChanged)]
    [InlineData(Sentence, "- 各サンプル $x$ を $\\mu$ でずらし、[論文](https://arxiv.org/abs/1607.06450) の `eps` を使う。", LocalizationCodes.StructureChanged)]
    [InlineData(Item, "ゲイン\n\n![ゲイン](img/gain.png)", LocalizationCodes.StructureChanged)]
    [InlineData(Sentence, "各サンプル $x$ を $\\mu$ でずらす。\n\n[論文](https://arxiv.org/abs/1607.06450) の `eps` を使う。", LocalizationCodes.StructureChanged)]
    [InlineData("Details", "詳細\n本文", LocalizationCodes.StructureChanged)]
    [InlineData(Sentence, "各サンプル $x$ を $\\mu$ でずらし<script>alert(1)</script>、[論文](https://arxiv.org/abs/1607.06450) の `eps` を使う。", LocalizationCodes.RawHtml)]
    [InlineData("the bias", "<script>alert(1)</script>", LocalizationCodes.RawHtml)]
    // Indented, the text parses as a code block on its own, but the page publishes it trimmed, as HTML.
    [InlineData("the bias", "    <script>alert(1)</script>", LocalizationCodes.RawHtml)]
    [InlineData("the bias", "\t<iframe src=javascript:alert(1)></iframe>", LocalizationCodes.RawHtml)]
    [InlineData(Sentence, "    <script>alert(1)</script>", LocalizationCodes.RawHtml)]
    public void Should_Reject_A_Broken_Translation_At_Its_Catalog_Line(string english, string translation, string code)
    {
        // Given
        var document = SamplePages.Document(null, null, Markdown);
        var catalog = SamplePages.WithTarget(SamplePages.TranslatedCatalog(document, s => s), english, translation);
        var text = XliffCatalogWriter.ToText(catalog);
        var targetLine = SamplePages.LineOf(text, "<source>" + System.Security.SecurityElement.Escape(english)) + 1;

        // When
        var localized = DocumentTranslator.Translate(document, catalog, new TranslationOptions("ja"));

        // Then
        var diagnostic = Assert.Single(localized.Diagnostics);
        Assert.Equal(("normalization/layer_norm/xlf/LayerNorm.cs.ja.xlf", targetLine, 9, code),
            (diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.Code));
        Assert.Equal(UnitStatus.Rejected, localized.Units.Single(u => u.Status != UnitStatus.Translated).Status);
        Assert.DoesNotContain(translation, localized.Document.Sections[0].Commentary.Markdown);
        Assert.Contains(english, localized.Document.Sections[0].Commentary.Markdown);
    }

    [Fact]
    public void Should_Accept_Reordered_Math_Code_And_Links()
    {
        // Given
        var unit = TranslationUnitExtractor.Extract(SamplePages.Document(null, null, Markdown))[0];

        // When
        var problems = TranslationChecker.Check(unit,
            "[論文](https://arxiv.org/abs/1607.06450) の `eps` を使い、$\\mu$ で各サンプル $x$ をずらす。\n二行目。", Markdown);

        // Then
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("ゲイン ![ゲイン](img/gain.ja.png)")]
    [InlineData("ゲイン ![ゲイン](img/gain.pt-BR.png)")]
    public void Should_Accept_A_Localized_Copy_Of_The_Same_Image(string translation)
    {
        // Given the list item that shows img/gain.png
        var unit = TranslationUnitExtractor.Extract(SamplePages.Document(null, null, Markdown))
            .Single(u => u.Source == Item);

        // When its translation shows the same image with a culture name before the extension
        var problems = TranslationChecker.Check(unit, translation, Markdown);

        // Then it is accepted as the same image
        Assert.Empty(problems);
    }

    [Fact]
    public void Should_Reject_A_Pipe_That_Splits_A_Table_Cell()
    {
        // Given
        const string table = "| name | meaning |\n|---|---|\n| gain | scale |";
        var unit = TranslationUnitExtractor.Extract(SamplePages.Document(null, null, table)).Single(u => u.Source == "scale");

        // When
        var problems = TranslationChecker.Check(unit, "倍率 | 係数", table);

        // Then
        Assert.Equal(LocalizationCodes.StructureChanged, Assert.Single(problems).Code);
    }

    [Fact]
    public void Should_Pass_A_Section_At_Once_Exactly_When_Each_Translation_Passes_Alone()
    {
        // Given a section of two paragraphs, translated once with the formulas reordered and once with one lost
        var document = SamplePages.Document(null, null, "Over $x$ and $y$.\n\nKeep `Length`.");
        var units = TranslationUnitExtractor.Extract(document).Where(u => !u.IsFrontMatter).ToList();
        var section = document.Sections[0].Commentary.Markdown;
        string[] good = ["$y$ と $x$ について。", "`Length` はそのまま。"];
        string[] bad = ["$y$ について。", "`Length` はそのまま。"];

        // When both sets are checked at once and unit by unit
        var (allGood, allBad) = (TranslationChecker.AllPass(section, [.. units.Zip(good)]), TranslationChecker.AllPass(section, [.. units.Zip(bad)]));

        // Then the batch agrees with the units checked alone
        Assert.Equal(2, units.Count);
        Assert.True(allGood);
        Assert.All(units.Zip(good), p => Assert.Empty(TranslationChecker.Check(p.First, p.Second, section)));
        Assert.False(allBad);
        Assert.Equal(LocalizationCodes.MathChanged, Assert.Single(TranslationChecker.Check(units[0], bad[0], section)).Code);
    }

    [Fact]
    public void Should_Refuse_A_Translation_Nested_Past_The_Parsers_Limit_As_A_Change_Of_Structure()
    {
        // Given a paragraph and a translation of it behind ten thousand '>'
        const string english = "The mean of $x$.";
        var unit = TranslationUnitExtractor.Extract(SamplePages.Document(null, null, english))[0];

        // When
        var problems = TranslationChecker.Check(unit, new string('>', 10_000) + " $x$ の平均です。", english);

        // Then it is refused for its structure, where the page would otherwise fail to render
        Assert.Equal(LocalizationCodes.StructureChanged, Assert.Single(problems).Code);
    }
}
