namespace AnnotatedNorm.Publishing;

/// <summary>One file of the built site: its path under the output root and its bytes.</summary>
public sealed record OutputFile(string Path, ReadOnlyMemory<byte> Content)
{
    public static OutputFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
