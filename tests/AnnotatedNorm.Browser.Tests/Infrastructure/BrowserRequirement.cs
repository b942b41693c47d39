namespace AnnotatedNorm.Browser.Tests.Infrastructure;

/// <summary>Decides whether the browser tests run, skip, or must fail because Chromium is missing.</summary>
public static class BrowserRequirement
{
    public const string Variable = "ANNOTATEDNORM_BROWSER_TESTS";

    /// <summary>Names another Chromium binary, for systems that do not install it where Debian does.</summary>
    public const string PathVariable = "ANNOTATEDNORM_CHROMIUM";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string SkipReason =>
        $"Chromium not found at {ChromiumPath}: install chromium (apt-get install chromium) or set {Variable}=require";

    /// <summary>CI sets the variable so that a missing browser is a failure, not a silent skip.</summary>
    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "require", StringComparison.OrdinalIgnoreCase);

    public static bool IsChromiumInstalled => File.Exists(ChromiumPath);

    public static bool ShouldRun => IsChromiumInstalled || IsRequired;
}

/// <summary>A fact that needs Chromium: skipped with a reason when it is absent, unless browser tests are required.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserRequirement.ShouldRun) Skip = BrowserRequirement.SkipReason;
    }
}

/// <summary>A theory that needs Chromium, skipped like <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserRequirement.ShouldRun) Skip = BrowserRequirement.SkipReason;
    }
}
