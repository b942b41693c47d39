using System.IO.Compression;
using System.Reflection.Metadata;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>
/// Writes out the C# sources a portable PDB embeds (its documents' EmbeddedSource debug information), so that code
/// nobody here wrote can be built into a site without being kept in the repository.
/// </summary>
public static class EmbeddedSourceReader
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <summary>Writes every embedded <c>.cs</c> file of <paramref name="pdb"/> under <paramref name="folder"/>, by its path below the documents' common folder.</summary>
    /// <returns>How many files were written.</returns>
    public static int Extract(string pdb, string folder)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(pdb));
        var reader = provider.GetMetadataReader();
        var files = new List<(string Name, byte[] Content)>();
        foreach (var handle in reader.Documents)
        {
            var name = reader.GetString(reader.GetDocument(handle).Name).Replace('\\', '/');
            if (!name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var information in reader.GetCustomDebugInformation(handle).Select(reader.GetCustomDebugInformation))
                if (reader.GetGuid(information.Kind) == EmbeddedSource)
                    files.Add((name, Content(reader.GetBlobBytes(information.Value))));
        }
        if (files.Count == 0) return 0;
        var common = files.Select(f => f.Name[..(f.Name.LastIndexOf('/') + 1)]).Aggregate(CommonPrefix);
        common = common[..(common.LastIndexOf('/') + 1)];
        foreach (var (name, content) in files)
        {
            // Generated sources live under obj/, a folder a site never reads: the page keeps the rest of the path.
            var relative = string.Join('/', name[common.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not ("obj" or "bin")));
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
        return files.Count;
    }

    // The blob starts with the uncompressed size, or 0 when the text follows as it is; otherwise it is deflated.
    private static byte[] Content(byte[] blob)
    {
        var size = BitConverter.ToInt32(blob, 0);
        if (size == 0) return blob[4..];
        using var inflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress);
        var text = new MemoryStream(size);
        inflate.CopyTo(text);
        return text.ToArray();
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return a[..n];
    }
}
