namespace AnnotatedNorm;

/// <summary>Where a running build is: the stage it entered and how many pages are done, for a progress display.</summary>
/// <param name="PagesDone">Pages rendered so far across all cultures.</param>
/// <param name="PagesTotal">Pages to render across all cultures; 0 outside the render stage.</param>
public sealed record BuildProgress(string Stage, int PagesDone, int PagesTotal);
