using System.Globalization;
using AnnotatedNorm.Examples;

namespace AnnotatedNorm.Normalization.Tests;

/// <summary>What each page's example shows, asserted: the figure or table shows the claim, these tests guarantee it.</summary>
public sealed class ExampleClaimTests
{
    [Fact]
    public void Layer_Norm_One_Pass_Variance_Loses_Its_Digits_Where_The_Centered_One_Keeps_Them()
    {
        var figure = (Figure)LayerNormFunction.CancellationError()[0];
        var (onePass, centered) = (figure.Series[0].Y, figure.Series[1].Y);
        // Means 1, 10, 100: both formulas are close; means 10^4 and 10^5: the one-pass error is the size of the variance itself.
        Assert.All(centered, e => Assert.True(e < 1e-3, $"centered error {e}"));
        Assert.True(onePass[4] > 0.5 && onePass[5] > 0.5, $"one-pass errors {onePass[4]}, {onePass[5]}");
        Assert.True(onePass[0] < 1e-3, $"one-pass error near 1: {onePass[0]}");
        // The prose quotes the one-pass result at a mean of 10^4 against the true variance, "rounding noise".
        var quoted = LayerNormFunction.CancellationError().OfType<NamedValue>().ToDictionary(v => v.Name, v => double.Parse(v.Text, CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(quoted["onePass4"] - quoted["exact4"]) > 0.5, $"one-pass {quoted["onePass4"]}, exact {quoted["exact4"]}");
    }

    [Fact]
    public void Batch_Norm_Training_And_Evaluation_Drift_Apart_As_The_Batch_Shrinks()
    {
        var results = BatchNorm.TrainEvalGap();
        var gaps = ((Figure)results[0]).Series[0].Y;
        Assert.True(gaps[0] > 4 * gaps[^1], $"gap at batch 2: {gaps[0]}, at 256: {gaps[^1]}");
        for (var i = 1; i < gaps.Length; i++) Assert.True(gaps[i] < gaps[i - 1], $"gap does not shrink at index {i}: {string.Join(", ", gaps)}");
        // The prose quotes the two ends, and calls the gap at 2 "a large fraction" of a standard deviation of 1.
        var quoted = results.OfType<NamedValue>().ToDictionary(v => v.Name, v => double.Parse(v.Text, CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(gaps[0], 2), quoted["gap2"]);
        Assert.Equal(Math.Round(gaps[^1], 2), quoted["gap256"]);
        Assert.True(quoted["gap2"] > 0.5, $"gap at batch 2: {quoted["gap2"]}");
    }

    [Fact]
    public void Group_Norm_Output_Does_Not_Depend_On_The_Batch_While_Batch_Norm_Does()
    {
        var table = GroupNorm.BatchIndependence();
        Assert.All(table.Rows, row => Assert.Equal(0, double.Parse(row[1], CultureInfo.InvariantCulture)));
        Assert.All(table.Rows.Skip(1), row => Assert.True(double.Parse(row[2], CultureInfo.InvariantCulture) > 0.01, row[2]));
    }

    [Fact]
    public void Rms_Norm_Keeps_The_Mean_That_Layer_Norm_Removes()
    {
        var (_, rms, layer) = (RmsNorm.KeepsTheMean()[0], RmsNorm.KeepsTheMean()[1], RmsNorm.KeepsTheMean()[2]);
        Assert.True(rms.Mean > 0.9, $"RMS mean {rms.Mean}");
        Assert.True(Math.Abs(layer.Mean) < 1e-6 && Math.Abs(layer.Std - 1) < 0.01, $"layer mean {layer.Mean}, std {layer.Std}");
    }

    [Fact]
    public void Instance_Norm_Gives_The_Same_Output_For_Any_Contrast_And_Brightness()
    {
        var series = InstanceNorm.ContrastRemoved().Series[0];
        Assert.All(series.X.Zip(series.Y), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-4, $"{p.First} against {p.Second}"));
    }

    [Fact]
    public void Batch_Channel_Norm_Output_Is_Centered_With_Unit_Spread()
    {
        var figure = BatchChannelNorm.BeforeAndAfter();
        var output = figure.Series[1].Y;
        var mean = output.Average();
        var std = Math.Sqrt(output.Average(v => (v - mean) * (v - mean)));
        Assert.True(Math.Abs(mean) < 1e-6 && Math.Abs(std - 1) < 0.01, $"mean {mean}, std {std}");
        Assert.True(figure.Series[0].Y.Max() - figure.Series[0].Y.Min() > 10 * (output.Max() - output.Min()) / 4);
    }

    [Fact]
    public void Deep_Norm_Alpha_Grows_And_Beta_Shrinks_With_Depth()
    {
        var figure = DeepNormScales.ConstantsByDepth();
        var (alpha, beta) = (figure.Series[0].Y, figure.Series[1].Y);
        for (var i = 1; i < alpha.Length; i++) Assert.True(alpha[i] > alpha[i - 1] && beta[i] < beta[i - 1]);
        Assert.Equal(Math.Pow(2000, 0.25), alpha[^1], 12);
    }

    [Fact]
    public void Weight_Standardization_Leaves_Every_Filter_With_Mean_Zero_And_Spread_Just_Under_One()
    {
        var after = WeightStandardization.FilterStatistics().Rows[1];
        Assert.True(double.Parse(after[1], CultureInfo.InvariantCulture) < 1e-9, after[1]);
        var std = double.Parse(after[2], CultureInfo.InvariantCulture);
        Assert.True(std is < 1 and > 0.99, after[2]);
    }
}
