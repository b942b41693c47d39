using System.Collections.Immutable;
using System.Text;
using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Session;

/// <summary>Reads and writes a <see cref="HighlightRecording"/> as one compact binary file, every string stored once.</summary>
/// <remarks>A file that is missing, damaged or of another format version reads as no recording: the build then compiles.</remarks>
internal static class HighlightRecordingFile
{
    private const string Magic = "annotatednorm-bindings";
    private const int Version = 3;

    public static HighlightRecording? Read(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != Version) return null;
            var key = reader.ReadString();
            // A damaged count must not make the reader allocate gigabytes: every entry takes at least a byte.
            int Count()
            {
                var count = reader.ReadInt32();
                return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new FormatException("damaged count");
            }
            var strings = new string?[Count() + 1];
            for (var i = 1; i < strings.Length; i++) strings[i] = reader.ReadString();
            string? Text() => strings[reader.ReadInt32()];
            var files = ImmutableDictionary.CreateBuilder<string, ImmutableArray<BoundIdentifier>>(StringComparer.Ordinal);
            for (var fileCount = Count(); fileCount > 0; fileCount--)
            {
                var filePath = reader.ReadString();
                var bindings = ImmutableArray.CreateBuilder<BoundIdentifier>();
                for (var count = Count(); count > 0; count--)
                {
                    var (cssClass, symbolId, flags) = (Text(), Text(), reader.ReadByte());
                    var declares = ImmutableArray.CreateBuilder<DeclaredSymbol>();
                    for (var declared = reader.ReadByte(); declared > 0; declared--)
                        declares.Add(new DeclaredSymbol(Text()!, (SymbolCategory)reader.ReadByte(), Text()!, Text()));
                    bindings.Add(new BoundIdentifier(cssClass, symbolId, (flags & 1) != 0, (flags & 2) != 0, declares.ToImmutable()));
                }
                files[filePath] = bindings.ToImmutable();
            }
            var crefs = ImmutableDictionary.CreateBuilder<string, ImmutableArray<CrefTarget>>(StringComparer.Ordinal);
            for (var fileCount = Count(); fileCount > 0; fileCount--)
            {
                var filePath = reader.ReadString();
                var targets = ImmutableArray.CreateBuilder<CrefTarget>();
                for (var count = Count(); count > 0; count--)
                {
                    var kind = (CrefTargetKind)reader.ReadByte();
                    if (!Enum.IsDefined(kind)) throw new FormatException("damaged cref");
                    targets.Add(new CrefTarget(kind, Text()));
                }
                crefs[filePath] = targets.ToImmutable();
            }
            var inherited = ImmutableDictionary.CreateBuilder<string, ImmutableArray<InheritedDoc>>(StringComparer.Ordinal);
            for (var fileCount = Count(); fileCount > 0; fileCount--)
            {
                var filePath = reader.ReadString();
                var docs = ImmutableArray.CreateBuilder<InheritedDoc>();
                for (var count = Count(); count > 0; count--)
                {
                    var (line, column, xml, code, message) = (reader.ReadInt32(), reader.ReadInt32(), Text(), Text(), Text());
                    var bound = ImmutableArray.CreateBuilder<KeyValuePair<string, CrefTarget>>();
                    for (var crefCount = Count(); crefCount > 0; crefCount--)
                    {
                        var cref = Text() ?? throw new FormatException("damaged cref");
                        var kind = (CrefTargetKind)reader.ReadByte();
                        if (!Enum.IsDefined(kind)) throw new FormatException("damaged cref");
                        bound.Add(KeyValuePair.Create(cref, new CrefTarget(kind, Text())));
                    }
                    docs.Add(new InheritedDoc(line, column, xml, bound.ToImmutable(), code, message));
                }
                inherited[filePath] = docs.ToImmutable();
            }
            return reader.BaseStream.Position == reader.BaseStream.Length
                ? new HighlightRecording(key, files.ToImmutable(), crefs.ToImmutable(), inherited.ToImmutable())
                : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or IndexOutOfRangeException or NullReferenceException
            or UnauthorizedAccessException or FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Writes the file whole or not at all (a temporary file moved into place).</summary>
    public static void Write(string path, HighlightRecording recording)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            void Text(string? text) => writer.Write(text is null ? 0 : strings.TryGetValue(text, out var index) ? index : strings[text] = strings.Count + 1);
            writer.Write(recording.Files.Count);
            foreach (var (filePath, bindings) in recording.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(filePath);
                writer.Write(bindings.Length);
                foreach (var bound in bindings)
                {
                    Text(bound.CssClass);
                    Text(bound.SymbolId);
                    writer.Write((byte)((bound.IsDeclaration ? 1 : 0) | (bound.IsInSource ? 2 : 0)));
                    writer.Write(checked((byte)bound.Declares.Length));
                    foreach (var declared in bound.Declares)
                    {
                        Text(declared.SymbolId);
                        writer.Write((byte)declared.Category);
                        Text(declared.DisplayName);
                        Text(declared.DocumentationId);
                    }
                }
            }
        }
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            void Text(string? text) => writer.Write(text is null ? 0 : strings.TryGetValue(text, out var index) ? index : strings[text] = strings.Count + 1);
            writer.Write(recording.Crefs.Count);
            foreach (var (filePath, targets) in recording.Crefs.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(filePath);
                writer.Write(targets.Length);
                foreach (var target in targets)
                {
                    writer.Write((byte)target.Kind);
                    Text(target.Target);
                }
            }
            writer.Write(recording.Inherited.Count);
            foreach (var (filePath, docs) in recording.Inherited.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(filePath);
                writer.Write(docs.Length);
                foreach (var doc in docs)
                {
                    writer.Write(doc.Line);
                    writer.Write(doc.Column);
                    Text(doc.Xml);
                    Text(doc.Code);
                    Text(doc.Message);
                    writer.Write(doc.Crefs.Length);
                    foreach (var (cref, target) in doc.Crefs)
                    {
                        Text(cref);
                        writer.Write((byte)target.Kind);
                        Text(target.Target);
                    }
                }
            }
        }
        CacheFileWriter.Write(path, stream =>
        {
            using var file = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            file.Write(Magic);
            file.Write(Version);
            file.Write(recording.Key);
            file.Write(strings.Count);
            foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key)) file.Write(text);
            file.Write(body.GetBuffer(), 0, (int)body.Length);
        });
    }
}
