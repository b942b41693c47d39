namespace AnnotatedNorm.Session;

/// <summary>Writes a cache file whole or not at all: a reader sees the old file or the new one, never a part.</summary>
public static class CacheFileWriter
{
    /// <summary>Writes into a temporary file beside <paramref name="path"/>, then moves it over the file; creates the folder.</summary>
    /// <exception cref="IOException">The folder or the file cannot be written; no temporary file is left behind.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A name of its own, so two builds writing the same file at once never write into one temporary file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
