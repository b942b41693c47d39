namespace AnnotatedNorm.Documents;

/// <summary>One physical line of a source file, kept verbatim so sections reassemble to the original.</summary>
/// <param name="Number">1-based line number in the source file.</param>
/// <param name="Text">The line without its line ending.</param>
/// <param name="Ending">The line ending exactly as in the file: "\n", "\r\n", "\r" or "" on the last line.</param>
public sealed record SourceLine(int Number, string Text, string Ending);
