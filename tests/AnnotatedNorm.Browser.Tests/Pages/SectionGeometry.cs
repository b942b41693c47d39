using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace AnnotatedNorm.Browser.Tests.Pages;

/// <summary>A box on the page in CSS pixels, as <c>getBoundingClientRect</c> reports it.</summary>
public sealed record Box(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("width")] double Width,
    [property: JsonPropertyName("height")] double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;
}

/// <summary>Where one section and its two columns are drawn.</summary>
public sealed record SectionGeometry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("section")] Box Section,
    [property: JsonPropertyName("docs")] Box Docs,
    [property: JsonPropertyName("code")] Box Code)
{
    // One round trip for all sections: asking per element would cost a protocol call each.
    private const string Script = """
        () => [...document.querySelectorAll('div.section')].map(s => {
          const box = e => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
          return { id: s.id, section: box(s), docs: box(s.querySelector(':scope > div.docs')), code: box(s.querySelector(':scope > div.code')) };
        })
        """;

    public static async Task<IReadOnlyList<SectionGeometry>> MeasureAsync(IPage page) =>
        (await page.EvaluateAsync<JsonElement>(Script)).Deserialize<SectionGeometry[]>() ?? [];
}
