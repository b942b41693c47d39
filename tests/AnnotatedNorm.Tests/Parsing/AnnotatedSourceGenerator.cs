using CsCheck;

namespace AnnotatedNorm.Tests.Parsing;

/// <summary>Random C#-like files built from the fragments the comment convention cares about, valid or not.</summary>
public static class AnnotatedSourceGenerator
{
    private static readonly Gen<string> Word = Gen.OneOf(
        "x", "norm", "γ", "正規化する", "$\\mu$", "//", "/*", "*/", "\"", "'", "{", "}", "<c>", "</c>",
        "<summary>", "&", "<", " ", "\t", "@", "$", "#", "///", "---", "title:", "*", "\\");

    private static readonly Gen<string> Text = Word.Array[0, 6].Select(string.Concat);

    private static readonly Gen<string> Indent = Gen.OneOf("", "  ", "    ", "\t", " \t");

    private static readonly Gen<string> Xml = Gen.OneOf(
        Text,
        Gen.OneOf("<summary>", "</summary>", "<para>", "</para>", "<code>", "</code>", "<see cref=\"X\"/>",
            "<see langword=\"null\"/>", "<paramref name=\"x\"/>", "<list type=\"number\"><item>a</item></list>", "<unclosed", "</remarks>"),
        Text.Select(t => $"<param name=\"x\">{t}</param>"),
        Text.Select(t => $"<returns><c>{t}</c></returns>"));

    private static readonly Gen<string[]> Literal = Gen.OneOf<string[]>(
        ["var s = \"// not a comment /* */\";"],
        ["var v = @\"line", "// inside verbatim", "\"\"quoted\"\" /* x */\";"],
        ["var i = $\"{a}//{b}\";"],
        ["var r = \"\"\"", "    // inside raw", "    /* raw */", "    \"\"\";"],
        ["var ir = $$\"\"\"", "  {{x}} // y", "  \"\"\";"],
        ["var c = '/'; var d = \"\"\"// one line\"\"\";"],
        ["var u = \"never closed // x"],
        ["/* never closed"],
        ["var raw = \"\"\""],
        ["var w = @\"open verbatim"]);

    private static readonly Gen<string[]> Code = Gen.OneOf<string[]>(
        ["class C {"], ["}"], ["namespace N;"], ["#region R"], ["#endregion"], ["#if DEBUG"], ["#else"], ["#endif"],
        ["#if false"], ["using System;"], ["int x = 0;"], ["var 名前 = 1;"], [""], ["   "], ["\t"]);

    private static readonly Gen<string[]> Fragment = Gen.OneOf(
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}// {t}" }),
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}//{t}" }),
        Indent.Select(i => new[] { $"{i}//" }),
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}//! {t}" }),
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}var a = 1; // {t}" }),
        Gen.Select(Indent, Xml.Array[1, 4], (i, x) => x.Select(l => $"{i}/// {l}").ToArray()),
        Gen.Select(Indent, Text.Array[0, 4], Gen.Bool, (i, t, gutter) =>
            new[] { $"{i}/*" }.Concat(t.Select(l => gutter ? $"{i} * {l}" : $"{i}  {l}")).Append($"{i} */").ToArray()),
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}/* {t} */" }),
        Gen.Select(Indent, Text, (i, t) => new[] { $"{i}int b = /* {t} */ 2;" }),
        Literal,
        Code);

    /// <summary>A file's text and whether it starts with a byte-order mark.</summary>
    public static readonly Gen<(string Text, bool HasBom)> Source =
        Gen.Select(Fragment.Array[0, 14], Gen.OneOf("\n", "\r\n", "\r").Array[64], Gen.Bool, Gen.Bool, (fragments, endings, finalEnding, bom) =>
        {
            var lines = fragments.SelectMany(f => f).ToList();
            var text = string.Concat(lines.Select((l, i) => l + (i < lines.Count - 1 || finalEnding ? endings[i % endings.Length] : string.Empty)));
            return ((bom ? "\uFEFF" : string.Empty) + text, bom);
        });

    /// <summary>Arbitrary character soup, heavy on the characters that delimit comments, strings and lines.</summary>
    public static readonly Gen<string> Soup = Gen.OneOf(
        '/', '*', '"', '\'', '@', '$', '{', '}', '\r', '\n', '<', '>', '#', ' ', '\t', 'a', '正', '\uFEFF', '\u2028', '\\', '-', ':', '!')
        .Array[0, 120].Select(chars => new string(chars));
}
