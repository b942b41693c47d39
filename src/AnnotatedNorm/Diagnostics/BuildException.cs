namespace AnnotatedNorm.Diagnostics;

/// <summary>Stops a stage at the first problem it cannot go past; carries the diagnostic to report.</summary>
public sealed class BuildException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
