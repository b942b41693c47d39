using System.Collections.Immutable;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Session;

namespace AnnotatedNorm.Pages;

/// <summary>Reads the per-culture interface texts from <c>site-templates/i18n/&lt;culture&gt;.json</c>.</summary>
public static class UiStringsReader
{
    public const string Folder = "i18n";

    public static UiStrings Read(string templatesFolder, string culture, string displayRoot)
    {
        var path = Path.Combine(templatesFolder, Folder, $"{culture}.json");
        var display = $"{displayRoot.TrimEnd('/')}/{Folder}/{culture}.json";
        if (!File.Exists(path))
            throw new BuildException(Diagnostic.Error(display, 1, 1, "AN0701", $"no interface texts for culture '{culture}'"));
        try
        {
            var texts = JsonSerializer.Deserialize(File.ReadAllText(path), Session.SiteJson.Default.DictionaryStringString)
                ?? throw new JsonException("the file holds null");
            return new UiStrings(culture, texts.ToImmutableSortedDictionary(StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new BuildException(Diagnostic.Error(display, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "AN0702",
                $"invalid interface texts: {e.Message.Split(" Path:")[0]}"));
        }
    }

    /// <summary>Every culture must have the same keys as the default one, so no page shows a missing text.</summary>
    public static IEnumerable<Diagnostic> CompareKeys(UiStrings reference, UiStrings other, string displayRoot)
    {
        var display = $"{displayRoot.TrimEnd('/')}/{Folder}/{other.Culture}.json";
        foreach (var key in reference.Texts.Keys.Except(other.Texts.Keys))
            yield return Diagnostic.Error(display, 1, 1, "AN0703", $"interface text '{key}' is missing (it exists for '{reference.Culture}')");
        foreach (var key in other.Texts.Keys.Except(reference.Texts.Keys))
            yield return Diagnostic.Error(display, 1, 1, "AN0704", $"interface text '{key}' is not used by '{reference.Culture}'");
    }
}
