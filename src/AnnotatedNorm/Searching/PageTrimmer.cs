using System.Buffers;

namespace AnnotatedNorm.Searching;

/// <summary>
/// Writes a page for the indexer without the elements Pagefind parses but does not index: those marked
/// <c>data-pagefind-ignore</c> (the code column, the page links) and KaTeX's visual copy of each formula.
/// </summary>
/// <remarks>
/// Pagefind's time goes into parsing HTML, and on a code page these elements are most of it (a token is an element);
/// the index it writes from what is left is the same, byte for byte. The page is HTML the templates wrote, so an
/// element is found from the attribute in its start tag and ended by counting the start and end tags of its name, which
/// text cannot hold unescaped. Whatever does not fit that (no end tag, another Pagefind attribute inside, which Pagefind
/// would still read) is left in place for Pagefind to skip itself.
/// </remarks>
internal static class PageTrimmer
{
    private static ReadOnlySpan<byte> Ignored => "data-pagefind-ignore"u8;

    // SearchIndexer excludes .katex-html; KaTeX writes the class alone on the element.
    private static ReadOnlySpan<byte> FormulaCopy => "class=\"katex-html\""u8;

    private static ReadOnlySpan<byte> PagefindAttribute => "data-pagefind-"u8;

    public static void Write(ReadOnlySpan<byte> page, Stream to)
    {
        var written = 0;
        var ignored = Find(page, 0, Ignored);
        var formula = Find(page, 0, FormulaCopy);
        while (ignored >= 0 || formula >= 0)
        {
            var isIgnored = formula < 0 || ignored >= 0 && ignored < formula;
            var marker = isIgnored ? ignored : formula;
            var next = marker + (isIgnored ? Ignored.Length : FormulaCopy.Length);
            if (Element(page, marker) is var (start, end) && start >= written
                && Count(page[start..end], PagefindAttribute) == (isIgnored ? 1 : 0))
            {
                to.Write(page[written..start]);
                written = next = end;
            }
            if (ignored >= 0 && ignored < next) ignored = Find(page, next, Ignored);
            if (formula >= 0 && formula < next) formula = Find(page, next, FormulaCopy);
        }
        to.Write(page[written..]);
    }

    private static int Find(ReadOnlySpan<byte> page, int from, ReadOnlySpan<byte> what) =>
        page[from..].IndexOf(what) is >= 0 and var at ? from + at : -1;

    /// <summary>Where the element whose start tag holds <paramref name="marker"/> begins and ends; null when it is not found whole.</summary>
    private static (int Start, int End)? Element(ReadOnlySpan<byte> page, int marker)
    {
        var start = page[..marker].LastIndexOf((byte)'<');
        if (start < 0 || page[start..marker].Contains((byte)'>')) return null;
        var nameLength = page[(start + 1)..].IndexOfAnyExcept(NameCharacters);
        if (nameLength <= 0) return null;
        var name = page.Slice(start + 1, nameLength);

        var depth = 0;
        for (var at = start; (at = Find(page, at, "<"u8)) >= 0; at++)
        {
            var closing = at + 1 < page.Length && page[at + 1] == '/';
            var nameAt = at + (closing ? 2 : 1);
            if (!page[nameAt..].StartsWith(name) || nameAt + name.Length >= page.Length || NameCharacters.Contains(page[nameAt + name.Length]))
                continue;
            depth += closing ? -1 : 1;
            if (depth > 0) continue;
            var close = Find(page, nameAt, ">"u8);
            return close < 0 ? null : (start, close + 1);
        }
        return null;
    }

    private static readonly SearchValues<byte> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"u8);

    private static int Count(ReadOnlySpan<byte> text, ReadOnlySpan<byte> what)
    {
        var count = 0;
        for (int at; (at = text.IndexOf(what)) >= 0; text = text[(at + what.Length)..]) count++;
        return count;
    }
}
