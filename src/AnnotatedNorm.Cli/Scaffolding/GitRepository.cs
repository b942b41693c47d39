using System.ComponentModel;
using System.Diagnostics;

namespace AnnotatedNorm.Cli.Scaffolding;

/// <summary>What <c>init</c> reads from the git repository a folder is in: the web address of <c>origin</c>, the branch and where the folder sits.</summary>
internal sealed record GitRepository(string? WebUrl, string Branch, string FolderPath)
{
    /// <summary>The repository of <paramref name="folder"/>, or null when it is in none (or git is not installed).</summary>
    public static GitRepository? Of(string folder)
    {
        if (Git(folder, "rev-parse", "--is-inside-work-tree") != "true") return null;
        // symbolic-ref also names the branch of a repository with no commit yet; a detached HEAD has none.
        var branch = Git(folder, "symbolic-ref", "--short", "HEAD");
        return new GitRepository(
            Git(folder, "remote", "get-url", "origin") is { } remote ? WebUrlOf(remote) : null,
            branch is null or "" ? "main" : branch,
            (Git(folder, "rev-parse", "--show-prefix") ?? "").TrimEnd('/'));
    }

    /// <summary>
    /// The https address of a remote: <c>git@host:owner/name.git</c>, <c>ssh://git@host/owner/name</c> and
    /// <c>http(s)://user:token@host/owner/name.git</c> all become <c>https://host/owner/name</c>; null for a remote
    /// that is a local path.
    /// </summary>
    public static string? WebUrlOf(string remote)
    {
        var url = remote.Trim();
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') is var colon and > 4 && !url.Contains("://", StringComparison.Ordinal))
            url = $"https://{url[4..colon]}/{url[(colon + 1)..]}";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh" or "git") || uri.Host.Length == 0)
            return null;
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.Ordinal)) path = path[..^4];
        // The port of an ssh remote is not the web server's, and user names and tokens never belong in a page.
        return $"https://{uri.Host}{(uri.Scheme == "https" && !uri.IsDefaultPort ? $":{uri.Port}" : "")}{path}";
    }

    /// <summary>Where a GitHub repository's Pages site is published, or null for another host.</summary>
    public static string? PagesUrlOf(string? webUrl)
    {
        if (webUrl is null || !webUrl.StartsWith("https://github.com/", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = webUrl["https://github.com/".Length..].Split('/');
        return parts.Length == 2 ? $"https://{parts[0].ToLowerInvariant()}.github.io/{parts[1]}/" : null;
    }

    private static string? Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
