namespace AnnotatedNorm.Serving;

/// <summary>
/// Watches the content and templates folders and calls back once per burst of changes, after the folders have been
/// quiet for a short while: an editor's save is often several events (write, rename, touch) that belong together.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    public static readonly TimeSpan DefaultQuietPeriod = TimeSpan.FromMilliseconds(150);

    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Timer timer;
    private readonly TimeSpan quiet;

    public SiteWatcher(IEnumerable<string> folders, Action changed, TimeSpan? quietPeriod = null)
    {
        quiet = quietPeriod ?? DefaultQuietPeriod;
        timer = new Timer(_ => changed());
        foreach (var folder in folders.Select(Path.GetFullPath).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnEvent;
            watcher.Created += OnEvent;
            watcher.Deleted += OnEvent;
            watcher.Renamed += OnEvent;
            watcher.EnableRaisingEvents = true;
            watchers.Add(watcher);
        }
    }

    /// <summary>False for files no page depends on: installed packages, build products, editors' swap and backup files.</summary>
    public static bool Matters(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        if (parts.Any(p => p is "node_modules" or "bin" or "obj" or ".git" or ".vs" or ".idea")) return false;
        var name = parts[^1];
        return !(name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
            || name.StartsWith(".#", StringComparison.Ordinal) || name == "4913");
    }

    private void OnEvent(object sender, FileSystemEventArgs e)
    {
        if (Matters(e.FullPath) || (e is RenamedEventArgs r && Matters(r.OldFullPath)))
            timer.Change(quiet, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
        timer.Dispose();
    }
}
