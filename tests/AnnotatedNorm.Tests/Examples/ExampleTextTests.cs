using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>
/// The words and numbers of results belong to the page: the commentary quotes an example's named values
/// (<c>{{Example.name}}</c>), and figure texts are translated through the page's catalog.
/// </summary>
public sealed class ExampleTextTests(ExampleProjectFixture fixture) : IClassFixture<ExampleProjectFixture>
{
    [Fact]
    public async Task Should_Put_The_Named_Value_In_Place_Of_Its_Reference_But_Not_In_Code()
    {
        // Given commentary that quotes the example's value in its text and in a code span
        var options = fixture.Site("values-known", Page("The total is {{Total.sum}}; `{{Total.sum}}` is how the source writes it."));

        // When the site is built
        var result = await SiteBuilder.BuildAsync(options);

        // Then the text holds the value, and the code span the reference as written
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(options.OutputFolder, "values-known.html"));
        Assert.Contains("The total is 6; <code>{{Total.sum}}</code> is how the source writes it.", html);
    }

    [Theory]
    [InlineData("The total is {{Sum.sum}}.", "{{Sum.sum}}", ExampleValueResolver.UnknownExample, "names no example of this page: the page declares Total")]
    [InlineData("The total is {{Total.count}}.", "{{Total.count}}", ExampleValueResolver.UnknownValue, "example 'Total' returns no value named 'count'; it returns sum")]
    public async Task Should_Fail_At_A_Reference_That_Names_Nothing(string commentary, string reference, string code, string message)
    {
        // Given commentary whose reference names an example the page does not declare, or a value the example does not return
        var page = Page(commentary);
        var options = fixture.Site("values-" + code, page);

        // When the site is built
        var result = await SiteBuilder.BuildAsync(options);

        // Then the build fails at the reference's first brace
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        var lines = page.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains(reference, StringComparison.Ordinal));
        Assert.Equal((code, line + 1, lines[line].IndexOf(reference, StringComparison.Ordinal) + 1), (error.Code, error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Should_Show_The_Figure_Texts_Of_The_Catalog_On_The_Translated_Page()
    {
        // Given a site in English and Japanese built once, its catalog updated, and the figure's texts translated
        var options = fixture.Site("values-ja", Page("The total, drawn."));
        File.WriteAllText(Path.Combine(options.ContentFolder, "site.json"), SiteTree.DefaultConfiguration);
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        SiteCatalogs.Update(options, prune: false);
        var path = Path.Combine(options.ContentFolder, "xlf", "values-ja.cs.ja.xlf");
        var catalog = XliffCatalogReader.ReadFile(path);
        var japanese = new Dictionary<string, string> { ["noise by step"] = "ステップごとのノイズ", ["step"] = "ステップ", ["value"] = "値", ["walk"] = "ランダムウォーク" };
        Assert.All(japanese.Keys, label => Assert.Contains(catalog.Entries, e => e.Source == label && e.Id.StartsWith(TranslationUnit.LabelPrefix, StringComparison.Ordinal)));
        XliffCatalogWriter.Save(catalog with
        {
            Entries = [.. catalog.Entries.Select(e => japanese.TryGetValue(e.Source, out var target) ? e with { Target = target, State = TranslationState.Translated } : e)],
        }, path);

        // When the site is built again
        var result = await SiteBuilder.BuildAsync(options);

        // Then the Japanese page draws and describes the figure in Japanese, and the English page keeps its English
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var ja = File.ReadAllText(Path.Combine(options.OutputFolder, "ja", "values-ja.html"));
        Assert.Contains("<figcaption>ステップごとのノイズ</figcaption>", ja);
        Assert.Contains(">ステップ</text>", ja);
        Assert.Contains("ランダムウォーク: 0.5 から 1.5 まで。", ja);
        Assert.DoesNotContain(">noise by step<", ja);
        var en = File.ReadAllText(Path.Combine(options.OutputFolder, "values-ja.html"));
        Assert.Contains("<figcaption>noise by step</figcaption>", en);
    }

    [Fact]
    public async Task Should_Draw_A_Bar_Chart_With_One_Bar_Per_Point()
    {
        var options = fixture.Site("values-bars", Page("The total, drawn."));

        var result = await SiteBuilder.BuildAsync(options);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(options.OutputFolder, "values-bars.html"));
        var svg = html[html.IndexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 300\" class=\"figure-svg\"", StringComparison.Ordinal)..];
        svg = svg[..(svg.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.Contains("aria-label=\"Figure: noise by step. value against step.", svg);
        // One rectangle per point in the series' colour, as tall as its value (0.5, 1.5 and 1), and the text
        // alternative gives the range of the values.
        var heights = System.Text.RegularExpressions.Regex.Matches(svg, "<rect [^>]*height=\"(?<h>[0-9.]+)\"[^>]*fill:var\\(--figure-1\\)")
            .Select(m => double.Parse(m.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, heights.Length);
        Assert.Equal(3, heights[1] / heights[0], 2);
        Assert.Equal(2, heights[2] / heights[0], 2);
        Assert.Contains("walk: from 0.5 to 1.5.", svg);
    }

    private static string Page(string commentary) => ExampleProjectFixture.ValuesPage.Replace("COMMENTARY", commentary, StringComparison.Ordinal);
}
