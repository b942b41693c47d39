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

    /// <summary>The largest catalog read: eight times the largest source, room for its English, a translation and notes.</summary>
    public const long MaxBytes = 16 << 20;

    /// <summary>Reads a catalog file; <paramref name="displayPath"/> is the path diagnostics show (defaults to <paramref name="filePath"/>).</summary>
    /// <param name="culture">The language the catalog must translate into (its <c>target-language</c>), or null to accept any.</param>
    public static TranslationCatalog ReadFile(string filePath, string? displayPath = null, string? culture = null)
    {
        var length = new FileInfo(filePath).Length;
        if (length > MaxBytes)
            throw new BuildException(Diagnostic.Error(displayPath ?? filePath, 1, 1, LocalizationCodes.CatalogTooLarge,
                $"the catalog is {length / 1024:N0} KB, more than the {MaxBytes / 1024:N0} KB a catalog may have; it is not read"));
        return Read(File.ReadAllText(filePath), displayPath ?? filePath, culture);
    }

    /// <param name="culture">The language the catalog must translate into (its <c>target-language</c>), or null to accept any.</param>
    public static TranslationCatalog Read(string xml, string path, string? culture = null)
    {
        XDocument document;
        try
        {
            // No document type: its entities are the way to expansion attacks ("billion laughs") and outside reads.
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // An error with no position of its own is reported where a document type would start, if there is one.
            var at = e.LineNumber > 0 ? new SourcePosition(e.LineNumber, e.LinePosition) : DoctypePosition(xml);
            throw Fail(path, at, $"not well-formed XML: {e.Message}");
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

        var targetLanguage = (string?)file.Attribute("target-language") ?? "";
        if (culture is not null && !string.Equals(targetLanguage, culture, StringComparison.OrdinalIgnoreCase))
            throw new BuildException(Diagnostic.Error(path, PositionOf(file).Line, PositionOf(file).Column, LocalizationCodes.WrongLanguage,
                $"the catalog translates into '{targetLanguage}', but its name says '{culture}'; fix target-language or rename the file"));

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
            targetLanguage,
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

    private static SourcePosition DoctypePosition(string xml)
    {
        var at = xml.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return new SourcePosition(1, 1);
        return new SourcePosition(xml.AsSpan(0, at).Count('\n') + 1, at - (xml.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1);
    }

    private static SourcePosition PositionOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo()
            ? new SourcePosition(info.LineNumber, Math.Max(1, info.LinePosition - 1)) // LinePosition is the name, after '<'
            : new SourcePosition(1, 1);

    private static BuildException Fail(string path, SourcePosition at, string message) =>
        new(Diagnostic.Error(path, at.Line, at.Column, LocalizationCodes.MalformedCatalog, message));
}
