using System.Text;
using AnnotatedNorm.Localization;
using Xunit.Abstractions;

namespace AnnotatedNorm.Tests.Localization;

/// <summary>Localization grows with the page in a straight line: twice the table, about twice the work, never four times.</summary>
public sealed class LocalizationScaleTests(ITestOutputHelper output)
{
    private const int Columns = 20;

    private static string Table(int rows)
    {
        var text = new StringBuilder("| " + string.Join(" | ", Enumerable.Range(0, Columns).Select(c => $"column {c}")) + " |\n");
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", Columns))).Append('\n');
        for (var r = 0; r < rows; r++)
            text.Append("| ").Append(string.Join(" | ", Enumerable.Range(0, Columns).Select(c => $"cell {r}.{c} `x{r}`"))).Append(" |\n");
        return text.ToString();
    }

    private static long AllocatedByTranslation(int rows, bool oneCellBroken)
    {
        var document = SamplePages.Document("Table", null, "A table follows.\n\n" + Table(rows));
        var catalog = SamplePages.TranslatedCatalog(document);
        if (oneCellBroken) catalog = SamplePages.WithTarget(catalog, $"cell {rows / 2}.3 `x{rows / 2}`", $"訳 cell {rows / 2}.3 `y`");
        DocumentTranslator.Translate(document, catalog, new TranslationOptions("ja")); // warm up the parser's code paths
        var before = GC.GetAllocatedBytesForCurrentThread();
        var localized = DocumentTranslator.Translate(document, catalog, new TranslationOptions("ja"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(oneCellBroken ? 1 : 0, localized.Diagnostics.Length);
        return allocated;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_Allocate_About_Twice_As_Much_For_A_Table_Twice_As_Long(bool oneCellBroken)
    {
        // Given a translated table of 100 rows of 20 cells, and the same table with 200 rows (one cell's translation broken, or none)
        // When each is localized
        var small = AllocatedByTranslation(100, oneCellBroken);
        var large = AllocatedByTranslation(200, oneCellBroken);

        // Then the longer table costs about twice as much, not the four times of work that grows with the square of the cells
        output.WriteLine($"100 rows: {small / 1e6:F1} MB, 200 rows: {large / 1e6:F1} MB, ratio {(double)large / small:F2}");
        Assert.True(large < 3 * small, $"100 rows allocated {small / 1e6:F1} MB, 200 rows {large / 1e6:F1} MB");
    }
}
