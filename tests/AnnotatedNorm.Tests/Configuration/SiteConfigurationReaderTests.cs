using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Configuration;

public class SiteConfigurationReaderTests
{
    [Fact]
    public void Should_Read_Every_Setting()
    {
        // Given
        const string json = """
            {
              // Comments and trailing commas are allowed.
              "title": "Annotated",
              "description": "Layers explained.",
              "baseUrl": "https://example.org/site",
              "repository": { "url": "https://github.com/example/repo", "branch": "dev", "contentPath": "docs/content" },
              "languages": ["ja", "en"],
              "references": ["TorchSharp"],
              "mathMacros": { "\\R": "\\mathbb{R}", "\\E": "\\operatorname{E}" },
            }
            """;

        // When
        var site = SiteConfigurationReader.Parse(json, "content/site.json");

        // Then the base URL gains its final slash, and the first language is the default
        Assert.Equal(("Annotated", "Layers explained.", "https://example.org/site/"), (site.Title, site.DescriptionIn(site.DefaultLanguage), site.BaseUrl));
        Assert.Equal(("https://github.com/example/repo", "dev", "docs/content"), (site.RepositoryUrl, site.RepositoryBranch, site.ContentPathInRepository));
        Assert.Equal<string>(["ja", "en"], site.Languages);
        Assert.Equal("ja", site.DefaultLanguage);
        Assert.Equal<string>(["TorchSharp"], site.References);
        Assert.Equal(["\\E=\\operatorname{E}", "\\R=\\mathbb{R}"], site.MathMacros.Select(m => $"{m.Key}={m.Value}"));
        Assert.Equal("https://github.com/example/repo/blob/dev/docs/content/ch/Doc.cs", site.SourceUrl("ch/Doc.cs"));
    }

    [Fact]
    public void Should_Default_Every_Optional_Setting()
    {
        // Given only the required settings
        const string json = """{ "title": "T", "baseUrl": "http://localhost:8000/" }""";

        // When
        var site = SiteConfigurationReader.Parse(json, "site.json");

        // Then
        Assert.Equal(("", "http://localhost:8000/", null, "main", "content"),
            (site.DescriptionIn("en"), site.BaseUrl, site.RepositoryUrl, site.RepositoryBranch, site.ContentPathInRepository));
        Assert.Equal<string>(["en"], site.Languages);
        Assert.Empty(site.References);
        Assert.Empty(site.MathMacros);
        Assert.Null(site.SourceUrl("Doc.cs"));
    }

    [Fact]
    public void Should_Default_The_Repository_Branch_And_Content_Path_And_An_Empty_Language_List()
    {
        // Given
        const string json = """{ "title": "T", "baseUrl": "https://x.org/", "repository": { "url": "https://github.com/a/b/" }, "languages": [] }""";

        // When
        var site = SiteConfigurationReader.Parse(json, "site.json");

        // Then
        Assert.Equal("https://github.com/a/b/blob/main/content/Doc.cs", site.SourceUrl("Doc.cs"));
        Assert.Equal<string>(["en"], site.Languages);
    }

    [Fact]
    public void Should_Report_A_Missing_File_At_The_Start_Of_Its_Path()
    {
        // Given a content folder without site.json
        using var tree = new SiteTree("", withConfiguration: false);

        // When
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Read(tree.Content, "content/site.json")).Diagnostic;

        // Then
        Assert.Equal(("content/site.json", 1, 1, "AN0001"), (error.Path, error.Line, error.Column, error.Code));
    }

    [Fact]
    public void Should_Read_The_File_From_The_Content_Folder()
    {
        // Given
        using var tree = new SiteTree("");

        // When
        var site = SiteConfigurationReader.Read(tree.Content, "content/site.json");

        // Then
        Assert.Equal(("Test Site", "https://example.org/docs/", "en ja"), (site.Title, site.BaseUrl, string.Join(' ', site.Languages)));
    }

    [Theory]
    // Invalid JSON: where the parser stopped.
    [InlineData("{\n  \"title\": \"T\",\n  \"baseUrl\" \"x\"\n}", "AN0002", 3, 13)]
    [InlineData("[1, 2]", "AN0003", 1, 1)]
    // Semantic errors: at the setting's key.
    [InlineData("{\n  \"title\": \"T\",\n  \"baseUrl\": \"https://x.org/\",\n  \"titel\": \"U\"\n}", "AN0004", 4, 3)]
    [InlineData("{\n  \"baseUrl\": \"https://x.org/\"\n}", "AN0003", 1, 1)]
    [InlineData("{\n  \"baseUrl\": \"https://x.org/\",\n  \"title\": \"\"\n}", "AN0003", 3, 3)]
    [InlineData("{\n  \"baseUrl\": \"https://x.org/\",\n  \"title\": 7\n}", "AN0003", 3, 3)]
    [InlineData("{\n  \"title\": \"T\",\n    \"baseUrl\": \"ftp://x.org/\"\n}", "AN0005", 3, 5)]
    [InlineData("{\n  \"title\": \"T\",\n  \"baseUrl\": \"/docs/\"\n}", "AN0005", 3, 3)]
    [InlineData("{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  \"languages\": [\"en\", \"klingon\"] }", "AN0006", 2, 3)]
    [InlineData("{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  \"languages\": [\"en\", \"ja\", \"EN\"] }", "AN0006", 2, 3)]
    [InlineData("{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  \"languages\": \"en\" }", "AN0003", 2, 3)]
    [InlineData("{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  \"references\": [\"A\", 1] }", "AN0003", 2, 3)]
    [InlineData("{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  \"repository\": { \"branch\": \"main\" } }", "AN0003", 2, 3)]
    public void Should_Report_A_Bad_Value_With_Its_Code_At_Its_Line_And_Column(string json, string code, int line, int column)
    {
        // When
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Parse(json, "content/site.json")).Diagnostic;

        // Then
        Assert.Equal(("content/site.json", Severity.Error, code, line, column), (error.Path, error.Severity, error.Code, error.Line, error.Column));
    }

    [Theory]
    [InlineData("\"description\": 5", "description")]
    [InlineData("\"repository\": \"https://github.com/a/b\"", "repository")]
    [InlineData("\"repository\": { \"url\": \"https://github.com/a/b\", \"branch\": 1 }", "branch")]
    [InlineData("\"repository\": { \"url\": \"https://github.com/a/b\", \"contentPath\": [] }", "contentPath")]
    [InlineData("\"mathMacros\": [\"\\\\R\"]", "mathMacros")]
    [InlineData("\"mathMacros\": { \"\\\\R\": 1 }", "mathMacros")]
    public void Should_Report_A_Setting_Of_The_Wrong_Type_Instead_Of_Failing(string setting, string named)
    {
        // Given a setting on line 2, column 3
        var json = $"{{ \"title\": \"T\", \"baseUrl\": \"https://x.org/\",\n  {setting} }}";

        // When
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Parse(json, "content/site.json")).Diagnostic;

        // Then
        Assert.Equal(("AN0003", 2), (error.Code, error.Line));
        Assert.Contains($"'{named}'", error.Message);
    }

    [Theory]
    [InlineData("{\n  \"title\": \"branch\",\n  \"baseUrl\": \"https://example.org/\",\n  \"repository\": { \"url\": \"https://example.org/r\", \"branch\": 7 }\n}", "AN0003", 4, 51)]
    [InlineData("{\n  \"title\": \"テスト\" \"x\"\n}", "AN0002", 2, 18)]
    public void Should_Report_A_Setting_At_Its_Own_Line_And_Column_In_Characters(string json, string code, int line, int column)
    {
        // Given a setting whose name also appears as an earlier value, or an error after non-ASCII text

        // When
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Parse(json, "site.json"));

        // Then
        Assert.Equal((code, line, column), (error.Diagnostic.Code, error.Diagnostic.Line, error.Diagnostic.Column));
    }
}
