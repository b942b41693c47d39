using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

public class TranslationUnitExtractorTests
{
    private const string Commentary = """
        # Layer *normalization*

        It normalizes each sample $x$ over its features,
        not over the batch.

        $$
        \mu = \frac{1}{H} \sum_i x_i
        $$

        $$\sigma^2$$

        - first **item**
          continued
          - nested item
        - second item

        > quoted text
        > goes on

        | name | meaning |
        |------|---------|
        | $\epsilon$ | small constant |

        ```csharp
        var y = x;
        ```
        """;

    [Fact]
    public void Should_Make_One_Unit_Per_Text_Block_And_Skip_Code_And_Math()
    {
        // Given
        var document = SamplePages.Document("Layer Normalization", "Normalizing over features.", Commentary);

        // When
        var units = TranslationUnitExtractor.Extract(document);

        // Then
        Assert.Equal(
            [
                (UnitKind.Title, "Layer Normalization"),
                (UnitKind.Summary, "Normalizing over features."),
                (UnitKind.Heading, "Layer *normalization*"),
                (UnitKind.Paragraph, "It normalizes each sample $x$ over its features,\nnot over the batch."),
                (UnitKind.ListItem, "first **item**\ncontinued"),
                (UnitKind.ListItem, "nested item"),
                (UnitKind.ListItem, "second item"),
                (UnitKind.Quote, "quoted text\ngoes on"),
                (UnitKind.TableCell, "name"),
                (UnitKind.TableCell, "meaning"),
                (UnitKind.TableCell, "small constant"),
            ],
            units.Select(u => (u.Kind, u.Source)));
    }

    [Fact]
    public void Should_Point_Each_Unit_At_Its_Source_Position()
    {
        // Given
        var document = SamplePages.Document(null, null, "Intro.", "Text\n\n- item");

        // When
        var units = TranslationUnitExtractor.Extract(document);

        // Then the list item is on Markdown line 2 of section 1, at column 2 after "- "
        Assert.Equal([new(1, 4), new(101, 4), new(103, 6)], units.Select(u => u.Position));
    }

    [Fact]
    public void Should_Keep_Identical_Paragraphs_Distinct()
    {
        // Given
        var document = SamplePages.Paragraphs("Same words.", "Other words.", "Same  words.");

        // When
        var ids = TranslationUnitExtractor.Extract(document).Select(u => u.Id).ToList();

        // Then
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids[1] + "-2", ids[3]);
        Assert.Matches("^u[0-9a-f]{8}$", ids[1]);
    }
}
