using CsCheck;

namespace AnnotatedNorm.Tests.Fuzzing;

/// <summary>
/// Text shaped like what authors, translators and XLIFF editors can hand the build: the delimiters of every syntax the
/// inputs mix (Markdown, TeX, YAML, XML, C# comments), entities, control characters and lone surrogates, deep nesting
/// and long repetitions, rather than only random characters.
/// </summary>
public static class HostileText
{
    private static readonly Gen<string> Piece = Gen.OneOf(
        "a", "x", "γ", "正規化", " ", "\t", "    ", "\n", "\r\n", "\r", "\u2028", "\u0085", "\0", "\u0001", "\u001b", "\uFEFF", "\uD800", "\uDC00", "\u202E",
        "$", "$$", "\\$", "\\", "{", "}", "[", "]", "(", ")", "`", "```", "~~~", "*", "**", "_", "#", "## ", ">", "- ", "1. ", "|", "|---|", "---", ":", "!",
        "<", "&", "&amp;", "&#0;", "&#x1F600;", "&#xD800;", "&lt;script&gt;", "<script>alert(1)</script>", "<iframe src=javascript:alert(1)>", "<!--", "-->",
        "<![CDATA[", "]]>", "\"", "'", "%", "@", "\\frac{", "\\sqrt[", "\\begin{matrix}", "\\end{matrix}", "\\def\\a{\\a\\a}\\a", "\\href{javascript:alert(1)}{x}",
        "\\htmlClass{x}{y}", "^^", "[x](javascript:alert(1))", "![i](../../../etc/passwd)", "[^1]", "[^1]: note", "<see cref=\"X\"/>", "cref:", "<g id=\"1\">", "</g>",
        "<x id=\"2\"/>", "&e;", "title:", "summary:", "? ", "&anchor ", "*anchor", "!!binary ", "%YAML 1.2", "|-", "//", "/*", "*/", "///");

    /// <summary>How often a piece repeats: mostly once, sometimes hundreds or thousands of times.</summary>
    private static readonly Gen<int> Repeats = Gen.Int[0, 40].Select(k => k switch { < 34 => 1, < 37 => 8, < 39 => 300, _ => 2_000 });

    private static readonly Gen<string> Run = Gen.Select(Piece, Repeats, (piece, n) => string.Concat(Enumerable.Repeat(piece, n)));

    /// <summary>One opening delimiter nested many times around some text, closed or not.</summary>
    private static readonly Gen<string> Nested = Gen.Select(
        Gen.OneOf(("> ", ""), ("- ", ""), ("  ", ""), ("{", "}"), ("[", "]"), ("\\sqrt{", "}"), ("<g id=\"n\">", "</g>"), ("*", "*"), ("(", ")")),
        Gen.Int[1, 400], Gen.Bool, Run,
        (pair, depth, closed, inner) => string.Concat(Enumerable.Repeat(pair.Item1, depth)) + inner + (closed ? string.Concat(Enumerable.Repeat(pair.Item2, depth)) : ""));

    /// <summary>One line's worth of hostile text (it may hold line breaks of its own).</summary>
    public static readonly Gen<string> Text = Gen.OneOf(Run.Array[0, 24].Select(string.Concat), Nested);

    /// <summary>Markdown commentary: hostile lines with the block openers Markdown reads at a line's start.</summary>
    public static readonly Gen<string> Markdown = Gen.Select(Gen.OneOf("", "", "# ", "> ", "- ", "1. ", "    ", "| ", "$$", "```", "---", "[^1]: "), Text, (start, text) => start + text)
        .Array[0, 12].Select(lines => string.Join("\n", lines));

    /// <summary>An annotated C# file: hostile text in every kind of comment, between lines of code.</summary>
    public static readonly Gen<string> CSharp = Gen.Select(Gen.OneOf("// ", "//", "/// ", "/* ", " * ", "*/", "    // ", "int x = 1; // ", "var s = \"", "", "// ---"), Text, (start, text) => start + text)
        .Array[0, 16].Select(lines => string.Join("\n", lines));

    /// <summary>The lines between front matter's two <c>---</c>: YAML keys, flow collections, anchors, tags and directives.</summary>
    public static readonly Gen<string> Yaml = Gen.Select(Gen.OneOf("title: ", "summary: ", "title: [", "summary: {", "- ", "? ", "&a ", "*a", "!!str ", "%YAML 1.2", "title: |", "  ", "\t", "title: \"", "<<: *a"), Text, (start, text) => start + text)
        .Array[0, 6].Select(lines => string.Join("\n", lines));

    /// <summary>An XLIFF 1.2 catalog whose units, states, inline tags, entities and declarations are hostile.</summary>
    public static readonly Gen<string> Xliff = Gen.Select(
        Gen.OneOf("", "<!DOCTYPE xliff [<!ENTITY e \"eeeeeeeeee\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;\">]>", "<!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">", "<?pi x?>", "\uFEFF"),
        Gen.OneOf("1.2", "1.2", "2.0", ""),
        Gen.Select(Gen.OneOf("u1", "u1", "title", "", "&e;"), Text, Gen.OneOf("translated", "new", "final", "needs-review-translation", "bogus", ""), Text, Gen.Bool,
            (id, source, state, target, escape) =>
                $"<trans-unit id=\"{id}\"><source>{Escape(source, escape)}</source><target state=\"{state}\">{Escape(target, escape)}</target><note>{Escape(target, true)}</note></trans-unit>")
            .Array[0, 5],
        (prolog, version, units) =>
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{prolog}\n<xliff version=\"{version}\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n" +
            $"<file datatype=\"x-markdown\" source-language=\"en\" target-language=\"ja\" original=\"Demo.cs\"><body>\n{string.Join("\n", units)}\n</body></file></xliff>\n");

    /// <summary>The highest line and column a diagnostic about <paramref name="text"/> can name, counting every line break any reader may honour.</summary>
    public static (int Lines, int Columns) Extent(string text)
    {
        var (lines, longest, current) = (1, 0, 0);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085') { lines++; current = 0; }
            else longest = Math.Max(longest, ++current);
        }
        return (lines, longest + 1);
    }

    // Half the time the text goes in as XML text would be written; otherwise raw, so its '<' and '&' make markup or mistakes.
    private static string Escape(string text, bool escape) =>
        escape ? System.Security.SecurityElement.Escape(text) : text;
}
