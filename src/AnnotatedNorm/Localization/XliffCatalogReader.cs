using System.Xml;
using System.Xml.Linq;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;

namespace AnnotatedNorm.Localization;

/// <summary>Reads an XLIFF 1.2 catalog, keeping for each unit where its <c>target</c> is in the file.</summary>
/// <remarks>A malformed file stops with a <see cref="BuildException"/> (AN0401) at the offending line and column.</remarks>
public static class XliffCatalogReader
{
    private static readonly XNamespace Xliff = XliffCatalogWriter.Xliff;

    /// <summary>Reads a catalog file; <paramref name="displayPath"/> is the path diagnostics show (defaults to <paramref name="filePath"/>).</summary>
    public static TranslationCatalog ReadFile(string filePath, string? displayPath = null) =>
        Read(File.ReadAllText(filePath), displayPath ?? filePath);

    public static TranslationCatalog Read(string xml, string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw Fail(path, new SourcePosition(e.LineNumber, e.LinePosition), $"not well-formed XML: {e.Message}");
        }

        var root = document.Root!;
        if (root.Name != Xliff + "xliff" || (string?)root.Attribute("version") != "1.2")
            throw Fail(path, PositionOf(root), "expected <xliff version=\"1.2\"> in the urn:oasis:names:tc:xliff:document:1.2 namespace");
        var files = root.Elements(Xliff + "file").ToList();
        if (files.Count != 1)
            throw Fail(path, PositionOf(root), "a catalog holds exactly one <file>");
        var file = files[0];
        var datatype = (string?)file.Attribute("datatype");
        if (datatype is not ("markdown" or XliffCatalogWriter.Datatype))
            throw Fail(path, PositionOf(file), $"datatype must be \"{XliffCatalogWriter.Datatype}\"");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = file.Descendants(Xliff + "trans-unit").Select(unit =>
        {
            var id = (string?)unit.Attribute("id");
            if (string.IsNullOrEmpty(id)) throw Fail(path, PositionOf(unit), "trans-unit without an id");
            if (!ids.Add(id)) throw Fail(path, PositionOf(unit), $"duplicate trans-unit id \"{id}\"");
            var source = unit.Element(Xliff + "source") ?? throw Fail(path, PositionOf(unit), $"trans-unit \"{id}\" has no <source>");
            var target = unit.Element(Xliff + "target");
            var state = target is null ? TranslationState.New : ParseState(path, target);
            return new CatalogEntry(
                id,
                TextOf(path, source),
                target is null ? null : TextOf(path, target),
                state,
                [.. unit.Elements(Xliff + "note").Select(n => TextOf(path, n))])
            {
                Position = PositionOf(target ?? unit),
            };
        }).ToList();

        return new TranslationCatalog(
            (string?)file.Attribute("original") ?? "",
            (string?)file.Attribute("source-language") ?? "en",
            (string?)file.Attribute("target-language") ?? "",
            [.. entries])
        {
            Path = path,
        };
    }

    private static TranslationState ParseState(string path, XElement target) => (string?)target.Attribute("state") switch
    {
        null when target.Value.Length > 0 => TranslationState.Translated,
        null or "new" => TranslationState.New,
        "needs-review-translation" => TranslationState.NeedsReviewTranslation,
        "translated" => TranslationState.Translated,
        "final" => TranslationState.Final,
        var other => throw Fail(path, PositionOf(target),
            $"unsupported state \"{other}\" (use new, needs-review-translation, translated or final)"),
    };

    // Inline XLIFF markup (<g>, <x/>, …) would be lost on the next write, so it is refused rather than flattened.
    private static string TextOf(string path, XElement element) =>
        element.Elements().FirstOrDefault() is { } child
            ? throw Fail(path, PositionOf(child), $"<{child.Name.LocalName}> inside <{element.Name.LocalName}> is not supported; write plain Markdown")
            : element.Value;

    private static SourcePosition PositionOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo()
            ? new SourcePosition(info.LineNumber, Math.Max(1, info.LinePosition - 1)) // LinePosition is the name, after '<'
            : new SourcePosition(1, 1);

    private static BuildException Fail(string path, SourcePosition at, string message) =>
        new(Diagnostic.Error(path, at.Line, at.Column, LocalizationCodes.MalformedCatalog, message));
}
