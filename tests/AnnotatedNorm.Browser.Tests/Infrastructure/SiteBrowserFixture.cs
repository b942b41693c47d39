using Microsoft.Playwright;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>Builds the repository's site once, serves it on loopback, and starts one headless Chromium for all browser tests.</summary>
public sealed class SiteBrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string workFolder = Path.Combine(Path.GetTempPath(), $"annotatednorm-browser-{Guid.NewGuid():N}");
    private StaticSiteServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string RepositoryFolder { get; } = RepositoryRoot.Find();

    public string OutputFolder => Path.Combine(workFolder, "output");

    public async Task InitializeAsync()
    {
        // xunit may create the collection fixture even when every test is skipped; do no work then.
        if (!BrowserRequirement.ShouldRun) return;
        if (!BrowserRequirement.IsChromiumInstalled)
            throw new InvalidOperationException(
                $"{BrowserRequirement.Variable}=require but Chromium is not installed at {BrowserRequirement.ChromiumPath}; run 'apt-get install chromium'.");

        var result = await SiteBuilder.BuildAsync(new BuildOptions(
            Path.Combine(RepositoryFolder, "content"), Path.Combine(RepositoryFolder, "site-templates"), OutputFolder)
        {
            ReferencePaths = [typeof(TorchSharp.torch).Assembly.Location],
            // The pages as published: with the results and figures of their examples.
            Examples = new AnnotatedNorm.Examples.ExampleOptions(
                Path.Combine(RepositoryFolder, "src", "AnnotatedNorm.ExampleRunner", "AnnotatedNorm.ExampleRunner.csproj")) { TimeLimit = TimeSpan.FromMinutes(2) },
        });
        if (!result.Succeeded)
            throw new InvalidOperationException("The site did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));

        // Served where site.json's baseUrl puts it, so the 404 page, whose links start from that path, works as published.
        server = await StaticSiteServer.StartAsync(OutputFolder, BaseUrlPath());
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserRequirement.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private string BaseUrlPath()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFolder, "content", "site.json")));
        return new Uri(json.RootElement.GetProperty("baseUrl").GetString()!.TrimEnd('/') + "/").AbsolutePath;
    }

    /// <summary>The absolute URL of a page given by its path under the site root (with an optional #fragment).</summary>
    public string Url(string sitePath) => new Uri(Server.BaseAddress, sitePath).ToString();

    /// <summary>A fresh context (own storage, light colour scheme) with the given viewport; dispose it after the test.</summary>
    /// <param name="touch">Emulates a phone's touch screen, which has no hover.</param>
    /// <param name="injectsScripts">True for a test that adds a script of its own (axe-core): the pages' Content-Security-Policy, which blocks any script the site did not write, is then not applied.</param>
    public async Task<IBrowserContext> NewContextAsync(Viewport viewport, bool touch = false, bool injectsScripts = false)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BypassCSP = injectsScripts,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            ColorScheme = ColorScheme.Light,
            HasTouch = touch,
            IsMobile = touch,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Opens a page of the site in a new tab of <paramref name="context"/> and waits until it and its fonts are loaded.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context, string sitePath)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(Url(sitePath), new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET {sitePath} answered {response?.Status}");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (server is not null) await server.DisposeAsync();
        if (Directory.Exists(workFolder)) Directory.Delete(workFolder, recursive: true);
    }

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The browser did not start.");

    private StaticSiteServer Server => server ?? throw new InvalidOperationException("The site server did not start.");
}

/// <summary>A browser window size.</summary>
public sealed record Viewport(int Width, int Height, string Name)
{
    public static Viewport Desktop { get; } = new(1280, 800, "desktop");

    public static Viewport Phone { get; } = new(390, 844, "phone");
}

/// <summary>The tests that share the built site and the browser run one after another in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class SiteBrowserCollection : ICollectionFixture<SiteBrowserFixture>
{
    public const string Name = "site in a browser";
}

/// <summary>Paths of the pages the tests visit, relative to the site root.</summary>
public static class SitePaths
{
    public const string LayerNorm = "normalization/layer_norm/LayerNorm.html";
    public const string LayerNormJapanese = "ja/normalization/layer_norm/LayerNorm.html";
    public const string BatchNorm = "normalization/batch_norm/BatchNorm.html";
    public const string BatchNormJapanese = "ja/normalization/batch_norm/BatchNorm.html";
    public const string ChapterIndex = "normalization/index.html";
    public const string ChapterIndexJapanese = "ja/normalization/index.html";
}
