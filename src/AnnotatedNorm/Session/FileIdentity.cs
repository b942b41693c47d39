using System.Security.Cryptography;

namespace AnnotatedNorm.Session;

/// <summary>How caches tell whether a file is the one they saw: by its content, or by where it is, its size and its write time.</summary>
public static class FileIdentity
{
    /// <summary>The SHA-256 of the file's bytes, in hex, or "missing" when there is no such file.</summary>
    public static string Digest(string path) =>
        File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "missing";

    /// <summary>Full path, size and time of last write: for build products, which are rewritten whenever they change.</summary>
    public static string Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : $"{path}|missing";
    }

    /// <summary>The <see cref="Stamp"/> of every file under <paramref name="folder"/>, in order; empty when there is no such folder.</summary>
    public static string StampFolder(string folder) => !Directory.Exists(folder) ? "" : string.Join('\n',
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Stamp));
}
