namespace AnnotatedNorm.Cli.Scaffolding;

/// <summary>The CI workflows <c>init --ci</c> writes; the tool carries them from <c>docs/ci/</c>, where the README points.</summary>
internal static class CiRecipe
{
    public const string GitHubPagesResource = "AnnotatedNorm.Cli.ci.github-pages.yml";

    public static string GitHubPages()
    {
        using var stream = typeof(CiRecipe).Assembly.GetManifestResourceStream(GitHubPagesResource)
            ?? throw new InvalidOperationException($"the tool was built without its resource {GitHubPagesResource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
