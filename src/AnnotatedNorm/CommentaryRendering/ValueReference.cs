using System.Text.RegularExpressions;

namespace AnnotatedNorm.CommentaryRendering;

/// <summary>
/// The syntax of a reference from commentary to a value an example returned: <c>{{Example.name}}</c>, the example's
/// method name and the value's name (spec 09).
/// </summary>
public static partial class ValueReference
{
    [GeneratedRegex(@"\{\{(?<reference>(?<example>[\p{L}_][\p{L}\p{Nd}_]*)\.(?<name>[\p{L}_][\p{L}\p{Nd}_]*))\}\}")]
    public static partial Regex Pattern();

    /// <summary>The example's method name and the value's name of a reference as the pattern captured it.</summary>
    public static (string Example, string Name) Split(string reference)
    {
        var dot = reference.LastIndexOf('.');
        return (reference[..dot], reference[(dot + 1)..]);
    }
}
