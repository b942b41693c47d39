using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Tests.Parsing;

public sealed class SourceFileReaderTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"annotatednorm-source-{Guid.NewGuid():N}.cs");

    [Theory]
    // An invalid byte on line 2, column 4 (after "ab" and a two-byte é).
    [InlineData(new byte[] { 0x2F, 0x2F, 0x0A, 0x61, 0x62, 0xC3, 0xA9, 0xFF, 0x0A }, "AN0010", 2, 4)]
    // A NUL character on line 1, column 3.
    [InlineData(new byte[] { 0x2F, 0x2F, 0x00, 0x0A }, "AN0011", 1, 3)]
    public void Should_Refuse_What_Is_Not_Text_At_Its_Position(byte[] bytes, string code, int line, int column)
    {
        // Given a file with bytes no text has
        File.WriteAllBytes(file, bytes);

        // When it is read as a source
        var error = Assert.Throws<BuildException>(() => SourceFileReader.Read(file, "a.cs")).Diagnostic;

        // Then the error is at the first such byte
        Assert.Equal(("a.cs", code, line, column), (error.Path, error.Code, error.Line, error.Column));
    }

    [Fact]
    public void Should_Refuse_A_File_Larger_Than_The_Limit()
    {
        // Given a file one byte over the limit
        File.WriteAllText(file, new string('/', (int)SourceFileReader.MaxBytes + 1));

        // When / Then
        Assert.Equal("AN0012", Assert.Throws<BuildException>(() => SourceFileReader.Read(file, "a.cs")).Diagnostic.Code);
    }

    [Fact]
    public void Should_Read_Utf8_With_Or_Without_A_Byte_Order_Mark()
    {
        // Given the same text with and without a byte order mark
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "// é\n"u8.ToArray()]);
        var withMark = SourceFileReader.Read(file, "a.cs");
        File.WriteAllBytes(file, "// é\n"u8.ToArray());

        // When / Then both read as the text alone
        Assert.Equal(("// é\n", "// é\n"), (withMark, SourceFileReader.Read(file, "a.cs")));
    }

    public void Dispose() => File.Delete(file);
}
