using System.Collections.Immutable;

namespace AnnotatedNorm.Pages;

/// <summary>The interface texts of one culture ("home", "View code on GitHub", …), from <c>site-templates/i18n/&lt;culture&gt;.json</c>.</summary>
public sealed class UiStrings(string culture, ImmutableSortedDictionary<string, string> texts)
{
    public string Culture { get; } = culture;

    public ImmutableSortedDictionary<string, string> Texts { get; } = texts;

    /// <summary>The text for <paramref name="key"/>; a missing key is a template bug, so it fails loudly.</summary>
    public string this[string key] =>
        Texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"UI string '{key}' is missing for culture '{Culture}'");
}
