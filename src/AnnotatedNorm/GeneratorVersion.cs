using System.Reflection;

namespace AnnotatedNorm;

/// <summary>The release of the generator, as set once in <c>Directory.Build.props</c>; shown by <c>--version</c> and in every page's footer.</summary>
public static class GeneratorVersion
{
    public static string Current =>
        typeof(GeneratorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GeneratorVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
