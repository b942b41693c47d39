namespace AnnotatedNorm.Examples;

/// <summary>A figure as the runner reported it (the content's <c>Figure</c> record).</summary>
public sealed record FigureData(string Kind, string Title, string XLabel, string YLabel, SeriesData[] Series, bool LogY);

/// <summary>One series of a figure.</summary>
public sealed record SeriesData(string Label, double[] X, double[] Y);
