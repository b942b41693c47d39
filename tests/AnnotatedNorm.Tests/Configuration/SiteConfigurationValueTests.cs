using AnnotatedNorm.Configuration;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Tests.Configuration;

/// <summary>Values of the wrong kind in site.json: each is a diagnostic at its key, never an exception of another type.</summary>
public class SiteConfigurationValueTests
{
    private const string Base = "\"title\": \"T\", \"baseUrl\": \"https://example.org/\"";

    [Theory]
    [InlineData("\"description\": 5", "description")]
    [InlineData("\"description\": [\"a\"]", "description")]
    [InlineData("\"repository\": \"https://github.com/example/repo\"", "repository")]
    [InlineData("\"repository\": { \"url\": \"https://github.com/example/repo\", \"branch\": 5 }", "branch")]
    [InlineData("\"repository\": { \"url\": \"https://github.com/example/repo\", \"contentPath\": [] }", "contentPath")]
    [InlineData("\"repository\": { \"url\": \"javascript:alert(1)\" }", "url")]
    [InlineData("\"repository\": { \"url\": \"github.com/example/repo\" }", "url")]
    [InlineData("\"mathMacros\": \"\\\\E\"", "mathMacros")]
    [InlineData("\"mathMacros\": [\"\\\\E\"]", "mathMacros")]
    [InlineData("\"mathMacros\": { \"\\\\E\": 5 }", "mathMacros")]
    public void Should_Report_A_Value_Of_The_Wrong_Kind_At_Its_Key(string setting, string key)
    {
        // Given a configuration with one bad value
        var json = $"{{\n  {Base},\n  {setting}\n}}";

        // When it is read
        var error = Assert.Throws<BuildException>(() => SiteConfigurationReader.Parse(json, "content/site.json"));

        // Then the error names the key and points at the line where it is written
        Assert.Equal(("content/site.json", 3, Severity.Error), (error.Diagnostic.Path, error.Diagnostic.Line, error.Diagnostic.Severity));
        Assert.Contains($"'{key}'", error.Diagnostic.Message);
    }

    [Fact]
    public void Should_Accept_A_Repository_Url_Over_Http_Or_Https()
    {
        // When a configuration names its repository by an https URL
        var configuration = SiteConfigurationReader.Parse(
            $"{{ {Base}, \"repository\": {{ \"url\": \"https://github.com/example/repo\", \"branch\": \"dev\" }} }}", "site.json");

        // Then source links are made from it
        Assert.Equal("https://github.com/example/repo/blob/dev/content/a/B.cs", configuration.SourceUrl("a/B.cs"));
    }
}
