using AnnotatedNorm.Parsing;
using AnnotatedNorm.Tests.Fuzzing;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>The annotation parser and the front matter it reads, over hostile sources: a positioned diagnostic or a document, never another exception.</summary>
public class AnnotationParserFuzzTests
{
    private readonly AnnotationParser parser = new();

    [Fact]
    public void Should_Parse_Or_Report_Any_Hostile_CSharp_Source()
    {
        Fuzz.Check(HostileText.CSharp, source =>
            Fuzz.OnlyBuildErrorsInside(source, () => parser.ParseCSharp("Hostile.cs", source)));
    }

    [Fact]
    public void Should_Parse_Or_Report_Any_Hostile_Markdown_Page()
    {
        Fuzz.Check(HostileText.Markdown, page =>
            Fuzz.OnlyBuildErrorsInside(page, () => parser.ParseMarkdown("hostile.md", page)));
    }

    [Fact]
    public void Should_Read_Or_Report_Any_Hostile_Front_Matter()
    {
        Fuzz.Check(HostileText.Yaml, yaml =>
        {
            var page = $"---\n{yaml}\n---\n# Title\n";
            Fuzz.OnlyBuildErrorsInside(page, () => parser.ParseMarkdown("hostile.md", page));
            var source = $"// ---\n{string.Join("\n", yaml.Split('\n').Select(l => "// " + l))}\n// ---\nnamespace N;\n";
            Fuzz.OnlyBuildErrorsInside(source, () => parser.ParseCSharp("Hostile.cs", source));
        });
    }
}
