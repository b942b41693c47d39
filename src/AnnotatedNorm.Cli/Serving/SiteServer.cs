using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnnotatedNorm.Cli.Serving;

/// <summary>
/// Kestrel on the loopback address answering from the last good build in memory, plus the server-sent event stream
/// that tells open pages about each rebuild.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication app;
    private readonly SiteRebuilder site;
    private readonly List<Channel<string>> listeners = [];

    private SiteServer(WebApplication app, SiteRebuilder site)
    {
        this.app = app;
        this.site = site;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Cancelled when the host begins to stop, for instance on SIGTERM.</summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    /// <param name="port">0 picks a free port.</param>
    public static async Task<SiteServer> StartAsync(SiteRebuilder site, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var server = new SiteServer(builder.Build(), site);
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Sends an update to every open page.</summary>
    public void Announce(SiteUpdate update)
    {
        var message = Message(update);
        lock (listeners)
            foreach (var listener in listeners) listener.Writer.TryWrite(message);
    }

    public async ValueTask DisposeAsync()
    {
        lock (listeners)
            foreach (var listener in listeners) listener.Writer.TryComplete();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private Task AnswerAsync(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = site.ContentSecurityPolicy;
        if (context.Request.Path == LiveReloadScript.EventsPath) return StreamEventsAsync(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "/").TrimStart('/');
        var file = site.Find(path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
        if (file is null && site.Find(path + "/index.html") is not null)
        {
            // A folder URL without its slash: relative links on the index page only work once the slash is there.
            context.Response.Redirect("/" + path + "/");
            return Task.CompletedTask;
        }
        context.Response.StatusCode = file is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        file ??= site.Find("404.html");
        if (file is null) return AnswerWithoutSiteAsync(context);
        context.Response.ContentType = ContentTypeOf(file.Path);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentLength = file.Content.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.Body.WriteAsync(file.Content).AsTask();
    }

    // Before the first good build there is no page to show the errors over, so a bare page carries them and the script.
    private Task AnswerWithoutSiteAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var errors = string.Join("\n", site.Latest.Diagnostics.Select(d => d.ToString()));
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>No site yet</title></head>
            <body><div class="build-errors"><strong>The site has not built yet.</strong><pre>{WebUtility.HtmlEncode(errors)}</pre></div>
            <script>{LiveReloadScript.Text}</script></body></html>
            """);
    }

    public static string ContentTypeOf(string path)
    {
        var type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "image/svg+xml"
            ? type + "; charset=utf-8"
            : type;
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var listener = Channel.CreateUnbounded<string>();
        // A page that connects learns only the current state: a rebuild before it loaded is already in it.
        listener.Writer.TryWrite(Message(site.Latest with { Changed = [] }));
        lock (listeners) listeners.Add(listener);
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            var stopping = app.Lifetime.ApplicationStopping;
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await context.Response.WriteAsync("retry: 1000\n\n", ended.Token);
            await foreach (var message in listener.Reader.ReadAllAsync(ended.Token))
            {
                await context.Response.WriteAsync(message, ended.Token);
                await context.Response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is stopping.
        }
        finally
        {
            lock (listeners) listeners.Remove(listener);
        }
    }

    private static string Message(SiteUpdate update) => "data: " + JsonSerializer.Serialize(new
    {
        version = update.Version,
        changed = update.Changed,
        errors = update.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()),
    }) + "\n\n";
}
