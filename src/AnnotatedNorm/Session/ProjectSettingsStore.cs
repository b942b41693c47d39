using System.Collections.Immutable;
using System.Text.Json;
using AnnotatedNorm.Discovery;

namespace AnnotatedNorm.Session;

/// <summary>What MSBuild said about the content's project, kept with the identity of every file the answer came from.</summary>
public sealed record StoredProjectSettings(ImmutableArray<string> Stamps, ProjectSettings Settings);

/// <summary>
/// Keeps MSBuild's answer about the content's project (<see cref="MSBuildProjectEvaluator"/>) in memory for the
/// session and in <c>project.json</c> of the build cache, so that a warm build does not start MSBuild.
/// </summary>
/// <remarks>
/// An answer is reused only while every file it was made from has the <see cref="FileIdentity.Stamp"/> it had: the
/// project, its assets file, the <c>Directory.Build.*</c> files above it (present or not) and the reference assemblies.
/// Only the answer for a restored project is kept: an unrestored one is asked again, so its warning is told each time.
/// </remarks>
public sealed class ProjectSettingsStore
{
    public const string FileName = "project.json";

    private readonly string? file;
    private StoredProjectSettings? last;

    /// <param name="cacheFolder">The build cache's folder, or null to keep the answer in memory only.</param>
    public ProjectSettingsStore(string? cacheFolder) => file = cacheFolder is null ? null : Path.Combine(cacheFolder, FileName);

    /// <summary>The stored answer for <paramref name="projectPath"/> if every file it came from is unchanged; null otherwise.</summary>
    public ProjectSettings? Read(string projectPath)
    {
        var full = Path.GetFullPath(projectPath);
        var stored = last ?? ReadFile(file);
        last = stored is not null && stored.Settings.ProjectPath == full && stored.Stamps.SequenceEqual(StampsOf(stored.Settings)) ? stored : null;
        Reused = last is not null;
        return last?.Settings;
    }

    /// <summary>Whether the last <see cref="Read"/> found an answer that still holds, so MSBuild was not asked.</summary>
    public bool Reused { get; private set; }

    /// <summary>The stamps of the files behind the last answer read or saved; empty when there is none.</summary>
    public ImmutableArray<string> Stamps => last?.Stamps ?? [];

    public void Save(ProjectSettings settings)
    {
        (last, Reused) = (null, false);
        if (!settings.Restored) return;
        last = new StoredProjectSettings(StampsOf(settings), settings);
        if (file is not null)
            BuildCache.Record(() => CacheFileWriter.Write(file, stream => JsonSerializer.Serialize(stream, last, SiteJson.Default.StoredProjectSettings)));
    }

    /// <summary>The stamps of the files behind the answer stored in <paramref name="cacheFolder"/>, for the build's input fingerprint; empty without one.</summary>
    public static IEnumerable<string> FingerprintOf(string cacheFolder) =>
        ReadFile(Path.Combine(cacheFolder, FileName)) is { } stored ? StampsOf(stored.Settings) : [];

    private static ImmutableArray<string> StampsOf(ProjectSettings settings) =>
        [.. settings.Inputs.Concat(settings.ReferencePaths).Select(FileIdentity.Stamp)];

    private static StoredProjectSettings? ReadFile(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), SiteJson.Default.StoredProjectSettings);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
