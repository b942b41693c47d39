namespace AnnotatedNorm.Highlighting;

/// <summary>The CSS class names that highlighted code uses; the site stylesheet colours them.</summary>
public static class HighlightClasses
{
    public const string Keyword = "kw";
    public const string ControlKeyword = "ctl";
    public const string Type = "ty";
    public const string TypeParameter = "tp";
    public const string Namespace = "ns";
    public const string Method = "me";
    public const string Parameter = "pa";
    public const string Local = "lo";
    public const string Field = "fi";
    public const string Property = "pr";
    public const string Event = "ev";
    public const string EnumMember = "em";
    public const string Constant = "co";
    public const string String = "st";
    public const string StringEscape = "es";
    public const string Number = "nu";
    public const string Comment = "cm";
    public const string DocComment = "doc";
    public const string Preprocessor = "pp";
    public const string DisabledText = "dis";

    /// <summary>Added to the class of the identifier that declares a symbol.</summary>
    public const string Declaration = "decl";
}
