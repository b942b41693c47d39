using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Publishing;

/// <summary>
/// Writes a built site atomically: everything goes to a staging folder beside the output folder, which is swapped in
/// only when complete, so a failed build leaves the previous site as it was.
/// </summary>
public static class SiteWriter
{
    /// <summary>Marks a folder as built by this tool; a folder without it is never replaced or cleaned.</summary>
    public const string MarkerFileName = ".annotatednorm-site";

    public static void Publish(string outputFolder, IEnumerable<OutputFile> files)
    {
        var output = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar);
        EnsureReplaceable(output);
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, Path.GetFileName(output));
        var staging = Path.Combine(parent, $"{Path.GetFileName(output)}.building-{Environment.ProcessId}");
        var previous = Path.Combine(parent, $"{Path.GetFileName(output)}.previous-{Environment.ProcessId}");
        DeleteIfExists(staging);
        try
        {
            Directory.CreateDirectory(staging);
            var targets = files.Select(file => (File: file, Target: Resolve(staging, file.Path))).ToList();
            foreach (var folder in targets.Select(t => Path.GetDirectoryName(t.Target)!).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(folder);
            // Thousands of small files: writing them from several threads keeps the disk queue full.
            Parallel.ForEach(targets, t =>
            {
                using var stream = new FileStream(t.Target, FileMode.CreateNew, FileAccess.Write);
                stream.Write(t.File.Content.Span);
            });
            File.WriteAllText(Path.Combine(staging, MarkerFileName), "This folder was built by AnnotatedNorm and is replaced by every build.\n");
            Swap(staging, output, previous);
        }
        catch
        {
            DeleteIfExists(staging);
            throw;
        }
    }

    /// <summary>Deletes an output folder this tool built; refuses any other folder.</summary>
    public static bool Clean(string outputFolder)
    {
        var output = Path.GetFullPath(outputFolder);
        if (!Directory.Exists(output)) return false;
        EnsureReplaceable(output);
        Directory.Delete(output, recursive: true);
        return true;
    }

    /// <summary>Maps a site-relative path into <paramref name="root"/>, refusing any path that would leave it.</summary>
    public static string Resolve(string root, string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\\')
            || relativePath.Split('/').Any(part => part is "" or "." or ".."))
            throw new ArgumentException($"output path '{relativePath}' is not a plain relative path", nameof(relativePath));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"output path '{relativePath}' leaves the output folder", nameof(relativePath));
        return full;
    }

    private static void EnsureReplaceable(string output)
    {
        if (Directory.Exists(output)
            && !File.Exists(Path.Combine(output, MarkerFileName))
            && Directory.EnumerateFileSystemEntries(output).Any())
            throw new BuildException(Diagnostic.Error(output, 1, 1, "AN0901",
                $"refusing to replace '{output}': it is not empty and was not built by AnnotatedNorm (no {MarkerFileName} file)"));
    }

    /// <summary>
    /// Removes the staging and previous folders that a build killed before it could clean up left beside the output: those
    /// of a process that no longer runs.
    /// </summary>
    private static void RemoveAbandoned(string parent, string name)
    {
        foreach (var folder in Directory.EnumerateDirectories(parent, $"{name}.*-*"))
        {
            var suffix = Path.GetFileName(folder)[(name.Length + 1)..];
            var dash = suffix.LastIndexOf('-');
            if (suffix[..dash] is not ("building" or "previous") || !int.TryParse(suffix[(dash + 1)..], out var pid)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid)) continue;
            try { DeleteIfExists(folder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Swap(string staging, string output, string previous)
    {
        // Where the system can exchange two folders in one step, there is no moment without an output folder.
        if (Directory.Exists(output) && AtomicExchange.TryExchange(staging, output))
        {
            DeleteIfExists(staging);
            return;
        }
        DeleteIfExists(previous);
        var hadOutput = Directory.Exists(output);
        if (hadOutput) Directory.Move(output, previous);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            if (hadOutput) Directory.Move(previous, output);
            throw;
        }
        DeleteIfExists(previous);
    }

    private static void DeleteIfExists(string folder)
    {
        if (!Directory.Exists(folder)) return;
        // A replaced site has thousands of files; its subfolders are removed in parallel, then the rest.
        Parallel.ForEach(Directory.GetDirectories(folder), sub => Directory.Delete(sub, recursive: true));
        Directory.Delete(folder, recursive: true);
    }
}
