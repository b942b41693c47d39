using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Parsing;
using CsCheck;

namespace AnnotatedNorm.Tests.Parsing;

public class AnnotationParserPropertyTests
{
    private readonly AnnotationParser parser = new();

    [Fact]
    public void Should_Reassemble_Any_Annotated_Source_Losslessly()
    {
        // Given
        var sources = AnnotatedSourceGenerator.Source;

        // When / Then
        sources.Sample(source =>
        {
            var document = ParseOrFrontMatterError(() => parser.ParseCSharp("Random.cs", source.Text));
            if (document is not null) AssertLossless(document, source.Text, source.HasBom);
        }, iter: 3000);
    }

    [Fact]
    public void Should_Never_Throw_On_Character_Soup()
    {
        // Given
        var soups = AnnotatedSourceGenerator.Soup;

        // When / Then
        soups.Sample(text =>
        {
            var hasBom = text.StartsWith('\uFEFF');
            foreach (var parse in new Func<AnnotatedDocument>[] { () => parser.ParseCSharp("Soup.cs", text), () => parser.ParseMarkdown("soup.md", text) })
            {
                var document = ParseOrFrontMatterError(parse);
                if (document is not null) AssertLossless(document, text, hasBom);
            }
        }, iter: 3000);
    }

    private static AnnotatedDocument? ParseOrFrontMatterError(Func<AnnotatedDocument> parse)
    {
        try
        {
            return parse();
        }
        catch (BuildException e)
        {
            // A random "// ---" opening line is legitimately malformed front matter; anything else must not throw.
            Assert.Matches("^AN010[1-5]$", e.Diagnostic.Code);
            return null;
        }
    }

    private static void AssertLossless(AnnotatedDocument document, string text, bool hasBom)
    {
        Assert.Equal(hasBom, document.HasByteOrderMark);
        Assert.Equal(hasBom ? text[1..] : text, document.Reassemble());
        var numbers = document.Sections.SelectMany(s => s.Lines).Select(l => l.Number).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(Enumerable.Range(0, document.Sections.Length), document.Sections.Select(s => s.Index));
        foreach (var section in document.Sections)
        {
            var markdownLines = section.Commentary.IsEmpty ? 0 : section.Commentary.Markdown.Split('\n').Length;
            Assert.Equal(markdownLines, section.Commentary.Origins.Length);
            var commentaryNumbers = section.CommentaryLines.Select(l => l.Number).ToHashSet();
            Assert.All(section.Commentary.Origins, o => Assert.Contains(o.Line, commentaryNumbers));
            Assert.All(section.Commentary.Origins, o => Assert.True(o.Column >= 1));
            if (section.Index > 0 && document.Kind == DocumentKind.CSharp) Assert.NotEmpty(section.CommentaryLines);
        }
    }
}
