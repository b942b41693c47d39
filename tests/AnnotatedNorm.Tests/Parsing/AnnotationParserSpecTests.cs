namespace AnnotatedNorm.Tests.Parsing;

/// <summary>Runs every example of the convention's spec files: one test case per example.</summary>
public class AnnotationParserSpecTests
{
    public static TheoryData<string, int, string> Examples()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var example in SpecExample.ReadAll()) data.Add(example.File, example.Number, example.Heading);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Produce_The_Sections_The_Spec_Shows(string file, int number, string heading)
    {
        // Given
        var example = Find(file, number);

        // When
        var actual = SpecOutputWriter.Write(example);

        // Then
        Assert.True(heading.Length > 0, "every example sits under a heading");
        if (!example.Expected.SequenceEqual(actual)) SpecReceivedWriter.Write(file);
        Assert.Equal(string.Join("\n", example.Expected), string.Join("\n", actual));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Reassemble_The_Input_From_The_Spec_Output(string file, int number, string heading)
    {
        // Given
        var example = Find(file, number);
        var input = SpecNotation.DecodeInput(example.Input).TrimStart('\uFEFF');
        var inputLines = SpecLineReader.Split(input);

        // When
        var rebuilt = SpecLineReader.Reassemble(example.Expected, inputLines);

        // Then
        Assert.NotNull(heading);
        Assert.Equal(input, rebuilt);
    }

    [Fact]
    public void Should_Have_Enough_Examples_To_Document_The_Convention()
    {
        // Given / When
        var examples = SpecExample.ReadAll().ToList();

        // Then
        Assert.True(examples.Count >= 45, $"only {examples.Count} spec examples");
        Assert.All(examples, e => Assert.NotEmpty(e.Expected));
    }

    private static SpecExample Find(string file, int number) =>
        SpecExample.Read(Path.Combine(SpecExample.SpecFolder, file)).Single(e => e.Number == number);
}
