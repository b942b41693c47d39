using System.Globalization;
using System.Text.RegularExpressions;

namespace AnnotatedNorm.Discovery;

/// <summary>Which of a multi-targeted project's frameworks the site shows: the newest .NET one.</summary>
/// <remarks>
/// A site has one page per file, so one framework's view of each <c>#if</c>. The newest .NET is the code the library
/// is moving towards; the branches for older frameworks are usually polyfills of what it already has. Order: a
/// framework without an OS suffix (<c>net8.0</c>) before one with (<c>net10.0-windows</c>, whose references may need a
/// workload the machine lacks); then <c>net5.0</c> and later, <c>netcoreapp</c>, <c>netstandard</c>, .NET Framework;
/// within each the higher version; then the order of <c>TargetFrameworks</c>.
/// </remarks>
public static partial class TargetFrameworkChoice
{
    public static string? Preferred(string targetFrameworks)
    {
        var listed = targetFrameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return listed.Select((name, order) => (name, order, rank: Rank(name)))
            .OrderBy(f => f.rank.HasPlatform)
            .ThenByDescending(f => f.rank.Family)
            .ThenByDescending(f => f.rank.Version)
            .ThenBy(f => f.order)
            .Select(f => f.name)
            .FirstOrDefault();
    }

    private static (int Family, Version Version, bool HasPlatform) Rank(string moniker)
    {
        var match = Moniker().Match(moniker.ToLowerInvariant());
        if (!match.Success) return (-1, new Version(), true);
        var family = match.Groups["family"].Value;
        var digits = match.Groups["version"].Value;
        var version = digits.Contains('.')
            ? Version.TryParse(digits, out var dotted) ? dotted : new Version()
            // net48, net472: one digit per part.
            : new Version(int.Parse(digits[..1], CultureInfo.InvariantCulture), digits.Length > 1 ? int.Parse(digits[1..2], CultureInfo.InvariantCulture) : 0);
        var hasPlatform = match.Groups["platform"].Success;
        return family switch
        {
            "net" when version.Major >= 5 => (3, version, hasPlatform),
            "netcoreapp" => (2, version, hasPlatform),
            "netstandard" => (1, version, hasPlatform),
            _ => (0, version, hasPlatform),
        };
    }

    [GeneratedRegex(@"^(?<family>netcoreapp|netstandard|net)(?<version>\d+(\.\d+)*)(?<platform>-.+)?$")]
    private static partial Regex Moniker();
}
