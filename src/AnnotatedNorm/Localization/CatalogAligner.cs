using System.Collections.Immutable;

namespace AnnotatedNorm.Localization;

/// <summary>A unit of the current English with the catalog entry that holds its translation, if any.</summary>
/// <param name="CatalogId">The id the unit has in the catalog: the entry's when matched, otherwise a fresh one.</param>
/// <param name="SourceChanged">The entry was made for different English (the unit was edited since).</param>
public sealed record AlignedUnit(TranslationUnit Unit, string CatalogId, CatalogEntry? Entry)
{
    public bool SourceChanged => Entry is not null && Entry.Source != Unit.Source;
}

/// <summary>The result of matching a document's units with a catalog's entries.</summary>
/// <param name="Orphans">Entries that match no unit any more, in catalog order.</param>
public sealed record CatalogAlignment(ImmutableArray<AlignedUnit> Units, ImmutableArray<CatalogEntry> Orphans);

/// <summary>Matches current units with catalog entries so ids and translations survive edits elsewhere in the file.</summary>
/// <remarks>
/// Front-matter units match by their fixed ids. Body units match in four passes: (1) a longest common subsequence of
/// equal English; (2) equal English anywhere else (a moved block); (3) in each gap between two matches of pass 1,
/// the leftover old and new units are paired in order when their counts are equal (blocks edited in place), or else
/// each new unit with the next old one whose text is at least half similar; (4) the rest are new units and get their
/// content id, with a suffix if an entry already uses it.
/// </remarks>
public static class CatalogAligner
{
    private const double EditedSimilarity = 0.5;

    public static CatalogAlignment Align(ImmutableArray<TranslationUnit> units, TranslationCatalog? catalog)
    {
        var entries = catalog?.Entries ?? [];
        var matchOf = new CatalogEntry?[units.Length];

        foreach (var (unit, i) in units.Select((u, i) => (u, i)).Where(p => p.u.IsMatchedById))
            matchOf[i] = entries.FirstOrDefault(e => e.Id == unit.Id);

        var body = Enumerable.Range(0, units.Length).Where(i => !units[i].IsMatchedById).ToArray();
        var old = entries.Where(e => e.Id is not ("title" or "summary") && !e.Id.StartsWith(TranslationUnit.LabelPrefix, StringComparison.Ordinal)).ToArray();
        var oldTaken = new bool[old.Length];
        var anchors = LongestCommonSubsequence(body.Select(i => units[i].Source).ToArray(), old.Select(e => e.Source).ToArray());
        foreach (var (n, o) in anchors) Take(n, o);

        // Equal English anywhere else, each with the first entry of that English not yet taken.
        var untaken = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
        for (var k = 0; k < old.Length; k++)
            if (!oldTaken[k])
                (untaken.TryGetValue(old[k].Source, out var queue) ? queue : untaken[old[k].Source] = new Queue<int>()).Enqueue(k);
        for (var n = 0; n < body.Length; n++)
            if (matchOf[body[n]] is null && untaken.TryGetValue(units[body[n]].Source, out var same) && same.TryDequeue(out var o))
                Take(n, o);

        var bounds = anchors.Prepend((-1, -1)).Append((body.Length, old.Length)).ToList();
        for (var g = 0; g + 1 < bounds.Count; g++)
            PairGap(
                [.. Enumerable.Range(bounds[g].Item1 + 1, bounds[g + 1].Item1 - bounds[g].Item1 - 1).Where(n => matchOf[body[n]] is null)],
                [.. Enumerable.Range(bounds[g].Item2 + 1, bounds[g + 1].Item2 - bounds[g].Item2 - 1).Where(o => !oldTaken[o])]);

        var usedIds = new HashSet<string>(entries.Select(e => e.Id), StringComparer.Ordinal);
        var aligned = units.Select((unit, i) => new AlignedUnit(unit, matchOf[i]?.Id ?? FreshId(unit.Id, usedIds), matchOf[i]));
        var matched = new HashSet<CatalogEntry>(matchOf.OfType<CatalogEntry>(), ReferenceEqualityComparer.Instance);
        var orphans = entries.Where(e => !matched.Contains(e));
        return new CatalogAlignment([.. aligned], [.. orphans]);

        void Take(int n, int o)
        {
            matchOf[body[n]] = old[o];
            oldTaken[o] = true;
        }

        void PairGap(int[] news, int[] olds)
        {
            if (news.Length == olds.Length)
            {
                for (var k = 0; k < news.Length; k++) Take(news[k], olds[k]);
                return;
            }
            var next = 0;
            foreach (var n in news)
            {
                var o = Array.FindIndex(olds, next, k => Similarity(units[body[n]].Source, old[k].Source) >= EditedSimilarity);
                if (o < 0) continue;
                Take(n, olds[o]);
                next = o + 1;
            }
        }
    }

    private static string FreshId(string contentId, HashSet<string> used)
    {
        var baseId = contentId.Split('-')[0];
        var id = contentId;
        for (var k = 2; !used.Add(id); k++) id = $"{baseId}-{k}";
        return id;
    }

    // Above this many cells (16 MB of table), the middle that differs is anchored on its lines that are unique on
    // both sides instead, as patience diff does: a table of 60,000 cells would otherwise need a table of 3.6 billion.
    private const long LargestTable = 1 << 22;

    /// <summary>Pairs (new index, old index) of one longest common subsequence, in order.</summary>
    /// <remarks>
    /// The common start and end are matched first, in linear time; only what lies between them, usually the few
    /// units an edit touched, goes through the quadratic table, and a middle too large for it is anchored on the
    /// lines that occur once on each side (their longest increasing run), which keeps time and memory near linear.
    /// </remarks>
    private static List<(int, int)> LongestCommonSubsequence(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        var (aStart, aEnd, bStart, bEnd) = (prefix, a.Length - suffix, prefix, b.Length - suffix);

        var pairs = Enumerable.Range(0, prefix).Select(i => (i, i)).ToList();
        pairs.AddRange((long)(aEnd - aStart) * (bEnd - bStart) <= LargestTable
            ? MiddleByTable(a, b, aStart, aEnd, bStart, bEnd)
            : MiddleByUniqueLines(a, b, aStart, aEnd, bStart, bEnd));
        pairs.AddRange(Enumerable.Range(0, suffix).Select(k => (aEnd + k, bEnd + k)));
        return pairs;
    }

    private static List<(int, int)> MiddleByTable(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd)
    {
        var (rows, columns) = (aEnd - aStart, bEnd - bStart);
        var length = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
            for (var j = columns - 1; j >= 0; j--)
                length[i, j] = a[aStart + i] == b[bStart + j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < rows && j < columns;)
        {
            if (a[aStart + i] == b[bStart + j]) { pairs.Add((aStart + i, bStart + j)); i++; j++; }
            else if (length[i + 1, j] >= length[i, j + 1]) i++;
            else j++;
        }
        return pairs;
    }

    private static List<(int, int)> MiddleByUniqueLines(string[] a, string[] b, int aStart, int aEnd, int bStart, int bEnd)
    {
        static Dictionary<string, int> Once(string[] lines, int start, int end)
        {
            var at = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = start; i < end; i++) at[lines[i]] = at.ContainsKey(lines[i]) ? -1 : i;
            return at;
        }
        var inB = Once(b, bStart, bEnd);
        var candidates = Once(a, aStart, aEnd)
            .Where(p => p.Value >= 0 && inB.GetValueOrDefault(p.Key, -1) >= 0)
            .Select(p => (A: p.Value, B: inB[p.Key]))
            .OrderBy(p => p.A)
            .ToList();

        // Longest run increasing in b, by patience sorting: tails[k] ends the best run of length k + 1.
        var tails = new List<int>();
        var previous = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (candidates[tails[middle]].B < candidates[c].B) low = middle + 1; else high = middle;
            }
            previous[c] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count) tails.Add(c); else tails[low] = c;
        }
        var pairs = new List<(int, int)>();
        for (var c = tails.Count > 0 ? tails[^1] : -1; c >= 0; c = previous[c]) pairs.Add(candidates[c]);
        pairs.Reverse();
        return pairs;
    }

    /// <summary>Dice coefficient of the character bigrams of the normalized texts.</summary>
    internal static double Similarity(string a, string b)
    {
        var x = Bigrams(TranslationUnitExtractor.Normalize(a));
        var y = Bigrams(TranslationUnitExtractor.Normalize(b));
        if (x.Count + y.Count == 0) return 1;
        var common = 0;
        foreach (var (gram, count) in x) common += Math.Min(count, y.GetValueOrDefault(gram));
        return 2.0 * common / (x.Values.Sum() + y.Values.Sum());
    }

    private static Dictionary<string, int> Bigrams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++) grams[text.Substring(i, 2)] = grams.GetValueOrDefault(text.Substring(i, 2)) + 1;
        return grams;
    }
}
