using System.Collections.Immutable;
using System.Text.Json;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Session;

/// <summary>A file of the output folder as the build that wrote it left it.</summary>
public sealed record OutputStamp(string Path, long Length, long LastWriteTicks);

/// <summary>What a successful build recorded: the inputs it read, what it reported, and the output it left.</summary>
public sealed record CacheRecord(
    string Fingerprint,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableSortedDictionary<string, int> PagesPerCulture,
    ImmutableArray<OutputStamp> Output);

/// <summary>
/// Lets a build that would write exactly what the output folder already holds do nothing, and keeps what a build
/// with changes can take from the previous one: all in <c>.annotatednorm/cache/&lt;output&gt;/</c> beside the output folder.
/// </summary>
/// <remarks>
/// The record is used only when all of these hold, so it can make a build faster but never different: the
/// fingerprint of every input (<see cref="InputFingerprint"/>) equals the one recorded, and the output folder has
/// exactly the recorded files with the recorded sizes and write times (nobody edited, added or removed one since, and
/// no later build replaced it, even one that stopped before it could record itself).
/// Anything else is a full build, which replaces the output atomically as always and records itself afterwards.
/// </remarks>
public sealed class BuildCache
{
    public const string FolderName = ".annotatednorm";

    private readonly string recordPath;
    private readonly string bindingsPath;
    private readonly string outputFolder;

    private readonly string inputs;
    private readonly string templatesFolder;
    private string packages;
    private ImmutableArray<string> project;

    private BuildCache(string outputFolder, string templatesFolder, string inputs)
    {
        this.outputFolder = outputFolder;
        this.templatesFolder = templatesFolder;
        this.inputs = inputs;
        Folder = FolderFor(outputFolder);
        recordPath = Path.Combine(Folder, "build.json");
        bindingsPath = Path.Combine(Folder, "bindings.bin");
        packages = InputFingerprint.PackagesOf(templatesFolder);
        project = [.. ProjectSettingsStore.FingerprintOf(Folder)];
    }

    public string Fingerprint => InputFingerprint.Of(inputs, packages, project);

    /// <summary>
    /// Records which files the answer about the content's project came from, once discovery has it: the next build
    /// compares them as they are then with these.
    /// </summary>
    internal void ProjectRead(IEnumerable<string> stamps) => project = [.. stamps];

    /// <summary>
    /// Stamps the templates' KaTeX package again once the build has located it, which on a fresh clone means installed
    /// it: the next build finds the package as this one used it.
    /// </summary>
    internal void PackagesLocated() => packages = InputFingerprint.PackagesOf(templatesFolder);

    /// <summary>The folder of this output's cache, where other stages keep what they can reuse (typeset formulas, compiled templates).</summary>
    public string Folder { get; }

    /// <summary>Where compiled Razor templates are kept (see <see cref="Templating.PageRenderer"/>).</summary>
    public string TemplatesFolder => Path.Combine(Folder, "templates");

    /// <exception cref="BuildException">AN0902 when the output folder is the root of the file system, which has no folder beside it.</exception>
    internal static string FolderFor(string outputFolder) =>
        Path.GetDirectoryName(outputFolder) is { } parent
            ? Path.Combine(parent, FolderName, "cache", Path.GetFileName(outputFolder))
            : throw new BuildException(Diagnostic.Error(outputFolder.Length == 0 ? "/" : outputFolder, 1, 1, "AN0902", "the output folder cannot be the root of the file system"));

    /// <summary>Removes the cache of <paramref name="outputFolder"/>, and the cache folders it leaves empty; true if there was one.</summary>
    public static bool Clean(string outputFolder)
    {
        var folder = FolderFor(Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder)) return false;
        Directory.Delete(folder, recursive: true);
        for (var parent = Path.GetDirectoryName(folder); parent is not null && Path.GetFileName(parent) is "cache" or FolderName; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.EnumerateFileSystemEntries(parent).Any()) break;
            Directory.Delete(parent);
        }
        return true;
    }

    /// <summary>Whether the cache of <paramref name="options"/>' output holds typeset formulas, without fingerprinting anything.</summary>
    public static bool HasFormulas(BuildOptions options)
    {
        var output = Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar);
        return Path.GetDirectoryName(output) is not null && File.Exists(Path.Combine(FolderFor(output), Typesetting.FormulaStore.FileName));
    }

    /// <summary>Fingerprints the inputs now, before the build reads any of them, so an edit during the build is seen by the next one.</summary>
    public static BuildCache Open(BuildOptions options) =>
        new(Path.GetFullPath(options.OutputFolder).TrimEnd(Path.DirectorySeparatorChar), options.TemplatesFolder, InputFingerprint.Compute(options));

    /// <summary>The recorded result when the output folder is already what this build would write; null otherwise.</summary>
    public CacheRecord? TryReuse()
    {
        CacheRecord? record;
        try
        {
            record = File.Exists(recordPath) ? JsonSerializer.Deserialize(File.ReadAllText(recordPath), SiteJson.Default.CacheRecord) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
        if (record is null || record.Fingerprint != Fingerprint || record.Output.IsDefault) return null;
        return Stamp(outputFolder).SequenceEqual(record.Output) ? record : null;
    }

    public void Save(ImmutableArray<Diagnostic> diagnostics, ImmutableSortedDictionary<string, int> pagesPerCulture)
    {
        var record = new CacheRecord(Fingerprint, diagnostics, pagesPerCulture, Stamp(outputFolder));
        CacheFileWriter.Write(recordPath, stream => JsonSerializer.Serialize(stream, record, SiteJson.Default.CacheRecord));
    }

    /// <summary>
    /// Runs the writes that record a successful build for the next one. A cache that cannot be written (a read-only
    /// disk, no space) only makes the next build slower, so it never fails a build that has already published.
    /// </summary>
    public static void Record(Action write)
    {
        try { write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The identifier bindings the last successful build recorded, or null; the highlighter checks they still apply.</summary>
    internal HighlightRecording? ReadBindings() => HighlightRecordingFile.Read(bindingsPath);

    /// <summary>An earlier build left bindings that this one may replay.</summary>
    internal bool HasBindings => File.Exists(bindingsPath);

    internal void SaveBindings(HighlightRecording recording) => HighlightRecordingFile.Write(bindingsPath, recording);

    private static ImmutableArray<OutputStamp> Stamp(string folder) => !Directory.Exists(folder) ? [] :
    [
        .. new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => new OutputStamp(Path.GetRelativePath(folder, f.FullName).Replace('\\', '/'), f.Length, f.LastWriteTimeUtc.Ticks))
            .OrderBy(s => s.Path, StringComparer.Ordinal),
    ];
}
