using AnnotatedNorm.Browser.Tests.Infrastructure;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class SectionLayoutTests(SiteBrowserFixture site)
{
    [BrowserFact]
    public async Task Should_Put_Commentary_Left_Of_Its_Code_In_One_Row_On_A_Wide_Screen()
    {
        // Given the LayerNorm page in a 1280 × 800 window
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When every section is measured
        var sections = await SectionGeometry.MeasureAsync(page);
        var withTables = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.section:has(.docs table)')].map(s => s.id)");

        // Then each row has its commentary, 40 % wide (half when it holds a table), to the left of its code, both starting at the same height
        Assert.True(sections.Count >= 5, $"only {sections.Count} sections found");
        Assert.NotEmpty(withTables);
        Assert.All(sections, s =>
        {
            Assert.True(s.Docs.Right <= s.Code.X + 1, $"{s.Id}: docs end at {s.Docs.Right}, code starts at {s.Code.X}");
            Assert.True(Math.Abs(s.Docs.Y - s.Code.Y) < 2, $"{s.Id}: docs top {s.Docs.Y}, code top {s.Code.Y}");
            if (withTables.Contains(s.Id)) Assert.InRange(s.Docs.Width / s.Section.Width, 0.48, 0.52);
            else Assert.InRange(s.Docs.Width / s.Section.Width, 0.38, 0.42);
        });
    }

    [BrowserTheory]
    [InlineData("normalization/readme.html", "phone")]
    [InlineData("normalization/readme.html", "desktop")]
    [InlineData(SitePaths.LayerNorm, "phone")]
    [InlineData(SitePaths.LayerNorm, "desktop")]
    public async Task Should_Let_A_Wide_Table_Scroll_In_A_Focusable_Labelled_Region_With_Its_Cells_Whole(string path, string size)
    {
        // Given a page with tables, on a phone or a wide screen
        await using var context = await site.NewContextAsync(size == "phone" ? Viewport.Phone : Viewport.Desktop);
        var page = await site.OpenAsync(context, path);

        // When its tables are measured
        var tables = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => [...document.querySelectorAll('.docs table, .page-body table')].map(t => {
              const region = t.parentElement;
              return {
                wrapped: region.classList.contains('table-scroll'),
                scrolls: region.scrollWidth > region.clientWidth + 1,
                focusable: region.tabIndex === 0,
                label: region.getAttribute('aria-label') || '',
                clipped: [...t.querySelectorAll('td, th')].some(c => c.scrollWidth > c.clientWidth + 1),
              };
            })
            """);

        // Then each is in a scroll region, focusable and labelled when it scrolls, and no cell clips its text
        Assert.NotEmpty(tables.EnumerateArray());
        foreach (var table in tables.EnumerateArray())
        {
            Assert.True(table.GetProperty("wrapped").GetBoolean(), "a table outside its scroll region");
            Assert.False(table.GetProperty("clipped").GetBoolean(), "a cell clips its text");
            if (!table.GetProperty("scrolls").GetBoolean()) continue;
            Assert.True(table.GetProperty("focusable").GetBoolean(), "a scrolling table cannot take focus");
            Assert.NotEmpty(table.GetProperty("label").GetString()!);
        }
        if (size == "phone" && path == "normalization/readme.html")
            Assert.Contains(tables.EnumerateArray(), t => t.GetProperty("scrolls").GetBoolean());
    }

    [BrowserTheory]
    [InlineData(SitePaths.LayerNorm)]
    [InlineData(SitePaths.LayerNormJapanese)]
    [InlineData(SitePaths.ChapterIndex)]
    [InlineData(SitePaths.ChapterIndexJapanese)]
    public async Task Should_Stack_Sections_Without_Scrolling_The_Page_Sideways_On_A_Phone(string path)
    {
        // Given a page in a 390 × 844 window
        await using var context = await site.NewContextAsync(Viewport.Phone);
        var page = await site.OpenAsync(context, path);

        // When its sections and its width are measured
        var sections = await SectionGeometry.MeasureAsync(page);
        var scrollWidth = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        var innerWidth = await page.EvaluateAsync<double>("() => window.innerWidth");

        // Then code sits below its commentary, and only code blocks (not the page) may scroll sideways
        Assert.All(sections, s =>
        {
            Assert.True(s.Code.Y >= s.Docs.Bottom - 1, $"{s.Id}: code top {s.Code.Y} above docs bottom {s.Docs.Bottom}");
            Assert.True(s.Code.Right <= innerWidth + 1, $"{s.Id}: code box ends at {s.Code.Right}");
        });
        Assert.True(scrollWidth <= innerWidth, $"{path}: page is {scrollWidth} px wide in a {innerWidth} px window");
    }
}
