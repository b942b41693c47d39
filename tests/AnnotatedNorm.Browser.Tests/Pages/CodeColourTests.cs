using System.Reflection;
using System.Text.Json;
using AnnotatedNorm.Browser.Tests.Infrastructure;
using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Browser.Tests.Pages;

[Collection(SiteBrowserCollection.Name)]
public sealed class CodeColourTests(SiteBrowserFixture site)
{
    // Puts one span per class into a code line and reports the classes whose colour is the plain code colour.
    private const string UncolouredClasses = """
        classes => {
          const line = document.querySelector('.code .line');
          const plain = getComputedStyle(line).color;
          return classes.filter(c => {
            const probe = document.createElement('span');
            probe.className = c;
            probe.textContent = 'x';
            line.appendChild(probe);
            const colour = getComputedStyle(probe).color;
            probe.remove();
            return colour === plain;
          });
        }
        """;

    [BrowserFact]
    public async Task Should_Give_Every_Token_Class_Of_The_Highlighter_A_Colour_Of_Its_Own()
    {
        // Given the class names the highlighter writes (except the declaration marker, which adds to another class)
        var classes = typeof(HighlightClasses).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(HighlightClasses.Declaration))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        await using var context = await site.NewContextAsync(Viewport.Desktop);
        var page = await site.OpenAsync(context, SitePaths.LayerNorm);

        // When a token of each class is drawn in the code column
        var uncoloured = (await page.EvaluateAsync<JsonElement>(UncolouredClasses, classes)).Deserialize<string[]>();

        // Then the stylesheet colours every one of them
        Assert.True(classes.Length > 10, $"only {classes.Length} classes found");
        Assert.Empty(uncoloured!);
    }
}
