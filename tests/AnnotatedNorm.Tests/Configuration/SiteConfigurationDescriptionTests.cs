using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Tests.Configuration;

public class SiteConfigurationDescriptionTests
{
    private static string Json(string description) => $$"""
        {
          "title": "Test Site",
          "description": {{description}},
          "baseUrl": "https://example.org/docs/",
          "languages": ["en", "ja"]
        }
        """;

    [Fact]
    public void Should_Use_A_Plain_Description_In_Every_Language()
    {
        // Given a description written as one string
        var json = Json("\"Layers, explained.\"");

        // When the configuration is read
        var site = SiteConfigurationReader.Parse(json, "site.json");

        // Then both languages show it
        Assert.Equal("Layers, explained.", site.DescriptionIn("en"));
        Assert.Equal("Layers, explained.", site.DescriptionIn("ja"));
    }

    [Fact]
    public void Should_Give_Each_Language_Its_Own_Description()
    {
        // Given a description with a text per language
        var json = Json("""{ "en": "Layers, explained.", "ja": "正規化層の解説です。" }""");

        // When the configuration is read
        var site = SiteConfigurationReader.Parse(json, "site.json");

        // Then each language gets its own text
        Assert.Equal("Layers, explained.", site.DescriptionIn("en"));
        Assert.Equal("正規化層の解説です。", site.DescriptionIn("ja"));
    }

    [Fact]
    public void Should_Fall_Back_To_The_Default_Language_When_A_Language_Has_No_Description()
    {
        // Given a description in the default language only
        var json = Json("""{ "en": "Layers, explained." }""");

        // When the configuration is read
        var site = SiteConfigurationReader.Parse(json, "site.json");

        // Then the other language shows the default language's text, and no description at all is empty
        Assert.Equal("Layers, explained.", site.DescriptionIn("ja"));
        Assert.Equal("", SiteConfigurationReader.Parse(Json("{}"), "site.json").DescriptionIn("ja"));
    }

    [Theory]
    [InlineData("""{ "fr": "Couches." }""", "AN0006", "'fr'")]
    [InlineData("""{ "en": 3 }""", "AN0003", "one string per language")]
    [InlineData("""["Layers."]""", "AN0003", "one string per language")]
    public void Should_Reject_A_Description_That_Is_Not_A_String_Per_Site_Language(string description, string code, string message)
    {
        // Given a description in a language the site does not have, or not made of strings
        var json = Json(description);

        // When the configuration is read
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Parse(json, "site.json"));

        // Then the error names the problem at the description's line
        Assert.Contains(code, error.Message);
        Assert.Contains(message, error.Message);
        Assert.Contains("site.json(3,", error.Message);
    }
}
