using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AnnotatedNorm.Localization;

/// <summary>Writes a catalog as XLIFF 1.2, byte for byte the same for the same catalog, so an unchanged update leaves files untouched.</summary>
public static class XliffCatalogWriter
{
    internal static readonly XNamespace Xliff = "urn:oasis:names:tc:xliff:document:1.2";

    // XLIFF 1.2 only allows its listed datatypes or an "x-" name; Markdown is not listed.
    internal const string Datatype = "x-markdown";

    public static XDocument ToXml(TranslationCatalog catalog) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(Xliff + "xliff",
            new XAttribute("version", "1.2"),
            new XElement(Xliff + "file",
                new XAttribute("datatype", Datatype),
                new XAttribute("source-language", catalog.SourceLanguage),
                new XAttribute("target-language", catalog.TargetLanguage),
                new XAttribute("original", catalog.Original),
                new XElement(Xliff + "body", catalog.Entries.Select(ToXml)))));

    private static XElement ToXml(CatalogEntry entry) => new(Xliff + "trans-unit",
        new XAttribute("id", entry.Id),
        new XElement(Xliff + "source", entry.Source),
        new XElement(Xliff + "target", new XAttribute("state", StateName(entry.State)), entry.Target ?? ""),
        entry.Notes.Select(n => new XElement(Xliff + "note", n)));

    /// <summary>The file's bytes: UTF-8 without byte-order mark, two-space indentation, "\n" line ends, final newline.</summary>
    public static byte[] ToBytes(TranslationCatalog catalog)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
            ToXml(catalog).Save(writer);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string ToText(TranslationCatalog catalog) => Encoding.UTF8.GetString(ToBytes(catalog));

    /// <summary>Writes the file only when its bytes change, creating the <c>xlf</c> folder if needed; returns whether it wrote.</summary>
    public static bool Save(TranslationCatalog catalog, string filePath)
    {
        var bytes = ToBytes(catalog);
        if (File.Exists(filePath) && File.ReadAllBytes(filePath).AsSpan().SequenceEqual(bytes)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
        File.WriteAllBytes(filePath, bytes);
        return true;
    }

    internal static string StateName(TranslationState state) => state switch
    {
        TranslationState.New => "new",
        TranslationState.NeedsReviewTranslation => "needs-review-translation",
        TranslationState.Translated => "translated",
        TranslationState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
