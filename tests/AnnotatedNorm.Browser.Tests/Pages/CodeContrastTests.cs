using System.Reflection;
using System.Text.Json;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using AnnotatedNorm.Highlighting;
using Xunit.Abstractions;

namespace AnnotatedNorm.Browser.Tests.Pages;

/// <summary>
/// Contrast of the code column in the states axe cannot see: line numbers drawn by ::before, every token on the
/// highlight, and the focus ring, measured from computed colours with the WCAG 2.1 formula.
/// </summary>
[Collection(SiteBrowserCollection.Name)]
public sealed class CodeContrastTests(SiteBrowserFixture site, ITestOutputHelper output)
{
    // Returns [name, ratio] pairs; every colour is composed over what is drawn beneath it (opacity, translucent fills).
    private const string Measure = """
        classes => {
          const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
          const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const line = document.querySelector('.code .line');
          const code = line.closest('.code');
          const codeBackground = rgba(getComputedStyle(code).backgroundColor);
          const results = [];
          const ink = (element, background) => {
            const style = getComputedStyle(element);
            const colour = rgba(style.color);
            return over({ ...colour, a: colour.a * Number(style.opacity) }, background);
          };
          results.push(['line numbers', ratio(over(rgba(getComputedStyle(line, '::before').color), codeBackground), codeBackground)]);
          for (const active of [false, true]) {
            for (const c of classes) {
              const probe = document.createElement('span');
              probe.className = c + (active ? ' sym-active' : '');
              probe.textContent = 'x';
              line.appendChild(probe);
              const background = active ? over(rgba(getComputedStyle(probe).backgroundColor), codeBackground) : codeBackground;
              results.push([(active ? 'highlighted .' : '.') + c, ratio(ink(probe, background), background)]);
              probe.remove();
            }
          }
          const link = document.querySelector('.code a[data-sym]');
          results.push(['symbol link underline', getComputedStyle(link).textDecorationLine.includes('underline') ? 99 : 0]);
          return results;
        }
        """;

    // The ring of the symbol link the arrow keys reached, against the code background.
    private const string FocusRing = """
        () => {
          const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2] }; };
          const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
          const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
          const a = document.activeElement;
          const style = getComputedStyle(a);
          if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
          const [x, y] = [luminance(rgba(style.outlineColor)), luminance(rgba(getComputedStyle(a.closest('.code')).backgroundColor))].sort((p, q) => q - p);
          return (x + 0.05) / (y + 0.05);
        }
        """;

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Should_Keep_Every_State_Of_The_Code_Column_At_WCAG_AA(string theme)
    {
        // Given the LayerNorm page in a theme, and the token classes the highlighter writes
        var classes = typeof(HighlightClasses).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(HighlightClasses.Declaration))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);
        await page.EvaluateAsync("t => document.documentElement.setAttribute('data-theme', t)", theme);

        // When the colours are measured, plain and highlighted, and a symbol is focused from the keyboard
        var ratios = (await page.EvaluateAsync<JsonElement>(Measure, classes)).EnumerateArray()
            .Select(p => (Name: p[0].GetString()!, Ratio: p[1].GetDouble())).ToList();
        await page.Locator(".code pre[tabindex='0']:has(a[data-sym])").First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var ring = await page.EvaluateAsync<double>(FocusRing);
        foreach (var (name, ratio) in ratios) output.WriteLine($"{theme} {name}: {ratio:F2}");
        output.WriteLine($"{theme} focus ring: {ring:F2}");

        // Then text keeps 4.5:1 (line numbers included), symbol links are underlined, and the ring keeps 3:1
        Assert.True(ratios.Count > 2 * classes.Length, "too few measurements");
        Assert.All(ratios, r => Assert.True(r.Ratio >= 4.5, $"{theme} {r.Name}: {r.Ratio:F2}:1"));
        Assert.True(ring >= 3, $"{theme} focus ring: {ring:F2}:1");
    }
}
