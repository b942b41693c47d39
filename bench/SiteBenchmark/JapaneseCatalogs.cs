using System.Text;
using System.Text.RegularExpressions;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Parsing;

namespace SiteBenchmark;

/// <summary>Writes a Japanese catalog for every generated page, every unit translated, as <c>i18n update</c> plus a translator would.</summary>
/// <remarks>
/// A translation must keep the English's formulas, inline code and link targets, so each one is carried over in
/// order between Japanese phrases. The corpus is generated, so the pattern below only ever sees Markdown this
/// program wrote.
/// </remarks>
internal static partial class JapaneseCatalogs
{
    private static readonly string[] Phrases = ["ここでは", "次の式を使います", "各要素について", "結果は", "平均と分散から"];

    public static void Write(string contentRoot, int count)
    {
        var parser = new AnnotationParser();
        Parallel.For(0, count, i =>
        {
            var relative = CorpusGenerator.RelativePath(i);
            var text = File.ReadAllText(Path.Combine(contentRoot, relative));
            var document = parser.Parse(relative, text);
            var update = CatalogUpdater.Update(document, null, new CatalogUpdateOptions("ja"));
            var catalog = update.Catalog with
            {
                Entries = [.. update.Catalog.Entries.Select(e => e with { Target = Translate(e.Source), State = TranslationState.Translated })],
            };
            var path = Path.Combine(contentRoot, TranslationCatalog.PathFor(relative, "ja"));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            XliffCatalogWriter.Save(catalog, path);
        });
    }

    private static string Translate(string english)
    {
        // Link texts stay as they are: a cref's text is inline code, which must survive too.
        var kept = Protected().Matches(english).Select(m => m.Value).ToList();
        var text = new StringBuilder();
        for (var k = 0; k < kept.Count; k++)
            text.Append(Phrases[k % Phrases.Length]).Append(' ').Append(kept[k]).Append(' ');
        return text.Append("と説明します。").ToString();
    }

    [GeneratedRegex(@"\$\$.+?\$\$|\$[^$]+\$|`[^`]+`|\[[^\]]*\]\([^)]*\)", RegexOptions.Singleline)]
    private static partial Regex Protected();
}
