namespace AnnotatedNorm.Examples;

/// <summary>How the build runs the examples of the content.</summary>
/// <param name="RunnerProject">The project of the example runner (<c>src/AnnotatedNorm.ExampleRunner</c>).</param>
public sealed record ExampleOptions(string RunnerProject)
{
    /// <summary>How long one example may run before the build stops it and reports it.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long compiling the content's project and the runner may take before the build stops it and reports it.</summary>
    public TimeSpan CompileTimeLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The program run with <c>dotnet build</c>'s arguments to compile them; a test puts a stand-in here.</summary>
    internal string Dotnet { get; init; } = "dotnet";

    /// <summary>The project that compiles the examples; null for the one project at the top of the content folder.</summary>
    public string? Project { get; init; }
}
