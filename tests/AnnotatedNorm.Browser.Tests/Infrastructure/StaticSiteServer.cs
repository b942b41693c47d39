using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>Serves a built site folder on a free loopback port, as a plain static host would.</summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticSiteServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The site root, ending with a slash.</summary>
    public Uri BaseAddress { get; }

    public static async Task<StaticSiteServer> StartAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free port, so parallel runs on one machine do not collide.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-store",
        });
        await app.StartAsync();
        return new StaticSiteServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
