using AnnotatedNorm.Discovery;
using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Parsing;
using Microsoft.Playwright;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>
/// Builds C# the project did not write for these pages into sites, serves them and starts Chromium: the generator's own
/// sources (<c>src/</c>, a site of their own) and the sources that packages in the NuGet cache embed in their PDBs,
/// extracted into a temporary folder.
/// </summary>
public sealed class CorpusSiteFixture : IAsyncLifetime
{
    /// <summary>Packages whose PDBs are read for embedded sources, where the cache has them.</summary>
    private static readonly string[] Packages = ["microsoft.codeanalysis.csharp", "microsoft.codeanalysis.common", "google.protobuf", "sharpziplib"];

    /// <summary>The environment variable naming the content folders to check instead of the built-in corpora.</summary>
    public const string CorporaVariable = "ANNOTATEDNORM_CORPORA";

    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"annotatednorm-corpus-{Guid.NewGuid():N}");
    private readonly List<StaticSiteServer> servers = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Each corpus: its name, the content folder it was built from, where its site is served, and the parser
    /// that reads its sources as the build did (with its project's preprocessor symbols).</summary>
    public List<(string Name, string Content, Uri Address, AnnotationParser Parser)> Sites { get; } = [];

    public async Task InitializeAsync()
    {
        if (!BrowserRequirement.ShouldRun) return;
        var repository = RepositoryRoot.Find();
        // Other corpora can be named from outside (folders holding a site.json, separated as in PATH), so that code
        // kept out of the repository, such as a copy of another library, is checked in place of the built-in ones.
        var named = (Environment.GetEnvironmentVariable(CorporaVariable) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (named.Length > 0)
            foreach (var folder in named.Select(Path.GetFullPath))
                await AddAsync(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), folder, repository);
        else
            await AddBuiltInAsync(repository);

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserRequirement.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The generator's own sources, and the sources packages in the NuGet cache embed in their PDBs.</summary>
    private async Task AddBuiltInAsync(string repository)
    {
        await AddAsync("generator", Path.Combine(repository, "src"), repository);

        var embedded = Path.Combine(workFolder, "embedded");
        var extracted = 0;
        foreach (var pdb in Packages.Select(Pdb).OfType<string>())
            extracted += EmbeddedSourceReader.Extract(pdb, Path.Combine(embedded, Path.GetFileNameWithoutExtension(pdb)));
        if (extracted > 0)
        {
            File.WriteAllText(Path.Combine(embedded, "site.json"), """
                { "title": "Embedded sources", "baseUrl": "https://example.org/embedded/", "languages": ["en"], "math": "none" }
                """);
            await AddAsync("embedded", embedded, repository);
        }
    }

    private async Task AddAsync(string name, string content, string repository)
    {
        var output = Path.Combine(workFolder, "output-" + name);
        var options = new BuildOptions(content, Path.Combine(repository, "site-templates"), output);
        var result = await SiteBuilder.BuildAsync(options);
        if (!result.Succeeded)
            throw new InvalidOperationException($"The {name} corpus did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        var server = await StaticSiteServer.StartAsync(output, "/" + name + "/");
        servers.Add(server);
        // A project's symbols decide which lines are code and which commentary (a doc comment under #if): the
        // expected lines come from the same reading.
        var parser = new AnnotationParser(CodeHighlighterOptions.For(SiteDiscoverer.Discover(options)).ParseOptions);
        Sites.Add((name, content, server.BaseAddress, parser));
    }

    /// <summary>The PDB of the newest version of a package in the NuGet cache, or null when the cache has none.</summary>
    private static string? Pdb(string package)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(root, package);
        if (!Directory.Exists(folder)) return null;
        return Directory.GetDirectories(folder)
            .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version())
            .Select(v => Path.Combine(v, "lib"))
            .Where(Directory.Exists)
            .SelectMany(lib => Directory.GetFiles(lib, "*.pdb", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .FirstOrDefault();
    }

    public async Task<IPage> OpenAsync(Uri address)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(address.ToString(), new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {address} answered {response?.Status}");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        foreach (var server in servers) await server.DisposeAsync();
        if (Directory.Exists(workFolder)) Directory.Delete(workFolder, recursive: true);
    }

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The browser did not start.");
}
