using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

public class XliffCatalogTests
{
    private static readonly TranslationCatalog Sample = new("LayerNorm.cs", "en", "ja",
    [
        new CatalogEntry("title", "Layer Normalization", "レイヤー正規化", TranslationState.Final, []),
        new CatalogEntry("u0a1b2c3d", "Mean $\\mu$ & <b>\nsecond line", "平均 $\\mu$ & <b>\n二行目", TranslationState.NeedsReviewTranslation,
            ["previous source: Mean $\\mu$"]),
        new CatalogEntry("u0a1b2c3d-2", "New text.", null, TranslationState.New, []),
    ]);

    [Fact]
    public void Should_Read_Back_What_It_Wrote()
    {
        // Given
        var text = XliffCatalogWriter.ToText(Sample);

        // When
        var read = XliffCatalogReader.Read(text, "content/xlf/LayerNorm.cs.ja.xlf");

        // Then
        Assert.Equal((Sample.Original, Sample.SourceLanguage, Sample.TargetLanguage), (read.Original, read.SourceLanguage, read.TargetLanguage));
        Assert.Equal(
            Sample.Entries.Select(e => (e.Id, e.Source, e.Target ?? "", e.State, string.Join("|", e.Notes))),
            read.Entries.Select(e => (e.Id, e.Source, e.Target ?? "", e.State, string.Join("|", e.Notes))));
        Assert.Equal(text, XliffCatalogWriter.ToText(read));
    }

    [Fact]
    public void Should_Write_Xliff_1_2_In_A_Fixed_Layout()
    {
        // When
        var text = XliffCatalogWriter.ToText(Sample with { Entries = [Sample.Entries[0], Sample.Entries[2]] });

        // Then
        Assert.Equal("""
            <?xml version="1.0" encoding="utf-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file datatype="x-markdown" source-language="en" target-language="ja" original="LayerNorm.cs">
                <body>
                  <trans-unit id="title">
                    <source>Layer Normalization</source>
                    <target state="final">レイヤー正規化</target>
                  </trans-unit>
                  <trans-unit id="u0a1b2c3d-2">
                    <source>New text.</source>
                    <target state="new"></target>
                  </trans-unit>
                </body>
              </file>
            </xliff>

            """, text);
        Assert.False(XliffCatalogWriter.ToBytes(Sample).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Fact]
    public void Should_Know_Where_Each_Target_Is()
    {
        // Given
        var text = XliffCatalogWriter.ToText(Sample);

        // When
        var read = XliffCatalogReader.Read(text, "x.xlf");

        // Then
        Assert.Equal(new(SamplePages.LineOf(text, "<target state=\"final\""), 9), read.Entries[0].Position);
        Assert.Equal(SamplePages.LineOf(text, "<target state=\"new\""), read.Entries[2].Position.Line);
    }

    [Fact]
    public void Should_Report_Malformed_Xml_At_Its_Line()
    {
        // Given
        const string text = "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n  <file>\n</xliff>\n";

        // When
        var error = Assert.Throws<BuildException>(() => XliffCatalogReader.Read(text, "content/xlf/a.cs.ja.xlf"));

        // Then
        Assert.Equal(("content/xlf/a.cs.ja.xlf", 4, LocalizationCodes.MalformedCatalog),
            (error.Diagnostic.Path, error.Diagnostic.Line, error.Diagnostic.Code));
    }

    [Fact]
    public void Should_Refuse_An_Unknown_State()
    {
        // Given
        var text = XliffCatalogWriter.ToText(Sample).Replace("state=\"final\"", "state=\"signed-of\"");

        // When
        var error = Assert.Throws<BuildException>(() => XliffCatalogReader.Read(text, "a.xlf"));

        // Then
        Assert.Equal((SamplePages.LineOf(text, "signed-of"), LocalizationCodes.MalformedCatalog), (error.Diagnostic.Line, error.Diagnostic.Code));
    }

    [Fact]
    public void Should_Place_Catalogs_In_An_Xlf_Folder_Next_To_The_Source()
    {
        Assert.Equal("content/normalization/layer_norm/xlf/LayerNorm.cs.ja.xlf",
            TranslationCatalog.PathFor("content/normalization/layer_norm/LayerNorm.cs", "ja"));
        Assert.Equal("xlf/readme.md.ja.xlf", TranslationCatalog.PathFor("readme.md", "ja"));
    }
}
