using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Tests.Parsing;

public class FrontMatterTests
{
    private readonly AnnotationParser parser = new();

    [Fact]
    public void Should_Give_The_Source_Position_Of_Each_Value()
    {
        // Given
        var text = "    // ---\n    // title: Layer norm\n    // summary: \"Quoted\"\n    // ---\n    class C { }\n";

        // When
        var document = parser.ParseCSharp("a.cs", text);

        // Then
        Assert.Equal(new FrontMatter("Layer norm", "Quoted") { TitlePosition = new(2, 15), SummaryPosition = new(3, 17) }, document.FrontMatter);
        Assert.True(document.Sections[0].Commentary.IsEmpty);
    }

    [Fact]
    public void Should_Report_An_Unknown_Key_At_The_Key()
    {
        // Given
        var text = "/*\n   ---\n   title: T\n   author: A\n   ---\n*/\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.ParseCSharp("dir/b.cs", text));

        // Then
        Assert.Equal(Diagnostic.Error("dir/b.cs", 4, 4, "AN0103", "unknown front matter key 'author'; expected 'title' or 'summary'"), error.Diagnostic);
    }

    [Fact]
    public void Should_Report_Invalid_Yaml_At_The_Closing_Line_When_The_Block_Ends_Too_Soon()
    {
        // Given
        var text = "// ---\n// title: [a, b\n// ---\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.ParseCSharp("c.cs", text));

        // Then
        Assert.Equal(("AN0101", 3, 4), (error.Diagnostic.Code, error.Diagnostic.Line, error.Diagnostic.Column));
    }

    [Theory]
    [InlineData("title:\n  nested: map", 3, 6)]
    [InlineData("title: ~", 2, 11)]
    [InlineData("summary: - a", 2, 13)]
    public void Should_Reject_Values_That_Are_Not_Text(string yaml, int line, int column)
    {
        // Given
        var text = "// ---\n" + string.Join("\n", yaml.Split('\n').Select(l => "// " + l)) + "\n// ---\nclass C { }\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.ParseCSharp("d.cs", text));

        // Then
        Assert.True(error.Diagnostic.Code is "AN0104" or "AN0101", error.Diagnostic.ToString());
        Assert.Equal((line, column), (error.Diagnostic.Line, error.Diagnostic.Column));
    }

    [Fact]
    public void Should_Reject_A_Repeated_Key()
    {
        // Given
        var text = "---\ntitle: One\ntitle: Two\n---\n# Page\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.ParseMarkdown("readme.md", text));

        // Then
        Assert.Equal(("AN0101", 3), (error.Diagnostic.Code, error.Diagnostic.Line));
    }

    [Fact]
    public void Should_Report_A_Missing_Closing_Line_At_The_Opening_Line()
    {
        // Given
        var text = "\uFEFF---\r\ntitle: Open\r\n# Page\r\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.Parse("index.md", text));

        // Then
        Assert.Equal(Diagnostic.Error("index.md", 1, 1, "AN0105", "front matter opened with '---' has no closing '---' line"), error.Diagnostic);
    }

    [Fact]
    public void Should_Accept_An_Empty_Block()
    {
        // Given
        var text = "// ---\n// ---\n// Text.\nint a;\n";

        // When
        var document = parser.ParseCSharp("e.cs", text);

        // Then
        Assert.Equal(FrontMatter.None, document.FrontMatter);
        Assert.Equal("Text.", document.Sections[0].Commentary.Markdown);
    }

    [Fact]
    public void Should_Report_A_Flow_Collection_Left_Open_At_The_Closing_Line()
    {
        // Given a title that opens a YAML sequence and never closes it
        var text = "// ---\n// title: [Layer norm\n// summary: One class.\n// ---\nclass C { }\n";

        // When
        var error = Assert.Throws<BuildException>(() => parser.ParseCSharp("c.cs", text));

        // Then the error is invalid YAML at the closing line, not another exception
        Assert.Equal(("AN0101", 4, 4), (error.Diagnostic.Code, error.Diagnostic.Line, error.Diagnostic.Column));
    }
}
