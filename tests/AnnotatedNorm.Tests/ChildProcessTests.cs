using System.Diagnostics;

namespace AnnotatedNorm.Tests;

public class ChildProcessTests
{
    [Fact]
    public void Should_Return_The_Whole_Standard_Output_When_Asked_And_Both_Streams_In_The_Tail()
    {
        // Given a program that prints more than the tail keeps to its standard output, and a line to its standard error
        var start = Shell("echo 'a warning' >&2; seq 1 2000");

        // When
        var result = ChildProcess.Run(start, TimeSpan.FromMinutes(1), keepStandardOutput: true);

        // Then the standard output is whole and without the error stream; the tail is the end of what both printed
        Assert.True(result.Finished);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Concat(Enumerable.Range(1, 2000).Select(i => i + "\n")), result.StandardOutput);
        Assert.StartsWith("…", result.OutputTail, StringComparison.Ordinal);
        Assert.Contains("\n2000", result.OutputTail, StringComparison.Ordinal);
        Assert.True(result.OutputTail.Length <= 801, result.OutputTail);
    }

    [Fact]
    public void Should_Put_The_Standard_Error_In_The_Tail()
    {
        // When
        var result = ChildProcess.Run(Shell("echo 'error: it broke' >&2; exit 1"), TimeSpan.FromMinutes(1), keepStandardOutput: true);

        // Then
        Assert.Equal((true, 1, "error: it broke", ""), (result.Finished, result.ExitCode, result.OutputTail, result.StandardOutput));
    }

    [Fact]
    public void Should_Keep_Only_The_Tail_Unless_Asked()
    {
        // When
        var result = ChildProcess.Run(Shell("echo answer; exit 3"), TimeSpan.FromMinutes(1));

        // Then
        Assert.Equal((true, 3, "answer", ""), (result.Finished, result.ExitCode, result.OutputTail, result.StandardOutput));
    }

    [Fact]
    public void Should_Close_The_Input_So_A_Program_Waiting_For_It_Ends()
    {
        // When a program reads its input to the end
        var result = ChildProcess.Run(Shell("cat; echo done"), TimeSpan.FromMinutes(1));

        // Then it sees the end at once rather than waiting for the terminal
        Assert.Equal((true, "done"), (result.Finished, result.OutputTail));
    }

    [Fact]
    public void Should_Stop_A_Program_Past_Its_Time_Limit_With_What_It_Printed()
    {
        // Given a program that prints a line and then hangs
        var watch = Stopwatch.StartNew();

        // When
        var result = ChildProcess.Run(Shell("echo started; sleep 60"), TimeSpan.FromSeconds(1), keepStandardOutput: true);

        // Then it is stopped, not waited for
        Assert.False(result.Finished);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Equal("started", result.OutputTail);
    }

    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }
}
