namespace AnnotatedNorm.Cli;

/// <summary>Where the example runner's project is: in the repository that holds the content, or the one this tool was built in.</summary>
internal static class ExampleRunnerProject
{
    private static readonly string RelativePath = Path.Combine("src", "AnnotatedNorm.ExampleRunner", "AnnotatedNorm.ExampleRunner.csproj");

    public static string? Find(string contentFolder)
    {
        foreach (var start in new[] { Path.GetFullPath(contentFolder), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, RelativePath))) return Path.Combine(dir.FullName, RelativePath);
        return null;
    }
}
