using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

/// <summary>Catalogs that are not what their name says, attacks on the XML parser, and catalogs too large to read.</summary>
public sealed class CatalogBoundaryTests
{
    private static string CatalogText(string targetLanguage) =>
        XliffCatalogWriter.ToText(SamplePages.TranslatedCatalog(SamplePages.Paragraphs("One.", "Two.")) with { TargetLanguage = targetLanguage });

    [Fact]
    public void Should_Refuse_A_Japanese_Catalog_That_Translates_Into_French_At_Its_File_Element()
    {
        // Given a catalog named .ja.xlf whose target-language is fr
        var xml = CatalogText("fr");

        // When it is read as the Japanese catalog
        var error = Assert.Throws<BuildException>(() => XliffCatalogReader.Read(xml, "xlf/Doc.cs.ja.xlf", "ja")).Diagnostic;

        // Then it is refused at its <file> element
        Assert.Equal(LocalizationCodes.WrongLanguage, error.Code);
        Assert.Equal(SamplePages.LineOf(xml, "<file "), error.Line);
        Assert.Contains("'fr'", error.Message);
        // And read as French it is accepted
        Assert.Equal("fr", XliffCatalogReader.Read(xml, "xlf/Doc.cs.fr.xlf", "fr").TargetLanguage);
    }

    [Fact]
    public void Should_Report_An_Entity_Expansion_Attack_Where_Its_Document_Type_Starts()
    {
        // Given a catalog with the "billion laughs" document type on its third line
        var xml = """
            <?xml version="1.0"?>
            <!-- a catalog -->
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            ]>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file>&lol3;</file></xliff>
            """;

        // When it is read
        var error = Assert.Throws<BuildException>(() => XliffCatalogReader.Read(xml, "xlf/Doc.cs.ja.xlf", "ja")).Diagnostic;

        // Then it is refused, unexpanded, at its document type
        Assert.Equal(LocalizationCodes.MalformedCatalog, error.Code);
        Assert.Equal(3, error.Line);
        Assert.InRange(error.Column, 1, 3);
        Assert.Contains("DTD", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Catalog_Larger_Than_The_Limit_Without_Reading_It()
    {
        // Given a catalog file one byte over the limit
        var path = Path.Combine(Path.GetTempPath(), $"annotatednorm-catalog-{Guid.NewGuid():N}.ja.xlf");
        try
        {
            using (var file = File.Create(path)) file.SetLength(XliffCatalogReader.MaxBytes + 1);

            // When it is read
            var error = Assert.Throws<BuildException>(() => XliffCatalogReader.ReadFile(path, "xlf/Big.cs.ja.xlf", "ja")).Diagnostic;

            // Then it is refused with the limit in the message
            Assert.Equal((LocalizationCodes.CatalogTooLarge, "xlf/Big.cs.ja.xlf", 1, 1), (error.Code, error.Path, error.Line, error.Column));
            Assert.Contains("16,384 KB", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
