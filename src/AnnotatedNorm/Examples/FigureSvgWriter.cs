using System.Globalization;
using System.Text.RegularExpressions;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace AnnotatedNorm.Examples;

/// <summary>
/// Draws an example's figure with OxyPlot as SVG that belongs to the page: it scales to the column (a viewBox, no fixed
/// size), and its text, axes and series take their colours from the page's CSS, so they follow the theme toggle.
/// </summary>
/// <remarks>
/// OxyPlot is managed code from end to end: it measures text with fixed font metrics (its PDF context) rather than the
/// fonts of the machine, so the same figure is the same bytes everywhere. Colours are drawn in marker values that no
/// figure uses, then replaced by <c>currentColor</c> and CSS variables.
/// </remarks>
public static partial class FigureSvgWriter
{
    public const double Width = 480;
    public const double Height = 300;
    private const int Palette = 4;

    private static readonly OxyColor Text = OxyColor.FromRgb(1, 2, 3);
    private static readonly OxyColor Grid = OxyColor.FromRgb(1, 2, 4);

    private static OxyColor SeriesColor(int index) => OxyColor.FromRgb(1, 2, (byte)(10 + index % Palette));

    /// <summary>The SVG element of <paramref name="figure"/>, its labels already translated; the title is the figure's caption, not drawn.</summary>
    public static string Write(FigureData figure, string id, string description)
    {
        var model = new PlotModel
        {
            DefaultFontSize = 13,
            TextColor = Text,
            PlotAreaBorderColor = Text,
            Background = OxyColors.Undefined,
            Culture = CultureInfo.InvariantCulture,
            // Text is measured with the metrics of Helvetica, which Arial and Liberation Sans share, so labels are
            // placed for the font the browser draws them in.
            DefaultFont = "Arial",
        };
        model.Axes.Add(Axis(new LinearAxis(), AxisPosition.Bottom, figure.XLabel));
        model.Axes.Add(Axis(figure.LogY ? new LogarithmicAxis() : new LinearAxis(), AxisPosition.Left, figure.YLabel));
        for (var i = 0; i < figure.Series.Length; i++)
            model.Series.Add(Series(figure.Kind, figure.Series[i], SeriesColor(i)));
        if (figure.Series.Length > 1 || figure.Series.Any(s => s.Label.Length > 0 && figure.Kind is "Line" or "Scatter"))
            model.Legends.Add(new Legend
            {
                LegendPosition = LegendPosition.TopRight, LegendTextColor = Text, LegendBorder = OxyColors.Undefined,
                LegendBackground = OxyColors.Undefined, LegendFontSize = 12,
            });
        var svg = SvgExporter.ExportToString(model, Width, Height, isDocument: false, new PdfRenderContext(Width, Height, OxyColors.Undefined));
        return Themed(svg, id, description);
    }

    private static Axis Axis(Axis axis, AxisPosition position, string title)
    {
        axis.Position = position;
        axis.Title = title;
        axis.TextColor = Text;
        axis.TitleColor = Text;
        axis.AxislineColor = Text;
        axis.TicklineColor = Text;
        axis.MajorGridlineStyle = LineStyle.Solid;
        axis.MajorGridlineColor = Grid;
        axis.MinorTickSize = 0;
        axis.StringFormat = "G4";
        axis.AxisTitleDistance = 8;
        axis.MinimumPadding = 0.03;
        axis.MaximumPadding = 0.06;
        return axis;
    }

    private static Series Series(string kind, SeriesData data, OxyColor color)
    {
        switch (kind)
        {
            case "Scatter":
                var scatter = new ScatterSeries { Title = data.Label, MarkerFill = color, MarkerType = MarkerType.Circle, MarkerSize = 3 };
                for (var i = 0; i < data.X.Length; i++) scatter.Points.Add(new ScatterPoint(data.X[i], data.Y[i]));
                return scatter;
            case "Histogram":
                var histogram = new HistogramSeries { Title = data.Label, FillColor = color, StrokeColor = color, StrokeThickness = 0 };
                foreach (var (start, end, count) in Bins(data.Y, 30)) histogram.Items.Add(new HistogramItem(start, end, count * (end - start), count));
                return histogram;
            case "Bar":
                var bars = new RectangleBarSeries { Title = data.Label, FillColor = color, StrokeColor = color };
                for (var i = 0; i < data.X.Length; i++) bars.Items.Add(new RectangleBarItem(data.X[i] - 0.4, 0, data.X[i] + 0.4, data.Y[i]));
                return bars;
            default:
                var line = new LineSeries { Title = data.Label, Color = color, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerFill = color, MarkerSize = 3 };
                for (var i = 0; i < data.X.Length; i++) line.Points.Add(new DataPoint(data.X[i], data.Y[i]));
                return line;
        }
    }

    // Equal-width bins over the range of the values: the data of a histogram, which OxyPlot then draws.
    private static IEnumerable<(double Start, double End, int Count)> Bins(double[] values, int bins)
    {
        if (values.Length == 0) yield break;
        var (low, high) = (values.Min(), values.Max());
        if (high <= low) high = low + 1;
        var width = (high - low) / bins;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - low) / width))]++;
        for (var i = 0; i < bins; i++) yield return (low + i * width, low + (i + 1) * width, counts[i]);
    }

    private static string Themed(string svg, string id, string description)
    {
        svg = MarkerColor().Replace(svg, m => m.Groups["b"].Value switch
        {
            "3" => "currentColor",
            "4" => "var(--figure-grid)",
            var b => $"var(--figure-{int.Parse(b, CultureInfo.InvariantCulture) - 9})",
        });
        // Several figures share a page: their clip paths get ids of their own.
        svg = svg.Replace("clipPath", id + "-clip", StringComparison.Ordinal);
        // The drawing's own size becomes its viewBox, so it scales with its column; the description is what a screen reader says.
        var body = svg[svg.IndexOf('>', svg.IndexOf("<svg", StringComparison.Ordinal)) ..];
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" class=\"figure-svg\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(description)}\"" + body.TrimEnd();
    }

    [GeneratedRegex(@"rgb\(1,2,(?<b>\d+)\)")]
    private static partial Regex MarkerColor();
}
