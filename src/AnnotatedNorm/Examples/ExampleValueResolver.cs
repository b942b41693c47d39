using System.Text.Json;
using AnnotatedNorm.CommentaryRendering;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Examples;

/// <summary>
/// Resolves a reference of the commentary (<c>{{Example.name}}</c>) to the text of the value that the page's example
/// of that method name returned under that name (a <c>NamedValue</c>).
/// </summary>
public static class ExampleValueResolver
{
    public const string UnknownExample = "AN1007";
    public const string UnknownValue = "AN1008";

    /// <summary>The value's text; null, with an error at <paramref name="at"/> when the reference names nothing, or without one when the build runs no examples.</summary>
    public static string? Resolve(ExampleResults examples, string page, string displayPath, string reference, SourcePosition at, DiagnosticBag diagnostics)
    {
        var (method, name) = ValueReference.Split(reference);
        var declared = examples.Declarations.Where(d => d.Page == page).ToList();
        if (declared.FirstOrDefault(d => d.Id.EndsWith("." + method, StringComparison.Ordinal)) is not { } example)
        {
            var known = declared.Count == 0 ? "the page declares none" : "the page declares " + string.Join(", ", declared.Select(d => d.Id[(d.Id.LastIndexOf('.') + 1)..]));
            diagnostics.Add(Diagnostic.Error(displayPath, at.Line, at.Column, UnknownExample, $"'{{{{{reference}}}}}' names no example of this page: {known}"));
            return null;
        }
        // Without results (examples turned off) the reference is kept as written: there is nothing to check it against.
        if (!examples.Outputs.TryGetValue(example.Id, out var outputs)) return null;
        var values = Values(outputs);
        if (values.TryGetValue(name, out var text)) return text;
        var returned = values.Count == 0 ? "it returns no NamedValue" : "it returns " + string.Join(", ", values.Keys.Order(StringComparer.Ordinal));
        diagnostics.Add(Diagnostic.Error(displayPath, at.Line, at.Column, UnknownValue, $"'{{{{{reference}}}}}': example '{method}' returns no value named '{name}'; {returned}"));
        return null;
    }

    private static Dictionary<string, string> Values(string outputs)
    {
        using var json = JsonDocument.Parse(outputs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in json.RootElement.EnumerateArray().Where(o => o.GetProperty("kind").GetString() == "NamedValue"))
        {
            var value = output.GetProperty("value");
            values[value.GetProperty("Name").GetString() ?? ""] = value.GetProperty("Text").GetString() ?? "";
        }
        return values;
    }
}
