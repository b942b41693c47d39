namespace AnnotatedNorm.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem found in the input, in the <c>path(line,col): error CODE: message</c> form that IDEs and CI read.</summary>
/// <param name="Path">File the problem is in, as the user should see it (relative to the working directory when possible).</param>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    public static Diagnostic Error(string path, int line, int column, string code, string message) =>
        new(path, line, column, Severity.Error, code, message);

    public static Diagnostic Warning(string path, int line, int column, string code, string message) =>
        new(path, line, column, Severity.Warning, code, message);

    public override string ToString() =>
        $"{Path}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
