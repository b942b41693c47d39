using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AnnotatedNorm.Pages;

namespace AnnotatedNorm.Examples;

/// <summary>
/// Turns what an example returned into HTML for its section, in one culture: text, tensor summaries, tables and
/// figures, with every label the example wrote passed through <c>translate</c>.
/// </summary>
public sealed class ExampleHtmlWriter(UiStrings ui, Func<string, string> translate)
{
    /// <summary>The kinds of output a page can show, as the runner names them.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "Text", "TensorSummary", "Table", "Figure", "NamedValue" };

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The HTML of one example's outputs (a JSON array as the runner wrote it); <paramref name="id"/> is unique on the page.</summary>
    /// <remarks>Named values are not shown here but where the commentary refers to them; an example that returns only those shows nothing.</remarks>
    public string Write(ExampleDeclaration example, string outputs, string id)
    {
        using var json = JsonDocument.Parse(outputs);
        if (json.RootElement.EnumerateArray().All(o => o.GetProperty("kind").GetString() == "NamedValue")) return "";
        var html = new StringBuilder();
        html.Append("<div class=\"example\" data-example=\"").Append(WebUtility.HtmlEncode(example.Id)).Append("\">");
        html.Append("<p class=\"example-note\">").Append(Encode(ui["exampleNote"])).Append("</p>");
        var n = 0;
        foreach (var output in json.RootElement.EnumerateArray())
        {
            var value = output.GetProperty("value");
            switch (output.GetProperty("kind").GetString())
            {
                case "Text":
                    html.Append("<pre class=\"example-text\">").Append(Encode(value.GetString() ?? "")).Append("</pre>");
                    break;
                case "TensorSummary":
                    Tensor(html, value);
                    break;
                case "Table":
                    Table(html, value);
                    break;
                case "Figure":
                    Figure(html, value.Deserialize<FigureData>(Json)!, $"{id}-{n++}");
                    break;
            }
        }
        return html.Append("</div>").ToString();
    }

    private void Tensor(StringBuilder html, JsonElement value)
    {
        var shape = string.Join(" × ", value.GetProperty("Shape").EnumerateArray().Select(d => d.GetInt64().ToString(CultureInfo.InvariantCulture)));
        var first = string.Join(", ", value.GetProperty("First").EnumerateArray().Select(d => Number(d.GetDouble())));
        html.Append("<dl class=\"example-tensor\"><dt>").Append(Encode(translate(value.GetProperty("Label").GetString() ?? ""))).Append("</dt><dd>")
            .Append(Encode(ui["exampleShape"])).Append(" [").Append(shape).Append("], ").Append(Encode(value.GetProperty("DType").GetString() ?? ""))
            .Append("; ").Append(Encode(ui["exampleMean"])).Append(' ').Append(Number(value.GetProperty("Mean").GetDouble()))
            .Append(", ").Append(Encode(ui["exampleStd"])).Append(' ').Append(Number(value.GetProperty("Std").GetDouble()))
            .Append("; ").Append(Encode(ui["exampleFirst"])).Append(" <code>").Append(first).Append(" …</code></dd></dl>");
    }

    private void Table(StringBuilder html, JsonElement value)
    {
        html.Append("<div class=\"example-table\"><table><caption>").Append(Encode(translate(value.GetProperty("Caption").GetString() ?? ""))).Append("</caption><thead><tr>");
        foreach (var column in value.GetProperty("Columns").EnumerateArray())
            html.Append("<th scope=\"col\">").Append(Encode(translate(column.GetString() ?? ""))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in value.GetProperty("Rows").EnumerateArray())
        {
            html.Append("<tr>");
            foreach (var cell in row.EnumerateArray()) html.Append("<td>").Append(Encode(translate(cell.GetString() ?? ""))).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private void Figure(StringBuilder html, FigureData figure, string id)
    {
        figure = figure with
        {
            Title = translate(figure.Title), XLabel = translate(figure.XLabel), YLabel = translate(figure.YLabel),
            Series = [.. figure.Series.Select(s => s with { Label = translate(s.Label) })],
        };
        html.Append("<figure class=\"example-figure\">").Append(FigureSvgWriter.Write(figure, id, Describe(figure)))
            .Append("<figcaption>").Append(Encode(figure.Title)).Append("</figcaption></figure>");
    }

    // The text alternative says what a reader would take from the drawing: what is plotted against what, and the range
    // of every series.
    private string Describe(FigureData figure)
    {
        var text = new StringBuilder(ui["exampleFigure"].Replace("{title}", figure.Title, StringComparison.Ordinal)
            .Replace("{x}", figure.XLabel, StringComparison.Ordinal).Replace("{y}", figure.YLabel, StringComparison.Ordinal));
        foreach (var series in figure.Series.Where(s => s.Y.Length > 0))
        {
            var values = series.Y.Where(double.IsFinite).DefaultIfEmpty(double.NaN).ToArray();
            text.Append(' ').Append(ui["exampleSeries"].Replace("{label}", series.Label.Length > 0 ? series.Label : figure.YLabel, StringComparison.Ordinal)
                .Replace("{min}", Number(values.Min()), StringComparison.Ordinal).Replace("{max}", Number(values.Max()), StringComparison.Ordinal));
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
