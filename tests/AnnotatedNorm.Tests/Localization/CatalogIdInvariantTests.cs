using AnnotatedNorm.Localization;
using CsCheck;

namespace AnnotatedNorm.Tests.Localization;

public class CatalogIdInvariantTests
{
    [Fact]
    public void Should_Keep_Every_Other_Id_When_One_Paragraph_Is_Inserted_Deleted_Or_Moved()
    {
        // Given pages of paragraphs drawn from a small vocabulary, so duplicates happen
        var words = new[] { "gain", "bias", "mean", "variance", "epsilon" };
        var pages = Gen.Int[0, words.Length - 1].Array[1, 3]
            .Select(ws => string.Join(" ", ws.Select(w => words[w])) + ".").Array[2, 8];
        var edits = Gen.Select(pages, Gen.Int[0, 2], Gen.Int[0, 100], Gen.Int[0, 100]);

        edits.Sample((paragraphs, kind, a, b) =>
        {
            var old = SamplePages.TranslatedCatalog(SamplePages.Paragraphs(paragraphs), s => "訳 " + s + " " + s.GetHashCode());
            var bodyEntries = old.Entries.Skip(1).ToList();
            var items = bodyEntries.Select(e => (e.Source, e.Id, e.Target)).ToList();

            // When one paragraph is inserted, deleted or moved
            var from = a % items.Count;
            var moved = items[from];
            if (kind == 0) items.Insert(from, ("A freshly written paragraph.", "", null));
            else { items.RemoveAt(from); if (kind == 2) items.Insert(b % (items.Count + 1), moved); }
            var updated = CatalogUpdater.Update(SamplePages.Paragraphs([.. items.Select(i => i.Source)]), old, new CatalogUpdateOptions("ja")).Catalog;

            // Then every kept paragraph keeps its translation; identical paragraphs have identical English, so compare by id where unique
            var byId = updated.Entries.ToDictionary(e => e.Id);
            foreach (var (source, id, target) in items.Where(i => i.Id != "" && (kind != 2 || i != moved)))
            {
                var entry = updated.Entries.Where(e => e.Source == source).ToList();
                Assert.Contains(entry, e => e.Target == target);
                if (items.Count(i => i.Source == source) == 1) Assert.Equal(target, byId[id].Target);
            }
            Assert.Equal(updated.Entries.Length, byId.Count);
        }, iter: 200);
    }
}
