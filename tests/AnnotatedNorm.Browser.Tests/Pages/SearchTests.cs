using System.Text.Json;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class SearchTests(SiteBrowserFixture site)
{
    private const string Input = "#search-input";
    private const string Results = "#search-results a";

    [BrowserFact]
    public async Task Should_Find_The_Layer_Batch_And_Group_Normalization_Pages_For_Variance()
    {
        // Given an English page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When the reader types "variance" into the header's box
        var hrefs = await SearchAsync(page, "variance");

        // Then the three pages are among the results, each linked at a section
        foreach (var expected in new[] { "layer_norm/LayerNorm.html#section-", "batch_norm/BatchNorm.html#section-", "group_norm/GroupNorm.html#section-" })
            Assert.Contains(hrefs, h => h.Contains("/normalization/" + expected, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Should_Land_On_A_Section_That_Contains_The_Word_When_A_Result_Is_Followed()
    {
        // Given the results for "variance" on the batch normalization page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        var hrefs = await SearchAsync(page, "variance");
        var index = hrefs.FindIndex(h => h.Contains("/normalization/batch_norm/BatchNorm.html#section-", StringComparison.Ordinal));
        Assert.True(index >= 0, "no result for the batch normalization page: " + string.Join(", ", hrefs));

        // When the reader moves to it with the arrow keys and presses Enter
        await page.FocusAsync(Input);
        for (var i = 0; i <= index; i++) await page.Keyboard.PressAsync("ArrowDown");
        // (the wait starts before the key: started after it, it can miss a navigation that has already committed)
        var landed = page.WaitForURLAsync(hrefs[index]);
        await page.Keyboard.PressAsync("Enter");

        // Then the address is that section's, and the section holds the word
        await landed;
        var section = new Uri(hrefs[index]).Fragment;
        var text = await page.Locator(section).InnerTextAsync();
        Assert.Contains("variance", text, StringComparison.OrdinalIgnoreCase);
    }

    [BrowserFact]
    public async Task Should_Find_Japanese_Words_On_The_Japanese_Site()
    {
        // Given a Japanese page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNormJapanese);

        // When the reader searches for 分散 (variance), then 移動平均 (moving average)
        var variance = await SearchAsync(page, "分散");
        var movingAverage = await SearchAsync(page, "移動平均");

        // Then the Japanese pages that explain them are found, and no English page is
        Assert.Contains(variance, h => h.Contains("/ja/normalization/layer_norm/LayerNorm.html#", StringComparison.Ordinal));
        Assert.Contains(variance, h => h.Contains("/ja/normalization/batch_norm/BatchNorm.html#", StringComparison.Ordinal));
        Assert.Contains(movingAverage, h => h.Contains("/ja/normalization/batch_norm/BatchNorm.html#", StringComparison.Ordinal));
        Assert.All(variance.Concat(movingAverage), h => Assert.Contains("/ja/", h, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Should_Rank_The_Chapter_Overview_Among_The_First_Results_For_Normalization_In_Japanese()
    {
        // Given a Japanese page
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNormJapanese);

        // When the reader searches for 正規化 (normalization), a word of nearly every page
        var hrefs = await SearchAsync(page, "正規化");

        // Then the chapter's overview is among the first three results
        Assert.Contains(hrefs.Take(3), h => h.Contains("/ja/normalization/readme.html", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Should_Find_The_Page_That_Declares_An_Identifier()
    {
        // Given an English page other than the one declaring RmsNorm
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When the reader searches for the class name and for a method of every module
        var type = await SearchAsync(page, "RmsNorm");
        var method = await SearchAsync(page, "forward");

        // Then the RMS normalization page comes first for its class, and the code pages are found by their method
        Assert.Contains("/normalization/rms_norm/RmsNorm.html", type[0], StringComparison.Ordinal);
        Assert.Contains(method, h => h.Contains("/normalization/layer_norm/LayerNorm.html#section-", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Should_Open_The_Box_With_Slash_And_Close_The_Results_With_Escape()
    {
        // Given a page with the focus on its body
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.ChapterIndex);

        // When the reader presses "/" and types
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'search-input'"), "'/' did not focus the search box");
        await page.Keyboard.TypeAsync("mean");
        await page.WaitForSelectorAsync(Results);

        // Then Escape from a result goes back to the box and closes the results
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#search-results') !== null"));
        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'search-input'"));
        Assert.False(await page.Locator("#search-results").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Should_Put_The_Results_Away_When_The_Focus_Leaves_The_Box_And_Show_Them_When_It_Returns()
    {
        // Given results under the box
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        await SearchAsync(page, "variance");

        // When the focus moves on to the page, then back to the box
        await page.FocusAsync(".theme-toggle");
        var awayVisible = await page.Locator("#search-results").IsVisibleAsync();
        await page.FocusAsync(Input);

        // Then the results were hidden while it was away, and are back without a new search
        Assert.False(awayVisible, "the results stayed over the page after the focus left the box");
        Assert.True(await page.Locator("#search-results a").First.IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Should_Say_That_Search_Needs_A_Server_When_The_Page_Is_Opened_As_A_File()
    {
        // Given a page opened from the output folder as a file
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(site.OutputFolder, SitePaths.LayerNorm)).AbsoluteUri);

        // When the reader types into the search box
        await page.FillAsync(Input, "variance");

        // Then the box says why it cannot search, in the page's language
        var status = page.Locator("#search-status");
        await Assertions.Expect(status).ToBeVisibleAsync();
        Assert.Equal(UiText("en", "searchNeedsServer"), await status.InnerTextAsync());
    }

    [BrowserFact]
    public async Task Should_Keep_The_Box_And_Its_Results_Within_A_Phone_Screen()
    {
        // Given a Japanese page on a 390 px wide phone
        await using var context = await site.NewContextAsync(Viewport.Phone, touch: true);
        var page = await site.OpenAsync(context, SitePaths.LayerNormJapanese);

        // When the reader searches
        await SearchAsync(page, "分散");

        // Then the box and the results fit the screen's width, and the results carry the localized label
        foreach (var selector in new[] { Input, ".search-panel" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.InRange(box.X, 0, Viewport.Phone.Width);
            Assert.InRange(box.X + box.Width, 0, Viewport.Phone.Width);
        }
        Assert.Equal(UiText("ja", "searchResults"), await page.Locator("#search-results").GetAttributeAsync("aria-label"));
    }

    [BrowserFact]
    public async Task Should_Find_No_Accessibility_Violation_In_The_Open_Results_In_Either_Theme()
    {
        // Given the results for a query, open under the box, and axe-core
        var axe = await AxePackage.ScriptPathAsync(site.RepositoryFolder);
        await using var context = await site.NewContextAsync(Viewport.Desktop, injectsScripts: true);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        await SearchAsync(page, "variance");
        await page.AddScriptTagAsync(new() { Path = axe });

        foreach (var theme in new[] { "light", "dark" })
        {
            // When axe checks the search box and its results (WCAG 2.1 A and AA), in the light theme and then the dark
            if (theme == "dark") await page.EvaluateAsync("() => document.documentElement.setAttribute('data-theme', 'dark')");
            var violations = await page.EvaluateAsync<string[]>("""
                async () => {
                  const result = await axe.run({ include: [['.search']] },
                    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
                  return result.violations.map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '));
                }
                """);

            // Then there is none, with the results on screen
            Assert.True(await page.Locator("#search-results a").First.IsVisibleAsync());
            Assert.True(violations.Length == 0, theme + ": " + string.Join(Environment.NewLine, violations));
        }
    }

    private static async Task<List<string>> SearchAsync(IPage page, string query)
    {
        await page.FillAsync(Input, "");
        await page.FillAsync(Input, query);
        await page.WaitForFunctionAsync(
            "q => document.getElementById('search-input').value === q && document.querySelectorAll('#search-results a').length > 0" +
            " && !document.getElementById('search-status').textContent.endsWith('…')", query);
        return [.. await page.Locator(Results).EvaluateAllAsync<string[]>("links => links.map(a => a.href)")];
    }

    private string UiText(string culture, string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.RepositoryFolder, "site-templates", "i18n", culture + ".json")));
        return json.RootElement.GetProperty(key).GetString()!;
    }
}
