using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Configuration;

/// <summary>Reads and validates <c>site.json</c>; every problem is reported at its line and column.</summary>
public static class SiteConfigurationReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> KnownKeys =
        ["title", "description", "baseUrl", "repository", "languages", "references", "mathMacros", "rawHtml", "project", "math"];

    public static SiteConfiguration Read(string contentRoot, string displayPath)
    {
        var path = Path.Combine(contentRoot, SiteConfiguration.FileName);
        if (!File.Exists(path))
            throw new BuildException(Diagnostic.Error(displayPath, 1, 1, "AN0001", $"site configuration '{SiteConfiguration.FileName}' not found in the content folder"));
        var json = File.ReadAllText(path);
        var configuration = Parse(json, displayPath);
        if (configuration.Project is { } project && !File.Exists(Path.Combine(contentRoot, project)))
            throw Error(json, displayPath, "project", "AN0110", $"the project '{project}' named by 'project' does not exist in the content folder");
        return configuration;
    }

    public static SiteConfiguration Parse(string json, string displayPath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            var (line, column) = JsonPosition.Of(e, json);
            throw new BuildException(Diagnostic.Error(displayPath, line, column, "AN0002", $"invalid JSON: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Error(json, displayPath, "", "AN0003", "the configuration must be a JSON object");
            foreach (var property in root.EnumerateObject())
                if (!KnownKeys.Contains(property.Name))
                    throw Error(json, displayPath, property.Name, "AN0004", $"unknown setting '{property.Name}' (known: {string.Join(", ", KnownKeys.Order(StringComparer.Ordinal))})");

            var title = RequiredString(root, "title", json, displayPath);
            var baseUrl = RequiredString(root, "baseUrl", json, displayPath);
            if (!IsWebAddress(baseUrl))
                throw Error(json, displayPath, "baseUrl", "AN0005", $"'baseUrl' must be an absolute http(s) URL, got '{baseUrl}'");
            if (!baseUrl.EndsWith('/')) baseUrl += "/";

            string? repositoryUrl = null;
            var branch = "main";
            var contentPath = "content";
            if (root.TryGetProperty("repository", out var repository))
            {
                if (repository.ValueKind != JsonValueKind.Object)
                    throw Error(json, displayPath, "repository", "AN0003", "'repository' must be an object with a 'url'");
                // A missing url is reported at the repository it is missing from.
                repositoryUrl = RequiredString(repository, "url", json, displayPath, at: repository.TryGetProperty("url", out _) ? "url" : "repository");
                // Every page links to it, so only a web address will do (no javascript: or relative URL).
                if (!IsWebAddress(repositoryUrl))
                    throw Error(json, displayPath, "url", "AN0005", $"'url' of 'repository' must be an absolute http(s) URL, got '{repositoryUrl}'");
                branch = OptionalString(repository, "branch", branch, json, displayPath);
                contentPath = OptionalString(repository, "contentPath", contentPath, json, displayPath);
            }

            var languages = StringArray(root, "languages", json, displayPath);
            if (languages.IsEmpty) languages = ["en"];
            foreach (var language in languages)
                if (!IsCulture(language))
                    throw Error(json, displayPath, "languages", "AN0006", $"'{language}' is not a known culture name");
            if (languages.Distinct(StringComparer.OrdinalIgnoreCase).Count() != languages.Length)
                throw Error(json, displayPath, "languages", "AN0006", "a language is listed twice");

            var macros = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("mathMacros", out var m))
            {
                if (m.ValueKind != JsonValueKind.Object || m.EnumerateObject().Any(macro => macro.Value.ValueKind != JsonValueKind.String))
                    throw Error(json, displayPath, "mathMacros", "AN0003", "'mathMacros' must be an object mapping each macro to a string");
                foreach (var macro in m.EnumerateObject())
                    macros[macro.Name] = macro.Value.GetString()!;
            }

            return new SiteConfiguration(
                title,
                Descriptions(root, languages, json, displayPath),
                baseUrl,
                repositoryUrl,
                branch,
                contentPath,
                languages,
                StringArray(root, "references", json, displayPath),
                macros.ToImmutable())
            {
                RawHtml = OptionalBoolean(root, "rawHtml", json, displayPath),
                Project = root.TryGetProperty("project", out _) ? RequiredString(root, "project", json, displayPath) : null,
                Math = MathSetting(root, json, displayPath),
            };
        }
    }

    // "description" is one string for every language, or an object with one string per language:
    // {"en": "...", "ja": "..."}. A language without its own text shows the default language's.
    private static ImmutableSortedDictionary<string, string> Descriptions(JsonElement root, ImmutableArray<string> languages, string json, string path)
    {
        if (!root.TryGetProperty("description", out var description))
            return ImmutableSortedDictionary<string, string>.Empty;
        if (description.ValueKind == JsonValueKind.String)
            return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>(languages[0], description.GetString()!)]);
        if (description.ValueKind != JsonValueKind.Object || description.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
            throw Error(json, path, "description", "AN0003", "'description' must be a string or an object with one string per language");
        var texts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var text in description.EnumerateObject())
        {
            if (!languages.Contains(text.Name))
                throw Error(json, path, "description", "AN0006", $"'description' has a text in '{text.Name}', which is not one of the site's languages ({string.Join(", ", languages)})");
            texts[text.Name] = text.Value.GetString()!;
        }
        return texts.ToImmutable();
    }

    private static MathDelimiters MathSetting(JsonElement root, string json, string path) =>
        OptionalString(root, "math", "dollars", json, path) switch
        {
            "dollars" => MathDelimiters.Dollars,
            "display-only" => MathDelimiters.DisplayOnly,
            "none" => MathDelimiters.None,
            var other => throw Error(json, path, "math", "AN0003", $"'math' must be \"dollars\", \"display-only\" or \"none\", got '{other}'"),
        };

    private static bool OptionalBoolean(JsonElement parent, string key, string json, string path) =>
        !parent.TryGetProperty(key, out var value) ? false
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Error(json, path, key, "AN0003", $"'{key}' must be true or false");

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool IsCulture(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static string RequiredString(JsonElement parent, string key, string json, string path, string? at = null) =>
        parent.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw Error(json, path, at ?? key, "AN0003", $"'{key}' is required and must be a non-empty string");

    private static string OptionalString(JsonElement parent, string key, string fallback, string json, string path)
    {
        if (!parent.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Error(json, path, key, "AN0003", $"'{key}' must be a string");
    }

    private static ImmutableArray<string> StringArray(JsonElement parent, string key, string json, string path)
    {
        if (!parent.TryGetProperty(key, out var value)) return [];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            throw Error(json, path, key, "AN0003", $"'{key}' must be an array of strings");
        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>Where the string <paramref name="value"/> first appears after the key <paramref name="key"/> (1-based), or the key itself, or (1,1).</summary>
    public static (int Line, int Column) PositionOfValue(string json, string key, string value)
    {
        var keyAt = json.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        var at = keyAt < 0 ? -1 : json.IndexOf(JsonSerializer.Serialize(value), keyAt + key.Length + 2, StringComparison.Ordinal);
        if (at < 0) at = keyAt;
        return at < 0 ? (1, 1) : (json.AsSpan(0, at).Count('\n') + 1, at - (json.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1);
    }

    // System.Text.Json's DOM keeps no positions, so a semantic error points at the first property of that name.
    private static BuildException Error(string json, string path, string key, string code, string message)
    {
        var (line, column) = key.Length == 0 ? (1, 1)
            : JsonPosition.OfProperty(json, key, new JsonReaderOptions { AllowTrailingCommas = Options.AllowTrailingCommas, CommentHandling = Options.CommentHandling });
        return new BuildException(Diagnostic.Error(path, line, column, code, message));
    }

    private static string FirstSentence(string message) => message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim();
}
