using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>
/// Serves a built site folder on a free loopback port under a sub-path, as a plain static host would: a missing
/// address under that path answers 404 with the site's root 404.html, as GitHub Pages and most static hosts do.
/// </summary>
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

    /// <param name="subPath">Where the site is served, starting and ending with '/' ("/annotatednorm/").</param>
    public static async Task<StaticSiteServer> StartAsync(string root, string subPath = "/")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free port, so parallel runs on one machine do not collide.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        // Every file, a page whose source's name starts with a dot included: the provider hides those by default.
        var files = new PhysicalFileProvider(root, Microsoft.Extensions.FileProviders.Physical.ExclusionFilters.None);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = subPath.TrimEnd('/'),
            // Static hosts serve every file; Pagefind's index files have extensions of their own (.pf_meta, .pagefind).
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-store",
        });
        app.Run(async context =>
        {
            var notFound = files.GetFileInfo("404.html");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers.CacheControl = "no-store";
            if (!context.Request.Path.StartsWithSegments(subPath.TrimEnd('/')) || !notFound.Exists) return;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(notFound);
        });
        await app.StartAsync();
        return new StaticSiteServer(app, new Uri(app.Urls.Single().TrimEnd('/') + subPath));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
