using System.Text.Json;
using AnnotatedNorm.Cli.Scaffolding;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

/// <summary><c>init</c> in a temporary folder, and the site it sets up built with the repository's theme.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("an-init-");

    public void Dispose() => root.Delete(recursive: true);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await Program.Commands().RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Folder(string name)
    {
        var folder = Path.Combine(root.FullName, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public async Task Should_Print_The_Version_Of_Directory_Build_Props()
    {
        // Given / When
        var (exit, output, _) = await Run("--version");

        // Then it is the one version of the repository, as the pages show it
        var props = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "Directory.Build.props"));
        Assert.Equal(0, exit);
        Assert.Equal(GeneratorVersion.Current, output.Trim());
        Assert.Contains($"<Version>{output.Trim()}</Version>", props);
    }

    [Fact]
    public async Task Should_Write_A_Site_That_Builds_Strictly_In_Two_Languages_In_An_Empty_Folder()
    {
        // Given an empty folder
        var folder = Folder("my-notes");

        // When it is set up in English and Japanese and built strictly
        var (exit, output, _) = await Run("init", "--content", folder, "--languages", "en,ja");
        var built = await Run("build", "--content", folder, "--templates", SiteTree.Templates, "--output", Path.Combine(root.FullName, "site"), "--strict");

        // Then it wrote the configuration, the example, its readme and their translations, and the site builds
        Assert.Equal(0, exit);
        foreach (var file in new[] { "site.json", "RunningMean.cs", "readme.md", "xlf/RunningMean.cs.ja.xlf", "xlf/readme.md.ja.xlf" })
            Assert.Contains($"wrote    {file}", output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "site.json")));
        Assert.Equal("my-notes", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(["en", "ja"], json.RootElement.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.False(json.RootElement.TryGetProperty("project", out _));
        Assert.True(built.Exit == 0, built.Error + built.Output);
        var page = File.ReadAllText(Path.Combine(root.FullName, "site", "ja", "RunningMean.html"));
        Assert.Contains("移動平均", page);
        Assert.Contains("class=\"katex", page);
    }

    [Fact]
    public async Task Should_Never_Replace_A_File_And_Say_What_It_Skipped()
    {
        // Given a folder with its own readme page and a site.json
        var folder = Folder("existing");
        File.WriteAllText(Path.Combine(folder, "site.json"), "{ \"title\": \"Mine\" }");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# Mine\n");

        // When
        var (exit, output, _) = await Run("init", "--content", folder);

        // Then both are as they were, and the example source is there
        Assert.Equal(0, exit);
        Assert.Equal("{ \"title\": \"Mine\" }", File.ReadAllText(Path.Combine(folder, "site.json")));
        Assert.Equal("# Mine\n", File.ReadAllText(Path.Combine(folder, "README.md")));
        Assert.False(File.Exists(Path.Combine(folder, "readme.md")));
        Assert.Contains("skipped  site.json (already there)", output);
        Assert.Contains("wrote    RunningMean.cs", output);
    }

    [Fact]
    public async Task Should_Name_The_One_Project_And_Write_No_Example_Beside_Annotated_Sources()
    {
        // Given a small C# project with one annotated source
        var folder = Folder("calc");
        Directory.CreateDirectory(Path.Combine(folder, "src", "obj"));
        File.WriteAllText(Path.Combine(folder, "src", "Calc.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(folder, "src", "obj", "Stale.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "src", "Add.cs"), "// Adds two numbers.\npublic static class Add { public static int Of(int a, int b) => a + b; }\n");

        // When
        var (exit, output, _) = await Run("init", "--content", folder, "--ci", "github");

        // Then
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "site.json")));
        Assert.Equal("src/Calc.csproj", json.RootElement.GetProperty("project").GetString());
        Assert.False(File.Exists(Path.Combine(folder, ExampleSite.SourceName)));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "ci", "github-pages.yml")),
            File.ReadAllText(Path.Combine(folder, ".github", "workflows", "site.yml")));
        Assert.Contains("wrote    .github/workflows/site.yml", output);
    }

    [Theory]
    [InlineData("fr-XX-nonsense")]
    [InlineData("en,en")]
    public async Task Should_Exit_2_For_Languages_That_Are_Not_A_List_Of_Cultures(string languages)
    {
        // Given / When
        var (exit, _, error) = await Run("init", "--content", Folder("bad"), "--languages", languages);

        // Then nothing is written
        Assert.Equal(2, exit);
        Assert.Contains("annotatednorm init:", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(root.FullName, "bad")));
    }

    [Theory]
    [InlineData("git@github.com:example/calc.git", "https://github.com/example/calc")]
    [InlineData("https://github.com/example/calc.git", "https://github.com/example/calc")]
    [InlineData("https://user:secret@github.com/example/calc", "https://github.com/example/calc")]
    [InlineData("ssh://git@gitlab.example.org:2222/team/calc.git", "https://gitlab.example.org/team/calc")]
    [InlineData("http://git.example.org/calc/", "https://git.example.org/calc")]
    [InlineData("/srv/git/calc.git", null)]
    [InlineData("../calc", null)]
    public void Should_Turn_A_Remote_Into_The_Https_Address_Of_The_Repository(string remote, string? expected) =>
        Assert.Equal(expected, GitRepository.WebUrlOf(remote));

    [Theory]
    [InlineData("https://github.com/Example/calc", "https://example.github.io/calc/")]
    [InlineData("https://gitlab.com/example/calc", null)]
    public void Should_Know_Where_GitHub_Publishes_A_Repositorys_Pages(string url, string? expected) =>
        Assert.Equal(expected, GitRepository.PagesUrlOf(url));
}
