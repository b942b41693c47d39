using AnnotatedNorm.Documents;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Tests.Localization;

public class CatalogUpdaterTests
{
    private const string A = "Layer normalization rescales each sample.";
    private const string B = "The mean $\\mu$ is taken over the features.";
    private const string C = "A small $\\epsilon$ keeps the division finite.";
    private const string X = "Inserted remark about gains.";

    private static readonly CatalogUpdateOptions Ja = new("ja");

    private static TranslationCatalog Update(AnnotatedDocument document, TranslationCatalog? old, bool prune = false) =>
        SamplePages.Reread(CatalogUpdater.Update(document, old, Ja with { Prune = prune }).Catalog);

    private static Dictionary<string, string> IdsBySource(TranslationCatalog catalog) =>
        catalog.Entries.ToDictionary(e => e.Source, e => e.Id);

    [Theory]
    [InlineData("insert")]
    [InlineData("delete")]
    [InlineData("move")]
    public void Should_Keep_The_Ids_Of_Untouched_Units(string edit)
    {
        // Given
        var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, C));
        var edited = edit switch
        {
            "insert" => SamplePages.Paragraphs(A, X, B, C),
            "delete" => SamplePages.Paragraphs(A, C),
            _ => SamplePages.Paragraphs(C, A, B),
        };

        // When
        var updated = Update(edited, old);

        // Then
        foreach (var entry in updated.Entries.Where(e => e.Source != X))
        {
            var before = old.Entries.Single(e => e.Source == entry.Source);
            Assert.Equal((before.Id, before.Target, before.State), (entry.Id, entry.Target, entry.State));
        }
        Assert.Equal(edit == "insert" ? TranslationState.New : TranslationState.Translated,
            updated.Entries.Single(e => e.Source == (edit == "insert" ? X : A)).State);
    }

    [Fact]
    public void Should_Keep_Each_Duplicate_With_Its_Own_Translation()
    {
        // Given three units, two with the same English but different translations
        var first = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, A));
        var old = SamplePages.Reread(first with
        {
            Entries = [.. first.Entries.Select((e, i) => i == 3 ? e with { Target = "二つ目" } : e)],
        });

        // When the first copy is deleted
        var updated = Update(SamplePages.Paragraphs(B, A), old);

        // Then the remaining copy is still the second one
        Assert.Equal(old.Entries[3].Id, updated.Entries[2].Id);
        Assert.EndsWith("-2", updated.Entries[2].Id);
        Assert.Equal("二つ目", updated.Entries[2].Target);
    }

    [Fact]
    public void Should_Keep_An_Edited_Translation_For_Review_With_The_Old_English()
    {
        // Given
        var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, C));
        var editedB = B.Replace("features", "feature dimension");

        // When
        var update = CatalogUpdater.Update(SamplePages.Paragraphs(A, editedB, C), old, Ja);

        // Then
        var before = old.Entries.Single(e => e.Source == B);
        var entry = update.Catalog.Entries.Single(e => e.Source == editedB);
        Assert.Equal((before.Id, before.Target, TranslationState.NeedsReviewTranslation), (entry.Id, entry.Target, entry.State));
        Assert.Equal<string>(["previous source: " + B], entry.Notes);
        Assert.Equal<string>([before.Id], update.MarkedStale);
        Assert.Empty(update.Removed);
    }

    [Fact]
    public void Should_Pair_An_Edit_Next_To_An_Insertion_By_Similarity()
    {
        // Given
        var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, C));
        var editedB = B.Replace("The mean", "Their mean");

        // When
        var updated = Update(SamplePages.Paragraphs(A, X, editedB, C), old);

        // Then
        Assert.Equal(old.Entries.Single(e => e.Source == B).Id, IdsBySource(updated)[editedB]);
        Assert.Equal(TranslationState.New, updated.Entries.Single(e => e.Source == X).State);
    }

    [Fact]
    public void Should_Change_Nothing_When_Run_Twice()
    {
        // Given
        var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, C));
        var document = SamplePages.Paragraphs(X, A, B + " Edited.");
        var once = CatalogUpdater.Update(document, old, Ja).Catalog;

        // When
        var twice = CatalogUpdater.Update(document, SamplePages.Reread(once), Ja);

        // Then
        Assert.Equal(XliffCatalogWriter.ToBytes(once), XliffCatalogWriter.ToBytes(twice.Catalog));
        Assert.Empty(twice.Added);
        Assert.Empty(twice.MarkedStale);
    }

    [Fact]
    public void Should_Keep_Removed_Units_Until_Pruned()
    {
        // Given
        var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(A, B, C));
        var document = SamplePages.Paragraphs(A, C);

        // When
        var kept = CatalogUpdater.Update(document, old, Ja);
        var pruned = CatalogUpdater.Update(document, old, Ja with { Prune = true });

        // Then
        Assert.Equal([B], kept.Removed.Select(e => e.Source));
        Assert.Equal<string>(["Layer Normalization", A, C, B], SamplePages.Sources(kept.Catalog));
        Assert.Equal<string>(["Layer Normalization", A, C], SamplePages.Sources(pruned.Catalog));
    }

    [Fact]
    public void Should_Start_A_Catalog_With_Empty_New_Targets()
    {
        // When
        var update = CatalogUpdater.Update(SamplePages.Paragraphs(A, B), null, Ja);

        // Then
        Assert.All(update.Catalog.Entries, e => Assert.Equal((TranslationState.New, null), (e.State, e.Target)));
        Assert.Equal<string>(["title", .. TranslationUnitExtractor.Extract(SamplePages.Paragraphs(A, B)).Skip(1).Select(u => u.Id)], update.Added);
        Assert.Equal(("LayerNorm.cs", "ja", "normalization/layer_norm/xlf/LayerNorm.cs.ja.xlf"),
            (update.Catalog.Original, update.Catalog.TargetLanguage, update.Catalog.Path));
    }
}
