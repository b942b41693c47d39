using AnnotatedNorm.Localization;
using AnnotatedNorm.Tests.Fuzzing;
using CsCheck;

namespace AnnotatedNorm.Tests.Localization;

/// <summary>The XLIFF reader and the translation checker over what translators and their editors can write: a positioned diagnostic or a verdict, never another exception.</summary>
public class LocalizationFuzzTests
{
    [Fact]
    public void Should_Read_Or_Report_Any_Hostile_Catalog()
    {
        Fuzz.Check(HostileText.Xliff, xml =>
            Fuzz.OnlyBuildErrorsInside(xml, () => XliffCatalogReader.Read(xml, "xlf/Demo.cs.ja.xlf")));
    }

    [Fact]
    public void Should_Check_Any_Hostile_Translation_Of_Any_English()
    {
        // English that Markdig refuses is an error of its page (AN0310) before any translation is checked against it.
        var english = HostileText.Markdown.Where(markdown => LocalizationMarkdown.TryParse(markdown) is not null);
        Fuzz.Check(Gen.Select(english, HostileText.Text.Array[1, 4]), input =>
        {
            var (english, translations) = input;
            var units = TranslationUnitExtractor.Extract(SamplePages.Document("Title", "Summary", english));
            var pairs = units.Zip(translations.Concat(translations).Concat(translations)).ToList();
            foreach (var (unit, translation) in pairs)
                TranslationChecker.Check(unit, translation, unit.IsFrontMatter ? null : english);
            var sectionUnits = pairs.Where(p => !p.First.IsFrontMatter).ToList();
            TranslationChecker.AllPass(english, sectionUnits);
        });
    }
}
