using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Tests.Parsing;

public class AnnotationParserTests
{
    private readonly AnnotationParser parser = new();

    [Theory]
    [InlineData("content/LayerNorm.cs", DocumentKind.CSharp)]
    [InlineData("content/readme.md", DocumentKind.Markdown)]
    [InlineData("content/INDEX.MD", DocumentKind.Markdown)]
    public void Should_Choose_The_Kind_From_The_Extension(string path, DocumentKind kind)
    {
        // Given
        var text = "// Text.\nint a;\n";

        // When
        var document = parser.Parse(path, text);

        // Then
        Assert.Equal((kind, path), (document.Kind, document.Path));
    }

    [Fact]
    public void Should_Reject_Other_Extensions()
    {
        // Given
        var path = "content/notes.txt";

        // When
        var error = Assert.Throws<BuildException>(() => parser.Parse(path, "text"));

        // Then
        Assert.Equal(("AN0100", path), (error.Diagnostic.Code, error.Diagnostic.Path));
    }

    [Fact]
    public void Should_Map_A_Markdown_Column_Back_To_The_Exact_Source_Column()
    {
        // Given: a TeX error at the "\frac" of the second Markdown line
        var text = "class C\n{\n\t/*\n\t * Mean:\n\t * $$\\frac{1}{n}$$\n\t */\n\tint n;\n}\n";
        var commentary = parser.ParseCSharp("f.cs", text).Sections[1].Commentary;

        // When
        var position = commentary.PositionOf(1, commentary.Markdown.Split('\n')[1].IndexOf('\\', StringComparison.Ordinal));

        // Then
        Assert.Equal("\t * $$\\frac{1}{n}$$".IndexOf('\\', StringComparison.Ordinal) + 1, position.Column);
        Assert.Equal(5, position.Line);
    }

    [Fact]
    public void Should_Keep_Trailing_Comment_In_Code()
    {
        // Given
        var text = "// Scale.\nvar y = x * 2; // twice\n";

        // When
        var section = Assert.Single(parser.ParseCSharp("g.cs", text).Sections);

        // Then
        Assert.Equal("var y = x * 2; // twice", Assert.Single(section.CodeLines).Text);
        Assert.Equal("Scale.", section.Commentary.Markdown);
    }

    [Fact]
    public void Should_Give_An_Empty_Markdown_Page_One_Empty_Section()
    {
        // Given
        var text = "\uFEFF";

        // When
        var document = parser.ParseMarkdown("readme.md", text);

        // Then
        Assert.True(document.HasByteOrderMark);
        var section = Assert.Single(document.Sections);
        Assert.True(section.CommentaryLines.IsEmpty && section.Commentary.IsEmpty);
    }

    [Fact]
    public void Should_Keep_Every_Line_As_Code_When_The_CSharp_Parser_Itself_Fails()
    {
        // Given text on which Roslyn 5.12's parser throws (found by the property test)
        const string text = "\":< \"  @正 < >::* :#$正!<$\"}a\"$!\\/{/{*正\n// not commentary after all\n";

        // When
        var document = new AnnotationParser().ParseCSharp("Crash.cs", text);

        // Then the file is still lossless, and without a syntax tree nothing is taken for commentary
        Assert.Equal(text, document.Reassemble());
        Assert.All(document.Sections, s => Assert.Empty(s.CommentaryLines));
    }
}
