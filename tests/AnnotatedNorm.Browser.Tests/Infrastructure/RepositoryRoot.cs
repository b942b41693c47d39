using System.Reflection;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>The folder of AnnotatedNorm.sln, whose content/ and site-templates/ the tests build.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (IsRoot(dir.FullName)) return dir.FullName;
        // Build products may live outside the clone (ArtifactsPath); the project recorded where it was built from.
        var recorded = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && IsRoot(recorded)) return recorded;
        throw new InvalidOperationException("AnnotatedNorm.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool IsRoot(string folder) => File.Exists(Path.Combine(folder, "AnnotatedNorm.sln"));
}
