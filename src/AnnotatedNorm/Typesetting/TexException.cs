namespace AnnotatedNorm.Typesetting;

/// <summary>A formula KaTeX refused to typeset, with where in the TeX it stopped when KaTeX knows.</summary>
/// <param name="message">KaTeX's own explanation, without its context excerpt.</param>
/// <param name="position">0-based offset into the TeX, or null when KaTeX gave none.</param>
public sealed class TexException(string message, int? position) : Exception(message)
{
    public int? Position { get; } = position;
}
