namespace AnnotatedNorm.Discovery;

/// <summary>
/// The content folder is the boundary of what a build reads and publishes: a symbolic link inside it is followed only
/// when what it finally points to exists and is inside it too.
/// </summary>
public static class ContentBoundary
{
    /// <summary>
    /// Whether <paramref name="entry"/> may be read as part of the folder <paramref name="root"/>: true for an ordinary
    /// file or folder; for a link, whether its final target exists inside <paramref name="root"/>. False for a dangling
    /// link or a loop of links.
    /// </summary>
    public static bool Admits(string root, FileSystemInfo entry)
    {
        if (entry.LinkTarget is null) return true;
        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return false;
            var full = Path.GetFullPath(target.FullName);
            var inside = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(inside, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            // Too many levels of links: a loop.
            return false;
        }
    }
}
