using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AnnotatedNorm.Session;

/// <summary>
/// One hash over everything a build reads: every file of the content folder and of the templates folder (KaTeX
/// included), the assemblies the content may compile against, the generator itself and the options.
/// </summary>
/// <remarks>
/// Files are hashed by content, so a touched but unchanged file does not force a rebuild and a changed one always
/// does, whatever its timestamp. Only folders no build reads are left out: <c>bin</c>, <c>obj</c>, <c>node_modules</c>
/// and folders whose name starts with a dot. Reference assemblies, the generator and the templates' KaTeX package
/// are identified by path, size and time of last write (they are build products and installed packages, rewritten
/// when rebuilt or installed again; KaTeX is 4.5 MB in 225 files, more than a 200-page site's sources) plus the
/// generator's module version id, which changes with every change to its code.
/// <para>
/// The KaTeX package (<see cref="PackagesOf"/>) and the files MSBuild read about the content's project are stamped
/// apart from the rest, because a build may create them: a fresh clone's first build installs KaTeX with npm and
/// restores the project. The build stamps them again once it has them, so the fingerprint it records is the one the
/// next build computes, and that build has nothing to do.
/// </para>
/// </remarks>
public static class InputFingerprint
{
    private static readonly HashSet<string> UnreadFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    /// <summary>Whether a build reads the folder of this name: not <c>bin</c>, <c>obj</c>, <c>node_modules</c>, nor one whose name starts with a dot.</summary>
    public static bool IsReadFolder(string name) => !name.StartsWith('.') && !UnreadFolders.Contains(name);

    public static string Compute(BuildOptions options)
    {
        var content = Path.GetFullPath(options.ContentFolder);
        var templates = Path.GetFullPath(options.TemplatesFolder);
        var lines = new List<string>
        {
            "annotatednorm-input v1",
            $"generator {typeof(InputFingerprint).Assembly.ManifestModule.ModuleVersionId} {RuntimeInformation.FrameworkDescription}",
            // Diagnostics name files relative to the working directory, and they are part of what a build reports.
            $"cwd {Environment.CurrentDirectory}",
            $"content {content}",
            $"templates {templates}",
            $"output {Path.GetFullPath(options.OutputFolder)}",
            $"strict {options.Strict}",
            // A build that showed no results is not the one that shows them, though nothing else differs.
            $"examples {options.Examples?.RunnerProject ?? "none"} {options.Examples?.Project}",
        };
        lines.AddRange(options.ReferencePaths.Order(StringComparer.Ordinal).Select(p => $"reference {FileIdentity.Stamp(p)}"));
        // The generator and the libraries it runs (Roslyn, Markdig, RazorLight…) sit together in the application folder.
        lines.AddRange(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Order(StringComparer.Ordinal).Select(p => $"tool {FileIdentity.Stamp(p)}"));

        var files = Files(content, "content", Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar)).Concat(Files(templates, "templates")).ToList();
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i => hashes[i] = FileIdentity.Digest(files[i].FullPath));
        for (var i = 0; i < files.Count; i++) lines.Add($"file {files[i].Key} {hashes[i]}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>
    /// <paramref name="inputs"/> (from <see cref="Compute"/>) with the templates' installed packages (from
    /// <see cref="PackagesOf"/>) and the files MSBuild read to answer about the content's project, outside the content
    /// folder (its assets file, the <c>Directory.Build</c> files above it, the packages' assemblies): a change to one
    /// must rebuild.
    /// </summary>
    public static string Of(string inputs, string packages, IEnumerable<string> projectStamps) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', projectStamps.Select(s => $"project {s}").Prepend(packages).Prepend(inputs)))));

    /// <summary>The stamps of the KaTeX package the templates' npm lock file installed (script, stylesheet, fonts), in order; empty when it is not installed.</summary>
    public static string PackagesOf(string templatesFolder)
    {
        var templates = Path.GetFullPath(templatesFolder);
        var katex = Path.Combine(templates, "node_modules", "katex");
        if (!Directory.Exists(katex)) return "";
        var found = new List<InputFile>();
        Walk(templates, katex, "templates", found);
        return string.Join('\n', found.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"file {f.Key} {FileIdentity.Stamp(f.FullPath)}"));
    }

    // A class, not a tuple: sorting and listing tuples of strings runs generic code that no ahead-of-time image
    // holds, compiled just in time on the one thread that starts every build.
    private sealed record InputFile(string Key, string FullPath);

    private static IEnumerable<InputFile> Files(string root, string label, string? output = null)
    {
        if (!Directory.Exists(root)) return [];
        var found = new List<InputFile>();
        Walk(root, root, label, found, output);
        return found.OrderBy(f => f.Key, StringComparer.Ordinal);
    }

    // Only what a build reads counts, so links are followed as discovery follows them: never out of the folder.
    private static void Walk(string root, string folder, string label, List<InputFile> found, string? output = null)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
            if (Discovery.ContentBoundary.Admits(root, new FileInfo(file)))
                found.Add(new InputFile($"{label}/{Path.GetRelativePath(root, file).Replace('\\', '/')}", file));
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            // An output folder directly in the content folder is what the build writes, not what it reads.
            if (IsReadFolder(name) && new DirectoryInfo(sub).LinkTarget is null && !Discovery.ContentDiscoverer.IsOutput(sub, output))
                Walk(root, sub, label, found, output);
        }
    }
}
