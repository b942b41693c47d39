using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnnotatedNorm.Examples;

/// <summary>What the examples returned, as last computed (by example id), and what it was computed from.</summary>
/// <param name="Inputs">The <see cref="ExampleInputFingerprint"/> of the code that produced them.</param>
/// <param name="Assembly">SHA-256 of the compiled content assembly that produced them.</param>
public sealed record StoredExampleResults(string Inputs, string Assembly, ImmutableSortedDictionary<string, string> Outputs)
{
    public static StoredExampleResults None { get; } = new("", "", ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));
}

/// <summary>
/// The examples' saved results, a file of the content folder (<c>examples.results.json</c>) committed with the sources
/// like a notebook's saved outputs: a build whose code matches it shows them without compiling or running anything.
/// </summary>
/// <remarks>
/// It is written only when its text changes, sorted by id, one example a line and with a final line end, so two builds of the
/// same code leave it byte for byte as it was and a review shows what a change of code did to the results.
/// </remarks>
public sealed class ExampleResultsFile(string contentRoot)
{
    public const string FileName = "examples.results.json";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Path { get; } = System.IO.Path.Combine(contentRoot, FileName);

    /// <summary>The stored results; none when the file is missing or is not what this version writes.</summary>
    public StoredExampleResults Read()
    {
        if (!File.Exists(Path)) return StoredExampleResults.None;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(Path)) is not JsonObject root || root["results"] is not JsonObject results) return StoredExampleResults.None;
            var outputs = results.ToImmutableSortedDictionary(r => r.Key, r => r.Value?.ToJsonString() ?? "[]", StringComparer.Ordinal);
            return new StoredExampleResults((string?)root["inputs"] ?? "", (string?)root["assembly"] ?? "", outputs);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return StoredExampleResults.None;
        }
    }

    /// <summary>Writes <paramref name="results"/> when they differ from the file's text; returns whether it wrote.</summary>
    public bool Write(StoredExampleResults results)
    {
        var text = Text(results);
        if (File.Exists(Path) && File.ReadAllText(Path) == text) return false;
        Session.CacheFileWriter.Write(Path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));
        return true;
    }

    // One line per example: a change of code shows in a review as the lines of the examples whose results it changed.
    public static string Text(StoredExampleResults results)
    {
        var text = new StringBuilder("{\n");
        text.Append("  \"inputs\": ").Append(Quoted(results.Inputs)).Append(",\n");
        text.Append("  \"assembly\": ").Append(Quoted(results.Assembly)).Append(",\n");
        text.Append("  \"results\": {");
        var first = true;
        foreach (var (id, output) in results.Outputs)
        {
            text.Append(first ? "\n" : ",\n").Append("    ").Append(Quoted(id)).Append(": ").Append(JsonNode.Parse(output)?.ToJsonString(Compact) ?? "[]");
            first = false;
        }
        return text.Append(first ? "}\n}\n" : "\n  }\n}\n").ToString();
    }

    private static string Quoted(string value) => JsonSerializer.Serialize(value, Compact);
}
