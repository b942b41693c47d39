namespace AnnotatedNorm.Configuration;

/// <summary>Which dollar signs in commentary are math, as <c>site.json</c>'s <c>"math"</c> sets it.</summary>
public enum MathDelimiters
{
    /// <summary><c>"dollars"</c>: <c>$…$</c> inline and <c>$$…$$</c> display math.</summary>
    Dollars,

    /// <summary><c>"display-only"</c>: only <c>$$…$$</c> is math; a single <c>$</c> is text.</summary>
    DisplayOnly,

    /// <summary><c>"none"</c>: no math at all; every <c>$</c> is text.</summary>
    None,
}
