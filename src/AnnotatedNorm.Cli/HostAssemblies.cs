namespace AnnotatedNorm.Cli;

/// <summary>The assemblies this tool ships that the content may compile against; site.json names which ones it uses.</summary>
internal static class HostAssemblies
{
    public static System.Collections.Immutable.ImmutableArray<string> Offered() =>
        [.. Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Order(StringComparer.Ordinal)];
}
