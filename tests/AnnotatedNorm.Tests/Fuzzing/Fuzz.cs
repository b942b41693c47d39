using AnnotatedNorm.Diagnostics;
using CsCheck;

namespace AnnotatedNorm.Tests.Fuzzing;

/// <summary>
/// Runs a property over hostile inputs: first the input of a fixed seed, then random ones for a bounded time (a few
/// seconds, or <c>ANNOTATEDNORM_FUZZ_SECONDS</c> each). CsCheck shrinks a failure and prints the seed that reproduces it.
/// </summary>
public static class Fuzz
{
    /// <summary>A CsCheck seed, replayed first on every run so that one input is always the same.</summary>
    public const string FixedSeed = "1xn1HwIbwfUS";

    public static int Seconds =>
        int.TryParse(Environment.GetEnvironmentVariable("ANNOTATEDNORM_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? seconds : 3;

    public static void Check<T>(Gen<T> inputs, Action<T> property, int threads = 1)
    {
        inputs.Sample(property, seed: FixedSeed, iter: 1, threads: 1);
        inputs.Sample(property, time: Seconds, threads: threads);
    }

    /// <summary>Runs <paramref name="read"/>; a <see cref="BuildException"/> passes when its position lies inside <paramref name="text"/>, any other exception fails.</summary>
    public static void OnlyBuildErrorsInside(string text, Action read)
    {
        try
        {
            read();
        }
        catch (BuildException e)
        {
            AssertInside(e.Diagnostic, text);
        }
    }

    public static void AssertInside(Diagnostic diagnostic, string text)
    {
        var (lines, columns) = HostileText.Extent(text);
        Assert.True(diagnostic.Line >= 1 && diagnostic.Line <= lines && diagnostic.Column >= 1 && diagnostic.Column <= columns,
            $"{diagnostic} lies outside the input ({lines} lines, {columns - 1} columns at most)");
    }
}
