using System.Text.Json;
using System.Text.RegularExpressions;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Tool;

/// <summary>
/// The quick start of the README with the packed and installed tool: <c>init</c>, <c>build --strict</c> and
/// <c>check</c> in an empty folder and in a small C# project, a one-file theme override, and the CI recipe's commands,
/// all without Node.js. Run them with <c>--filter Category=PackagedTool</c>.
/// </summary>
[Trait("Category", "PackagedTool")]
public sealed class PackagedToolTests(PackagedToolFixture tool) : IClassFixture<PackagedToolFixture>
{
    private string NewFolder(string name)
    {
        var folder = Path.Combine(tool.Root, "sites", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task Succeeds(string folder, params string[] arguments)
    {
        var (exit, output) = await tool.Annotatednorm(folder, arguments);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Should_Run_Without_Node_On_The_Path_And_Print_Its_Version()
    {
        // Given the clean environment
        var path = tool.CleanEnvironment()["PATH"]!;

        // When
        var (exit, output) = await tool.Annotatednorm(tool.Root, "--version");

        // Then nothing on its path is node or npm, and the version is this repository's
        Assert.DoesNotContain(path.Split(Path.PathSeparator).SelectMany(Directory.EnumerateFileSystemEntries), f => Path.GetFileName(f) is "node" or "npm" or "npx");
        Assert.Equal(0, exit);
        Assert.EndsWith(GeneratorVersion.Current + "\n", output);
    }

    [Fact]
    public async Task Should_Init_Build_And_Check_A_Site_In_An_Empty_Folder()
    {
        // Given an empty folder
        var folder = NewFolder("empty");

        // When it is set up, built strictly and checked
        await Succeeds(folder, "init", "--languages", "en,ja");
        await Succeeds(folder, "build", "--strict");
        await Succeeds(folder, "check", "--strict");

        // Then the pages, the theme's assets and KaTeX's are in output/, with the version in the footer
        var output = Path.Combine(folder, "output");
        var page = File.ReadAllText(Path.Combine(output, "RunningMean.html"));
        Assert.Contains("class=\"katex", page);
        Assert.Contains($"AnnotatedNorm {GeneratorVersion.Current}", page);
        Assert.True(File.Exists(Path.Combine(output, "ja", "RunningMean.html")));
        Assert.True(File.Exists(Path.Combine(output, "assets", "site.css")));
        Assert.True(File.Exists(Path.Combine(output, "assets", "katex", "katex.min.css")));
        Assert.False(Directory.Exists(Path.Combine(folder, "node_modules")));
    }

    [Fact]
    public async Task Should_Init_Build_And_Check_A_Copy_Of_A_Small_CSharp_Project()
    {
        // Given a small C# project in a git repository whose remote is an ssh address
        var folder = NewFolder("calc");
        File.WriteAllText(Path.Combine(folder, "Calc.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Interest.cs"), """
            // # Compound interest
            //
            // A balance $b$ at rate $r$ for $n$ years grows to $b(1 + r)^n$.
            namespace Calc;

            public static class Interest
            {
                // Multiplying once a year keeps the code as plain as the formula.
                public static decimal Grow(decimal balance, decimal rate, int years)
                {
                    for (var i = 0; i < years; i++) balance *= 1 + rate;
                    return balance;
                }
            }
            """);
        foreach (var git in new[] { new[] { "init", "-q", "-b", "trunk" }, ["remote", "add", "origin", "git@github.com:example/calc.git"] })
            Assert.Equal(0, (await tool.RunInClean(PackagedToolFixture.Which("git"), git, folder)).Exit);

        // When it is set up, built strictly and checked
        await Succeeds(folder, "init");
        await Succeeds(folder, "build", "--strict");
        await Succeeds(folder, "check", "--strict");

        // Then site.json names the project and the repository, no example was added, and the source is a page
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "site.json")));
        Assert.Equal("Calc.csproj", json.RootElement.GetProperty("project").GetString());
        Assert.Equal("https://github.com/example/calc", json.RootElement.GetProperty("repository").GetProperty("url").GetString());
        Assert.Equal("trunk", json.RootElement.GetProperty("repository").GetProperty("branch").GetString());
        Assert.Equal("https://example.github.io/calc/", json.RootElement.GetProperty("baseUrl").GetString());
        Assert.False(File.Exists(Path.Combine(folder, "RunningMean.cs")));
        Assert.Contains("https://github.com/example/calc/blob/trunk/Interest.cs", File.ReadAllText(Path.Combine(folder, "output", "Interest.html")));
    }

    [Fact]
    public async Task Should_Build_With_One_Template_Overridden_And_Everything_Else_Built_In()
    {
        // Given an init site whose theme folder holds only a changed home page template, taken from the exported theme
        var folder = NewFolder("override");
        await Succeeds(folder, "init");
        var exported = Path.Combine(tool.Root, "exported");
        await Succeeds(tool.Root, "theme", "export", exported);
        var home = File.ReadAllText(Path.Combine(exported, "templates", "Home.cshtml"));
        Directory.CreateDirectory(Path.Combine(folder, "site-templates", "templates"));
        File.WriteAllText(Path.Combine(folder, "site-templates", "templates", "Home.cshtml"), home + "\n<p id=\"own-home\">Our own home page.</p>\n");

        // When it is built strictly and checked
        await Succeeds(folder, "build", "--strict");
        await Succeeds(folder, "check", "--strict");

        // Then the home page is the changed one, the other pages and the assets are the built-in theme's
        var output = Path.Combine(folder, "output");
        Assert.Contains("id=\"own-home\"", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.DoesNotContain("own-home", File.ReadAllText(Path.Combine(output, "RunningMean.html")));
        Assert.Contains("<footer class=\"site-footer\">", File.ReadAllText(Path.Combine(output, "RunningMean.html")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(exported, "assets", "site.css")), File.ReadAllBytes(Path.Combine(output, "assets", "site.css")));
        Assert.True(File.Exists(Path.Combine(output, "assets", "katex", "katex.min.css")));
    }

    [Fact]
    public async Task Should_Run_The_Commands_Of_The_CI_Recipe()
    {
        // Given an init site and the commands the recipe runs, installing from the local feed instead of nuget.org
        var folder = NewFolder("ci");
        await Succeeds(folder, "init", "--ci", "github");
        var recipe = File.ReadAllText(Path.Combine(folder, ".github", "workflows", "site.yml"));
        var commands = Regex.Matches(recipe, @"^\s+run: (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();
        var uploaded = Regex.Match(recipe, @"upload-pages-artifact@\S+\s+with:\s+path: (\S+)").Groups[1].Value;

        // When each runs in the site's folder, as a step of the workflow would after checkout
        foreach (var command in commands)
        {
            var line = command.StartsWith("dotnet tool install", StringComparison.Ordinal) ? $"{command} --configfile {tool.NuGetConfig}" : command;
            var (exit, output) = await tool.RunInClean("/bin/sh", ["-c", line], folder);
            Assert.True(exit == 0, output);
        }

        // Then it pinned this version, built strictly, and the folder it uploads holds the site
        Assert.Contains($"dotnet tool install --tool-path .tools AnnotatedNorm --version {GeneratorVersion.Current}", commands);
        Assert.Contains(commands, c => c.EndsWith("annotatednorm build --strict", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, uploaded, "index.html")));
        Assert.True(File.Exists(Path.Combine(folder, uploaded, "RunningMean.html")));
    }

    [Fact]
    public void Should_Be_As_Large_As_The_README_Says()
    {
        // The README states the package's size in whole megabytes.
        var megabytes = Math.Round(tool.PackageSize / 1e6);
        Assert.Contains($"about {megabytes} MB", File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md")));
    }
}
