using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Discovery;

/// <summary>
/// Asks MSBuild what a project compiles with, by running <c>dotnet msbuild -restore -getProperty -getItem</c> in a child
/// process: the SDK's own evaluation, with its imports, <c>Directory.Build.props</c> and package references, read as JSON.
/// </summary>
/// <remarks>
/// A child process rather than MSBuild loaded into the generator (Microsoft.Build with Microsoft.Build.Locator): the
/// generator then carries no MSBuild assemblies, runs where only the SDK's <c>dotnet</c> is on the path, and cannot
/// clash with the Roslyn it ships; the answer is cached (<see cref="Session.ProjectSettingsStore"/>), so the 2-3 s it takes
/// are paid only when the project or its restore changes. The project is evaluated in the Release configuration,
/// the one a library is packed and published in, so <c>#if DEBUG</c> code shows as disabled.
/// </remarks>
public static partial class MSBuildProjectEvaluator
{
    public const string EvaluationFailed = "AN0112";
    public const string NotRestored = "AN0113";

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private const string ReadTargets = "-t:AddImplicitDefineConstants;FindReferenceAssembliesForReferences";
    private static readonly string[] Properties = ["TargetFramework", "ProjectAssetsFile", "DefineConstants", "LangVersion", "Nullable"];
    private static readonly string[] Items = ["Using", "ReferencePathWithRefAssemblies"];

    private static string[] Release(string framework) =>
        ["-p:Configuration=Release", "-p:BuildProjectReferences=false", .. framework.Length > 0 ? [$"-p:TargetFramework={framework}"] : Array.Empty<string>()];

    /// <summary>The project's settings; MSBuild's failure, or a project that is not restored, is told to <paramref name="diagnostics"/>.</summary>
    /// <returns>Null when MSBuild could not evaluate the project (missing SDK, a project error): the caller falls back.</returns>
    public static ProjectSettings? Evaluate(string projectPath, DiagnosticBag diagnostics)
    {
        var display = SiteInput.Display(projectPath);
        // One process restores the project, as 'dotnet build' does (a fresh clone's project is then read whole, and an
        // up-to-date restore costs NuGet a look at its cache file), evaluates it and runs the targets that add the
        // framework's symbols (NET8_0_OR_GREATER…) and resolve the references.
        string? failure = null;
        var answer = Run(projectPath, display, new DiagnosticBag(), ["-restore", .. Release(""), ReadTargets], Properties, Items, error => failure = error);
        var restored = answer is not null;
        var framework = answer?.Properties["TargetFramework"] ?? "";
        if (answer is null)
        {
            // A multi-targeted project has those targets only within one of its frameworks (MSB4057 without one), and a
            // restore can fail (a package that cannot be found, no network). Evaluation alone says which framework to ask about.
            var evaluated = Run(projectPath, display, diagnostics, [], ["TargetFramework", "TargetFrameworks"], []);
            if (evaluated is null) return null;
            framework = evaluated.Value.Properties["TargetFramework"] is { Length: > 0 } single ? single
                : TargetFrameworkChoice.Preferred(evaluated.Value.Properties["TargetFrameworks"]) ?? "";
            if (failure?.Contains("MSB4057", StringComparison.Ordinal) == true)
            {
                failure = null;
                answer = Run(projectPath, display, new DiagnosticBag(), [.. Release(framework), ReadTargets], Properties, Items, error => failure = error);
                restored = answer is not null;
            }
            // The assets file a failed restore leaves holds only its errors, so the project is read for its symbols alone.
            answer ??= Run(projectPath, display, diagnostics, [.. Release(framework), "-t:AddImplicitDefineConstants"], Properties, ["Using"]);
            if (answer is null) return null;
        }
        var assets = answer.Value.Properties["ProjectAssetsFile"];
        restored = restored && assets.Length > 0 && File.Exists(assets);
        if (!restored)
            diagnostics.Add(Diagnostic.Warning(display, 1, 1, NotRestored, failure is null
                ? $"the project is not restored, so its package and project references are not known (run 'dotnet restore {display}'); highlighting uses the framework and 'references' of site.json"
                : $"the project cannot be restored ({failure}), so its package and project references are not known; highlighting uses the framework and 'references' of site.json"));
        var (properties, items) = answer.Value;
        return new ProjectSettings(
            Path.GetFullPath(projectPath),
            framework,
            [.. properties["DefineConstants"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)],
            properties["LangVersion"],
            properties["Nullable"],
            items.GetValueOrDefault("Using", []),
            items.GetValueOrDefault("ReferencePathWithRefAssemblies", []),
            [.. InputsOf(projectPath, assets)])
        {
            Restored = restored,
        };
    }

    /// <summary>
    /// The files an evaluation depends on besides the SDK: the project, the assets file of its restore, and every
    /// <c>Directory.Build.props</c>, <c>Directory.Build.targets</c>, <c>Directory.Packages.props</c> and <c>global.json</c>
    /// that is or could be above it (a missing one is listed too, so adding it later is a change).
    /// </summary>
    public static IEnumerable<string> InputsOf(string projectPath, string assetsFile)
    {
        var full = Path.GetFullPath(projectPath);
        yield return full;
        if (assetsFile.Length > 0) yield return Path.GetFullPath(assetsFile);
        for (var folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            foreach (var name in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json"])
                yield return Path.Combine(folder, name);
    }

    private static (Dictionary<string, string> Properties, Dictionary<string, ImmutableArray<string>> Items)? Run(
        string projectPath, string display, DiagnosticBag diagnostics, string[] arguments, string[] properties, string[] items, Action<string>? failed = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!,
        };
        foreach (var argument in (string[])["msbuild", Path.GetFullPath(projectPath), "-nologo", "-nodeReuse:false", "-verbosity:quiet", .. arguments])
            start.ArgumentList.Add(argument);
        foreach (var property in properties) start.ArgumentList.Add($"-getProperty:{property}");
        foreach (var item in items) start.ArgumentList.Add($"-getItem:{item}");
        // Set when the generator itself runs under dotnet run or dotnet test; they would point the child at that MSBuild.
        foreach (var variable in (string[])["MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"])
            start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        ChildProcessResult msbuild;
        try
        {
            msbuild = ChildProcess.Run(start, Patience, keepStandardOutput: true);
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            diagnostics.Add(Diagnostic.Warning(display, 1, 1, EvaluationFailed, $"cannot run 'dotnet msbuild' to read the project ({e.Message}); install the .NET SDK; highlighting uses the defaults"));
            return null;
        }
        if (!msbuild.Finished)
        {
            diagnostics.Add(Diagnostic.Warning(display, 1, 1, EvaluationFailed, $"MSBuild did not answer within {Patience.TotalMinutes:F0} minutes; highlighting uses the defaults"));
            return null;
        }
        var output = msbuild.StandardOutput;
        if (msbuild.ExitCode != 0)
        {
            // MSBuild writes its errors to the standard output; the tail adds what it wrote to the standard error.
            var printed = output + "\n" + msbuild.OutputTail;
            if (failed is not null) failed(FirstError(Path.GetFullPath(projectPath), printed).Message);
            else diagnostics.Add(Failure(Path.GetFullPath(projectPath), display, printed));
            return null;
        }
        return Read(output, properties, items) ?? Fallback(display, diagnostics, output);
    }

    private static (Dictionary<string, string>, Dictionary<string, ImmutableArray<string>>)? Fallback(string display, DiagnosticBag diagnostics, string output)
    {
        diagnostics.Add(Diagnostic.Warning(display, 1, 1, EvaluationFailed, $"MSBuild's answer about the project could not be read: {FirstLine(output)}"));
        return null;
    }

    private static (Dictionary<string, string>, Dictionary<string, ImmutableArray<string>>)? Read(string output, string[] properties, string[] items)
    {
        var start = output.IndexOf('{');
        if (start < 0) return null;
        try
        {
            using var document = JsonDocument.Parse(output[start..]);
            var root = document.RootElement;
            var values = properties.ToDictionary(p => p, p =>
                root.TryGetProperty("Properties", out var all) && all.TryGetProperty(p, out var value) ? value.GetString() ?? "" : "", StringComparer.Ordinal);
            var lists = items.ToDictionary(i => i, i =>
                root.TryGetProperty("Items", out var all) && all.TryGetProperty(i, out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => e.GetProperty("Identity").GetString() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray()
                    : [], StringComparer.Ordinal);
            return (values, lists);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>MSBuild's first error, at its own position when it names the project file, else at the project.</summary>
    private static Diagnostic Failure(string fullPath, string display, string output)
    {
        var (line, column, message) = FirstError(fullPath, output);
        return Diagnostic.Warning(display, line, column, EvaluationFailed, $"MSBuild cannot evaluate the project: {message}; highlighting uses the defaults");
    }

    private static (int Line, int Column, string Message) FirstError(string fullPath, string output)
    {
        var first = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal)) ?? FirstLine(output);
        var match = PositionedError().Match(first);
        var (line, column) = match.Success && match.Groups[1].Value == fullPath
            ? (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (1, 1);
        return (line, column, first.IndexOf(": error ", StringComparison.Ordinal) is >= 0 and var at ? first[(at + 2)..] : first);
    }

    private static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no output";

    [GeneratedRegex(@"^(.*?)\((\d+),(\d+)\): error ")]
    private static partial Regex PositionedError();
}
