using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Tests.Documents;

public class DiagnosticTests
{
    [Fact]
    public void Should_Format_As_Path_Line_Col_Error_Code_Message()
    {
        // Given
        var diagnostic = Diagnostic.Error("content/a.cs", 3, 14, "AN0101", "unknown TeX command \\foo");

        // When
        var text = diagnostic.ToString();

        // Then
        Assert.Equal("content/a.cs(3,14): error AN0101: unknown TeX command \\foo", text);
    }
}
