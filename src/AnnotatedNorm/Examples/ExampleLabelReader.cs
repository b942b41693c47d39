using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Localization;

namespace AnnotatedNorm.Examples;

/// <summary>
/// The texts a page's example results show in words, which the page's catalog translates like its commentary: figure
/// titles, axis labels and legends, table captions, headings and cells, tensor names.
/// </summary>
/// <remarks>
/// A text with no Latin letter (a Greek symbol, a dash) or that reads as a number is the same in every language and is
/// left out; so is a series without a label.
/// </remarks>
public static class ExampleLabelReader
{
    public static ImmutableArray<LabelText> Read(ExampleResults results, string page)
    {
        var labels = ImmutableArray.CreateBuilder<LabelText>();
        foreach (var declaration in results.Declarations.Where(d => d.Page == page && results.Outputs.ContainsKey(d.Id)))
        {
            var at = new SourcePosition(declaration.Line, declaration.Column);
            using var json = JsonDocument.Parse(results.Outputs[declaration.Id]);
            foreach (var output in json.RootElement.EnumerateArray())
                foreach (var text in Texts(output.GetProperty("kind").GetString(), output.GetProperty("value")).Where(IsWords))
                    labels.Add(new LabelText(text, at));
        }
        return labels.ToImmutable();
    }

    private static IEnumerable<string> Texts(string? kind, JsonElement value) => kind switch
    {
        "Figure" => [Text(value, "Title"), Text(value, "XLabel"), Text(value, "YLabel"), .. value.GetProperty("Series").EnumerateArray().Select(s => Text(s, "Label"))],
        "Table" => [Text(value, "Caption"), .. Strings(value.GetProperty("Columns")), .. value.GetProperty("Rows").EnumerateArray().SelectMany(Strings)],
        "TensorSummary" => [Text(value, "Label")],
        _ => [],
    };

    private static string Text(JsonElement value, string property) =>
        value.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";

    private static IEnumerable<string> Strings(JsonElement array) =>
        array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!);

    private static bool IsWords(string text) =>
        text.Any(char.IsAsciiLetter) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
