using System.Collections.Immutable;
using System.Text.Json;

namespace AnnotatedNorm.Examples;

/// <summary>
/// Results of earlier runs, in the build cache: keyed by the hash of the compiled content assembly and the example's
/// id, so a result is reused only for exactly the code that produced it.
/// </summary>
public sealed class ExampleStore(string? folder)
{
    public const string FileName = "examples.json";

    private readonly string? path = folder is null ? null : Path.Combine(folder, FileName);

    public static string Key(string assemblyHash, string id) => assemblyHash + ":" + id;

    public ImmutableDictionary<string, string> Load()
    {
        if (path is null || !File.Exists(path)) return ImmutableDictionary<string, string>.Empty;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))?.ToImmutableDictionary(StringComparer.Ordinal)
                ?? ImmutableDictionary<string, string>.Empty;
        }
        catch (JsonException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }
    }

    /// <summary>Keeps only the results of this build: those of older code are never asked for again.</summary>
    public void Save(IReadOnlyDictionary<string, string> results)
    {
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(results.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary()));
        File.Move(temporary, path, overwrite: true);
    }
}
