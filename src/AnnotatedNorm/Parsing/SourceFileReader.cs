using System.Text;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Parsing;

/// <summary>Reads a source file as UTF-8 text, refusing what is not text: invalid UTF-8, NUL characters, or a file too large to be a page.</summary>
public static class SourceFileReader
{
    /// <summary>The largest source file a build reads: far above any hand-written page, far below what could exhaust memory.</summary>
    public const long MaxBytes = 2 << 20;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="BuildException">The file is larger than <see cref="MaxBytes"/>, is not valid UTF-8, or holds a NUL character.</exception>
    public static string Read(string fullPath, string displayPath)
    {
        var length = new FileInfo(fullPath).Length;
        if (length > MaxBytes)
            throw new BuildException(Diagnostic.Error(displayPath, 1, 1, "AN0012",
                $"the file is {length / 1024:N0} KB, more than the {MaxBytes / 1024:N0} KB a source may have"));
        var bytes = File.ReadAllBytes(fullPath);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            // The index counts bytes from where decoding started; the text before it is valid, so lines can be counted.
            var (line, column) = Position(Encoding.UTF8.GetString(bytes, start, Math.Max(0, e.Index)));
            throw new BuildException(Diagnostic.Error(displayPath, line, column, "AN0010", "the file is not valid UTF-8 text"));
        }
        if (text.IndexOf('\0') is >= 0 and var nul)
        {
            var (line, column) = Position(text[..nul]);
            throw new BuildException(Diagnostic.Error(displayPath, line, column, "AN0011", "the file holds a NUL character: it is not a text file"));
        }
        return text;
    }

    private static (int Line, int Column) Position(string before)
    {
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.AsSpan().Count('\n') + 1, before.Length - lineStart + 1);
    }
}
