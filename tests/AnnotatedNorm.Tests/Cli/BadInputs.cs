using System.Text;

using BadInput = AnnotatedNorm.Tests.Cli.BadInputTableTests.BadInput;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>
/// The table of bad inputs. Each name starts with its area and a colon. Positions refer to the files of
/// <see cref="BadInputSite"/>: <c>site.json</c> has one setting a line (title on line 2, description 3, baseUrl 4,
/// repository 5, languages 6, references 7), the Demo page's paragraph is line 6 and its catalog's paragraph target
/// line 15. Only warnings run <c>check</c>, which writes nothing; everything else runs <c>build</c>.
/// </summary>
internal static class BadInputs
{
    private const string Paragraph = "// The mean of $x$ is `m`; see [the docs](https://example.org/docs) and ![axes](axes.svg).";

    public static readonly IReadOnlyList<BadInput> Table =
    [
        // site.json
        new("site.json: missing", c => c.Delete("site.json"), "content/site.json(1,1): error AN0001"),
        new("site.json: not JSON (a missing colon)", c => c.Edit("site.json", "\"title\": \"Test Site\"", "\"title\" \"Test Site\""), "content/site.json(2,11): error AN0002"),
        new("site.json: not JSON after Japanese text", c => c.Edit("site.json", "\"title\": \"Test Site\"", "\"title\": \"テスト\" \"x\""), "content/site.json(2,18): error AN0002"),
        new("site.json: a value spelling a later key", c =>
        {
            c.Edit("site.json", "\"title\": \"Test Site\"", "\"title\": \"branch\"");
            c.Edit("site.json", "\"branch\": \"main\"", "\"branch\": 7");
        }, "content/site.json(5,61): error AN0003"),
        new("site.json: an array, not an object", c => c.Write("site.json", "[]\n"), "content/site.json(1,1): error AN0003"),
        new("site.json: unknown key", c => c.Edit("site.json", "  \"references\"", "  \"colour\": \"red\",\n  \"references\""), "content/site.json(7,3): error AN0004"),
        new("site.json: title missing", c => c.Edit("site.json", "  \"title\": \"Test Site\",\n", ""), "content/site.json(1,1): error AN0003"),
        new("site.json: title is a number", c => c.Edit("site.json", "\"title\": \"Test Site\"", "\"title\": 42"), "content/site.json(2,3): error AN0003"),
        new("site.json: description is a number", c => c.Edit("site.json", "\"A site for tests.\"", "5"), "content/site.json(3,3): error AN0003"),
        new("site.json: description in a language the site lacks", c => c.Edit("site.json", "\"A site for tests.\"", "{ \"fr\": \"Un site.\" }"), "content/site.json(3,3): error AN0006"),
        new("site.json: baseUrl is javascript:", c => c.Edit("site.json", "https://example.org/docs/", "javascript:alert(1)"), "content/site.json(4,3): error AN0005"),
        new("site.json: repository is a string", c => c.Edit("site.json", "{ \"url\": \"https://github.com/example/repo\", \"branch\": \"main\", \"contentPath\": \"content\" }", "\"https://github.com/example/repo\""), "content/site.json(5,3): error AN0003"),
        new("site.json: repository url is javascript:", c => c.Edit("site.json", "https://github.com/example/repo", "javascript:alert(1)"), "content/site.json(5,19): error AN0005"),
        new("site.json: branch is a number", c => c.Edit("site.json", "\"branch\": \"main\"", "\"branch\": 7"), "content/site.json(5,61): error AN0003"),
        new("site.json: unknown culture", c => c.Edit("site.json", "[\"en\", \"ja\"]", "[\"en\", \"xx-not-a-culture\"]"), "content/site.json(6,3): error AN0006"),
        new("site.json: a language twice", c => c.Edit("site.json", "[\"en\", \"ja\"]", "[\"en\", \"ja\", \"ja\"]"), "content/site.json(6,3): error AN0006"),
        new("site.json: mathMacros is an array", c => c.Edit("site.json", "  \"references\"", "  \"mathMacros\": [\"\\\\E\"],\n  \"references\""), "content/site.json(7,3): error AN0003"),
        new("site.json: rawHtml is a string", c => c.Edit("site.json", "  \"references\"", "  \"rawHtml\": \"yes\",\n  \"references\""), "content/site.json(7,3): error AN0003"),

        // C# sources
        new("C#: not UTF-8", c => c.WriteBytes("Demo.cs", [.. Encoding.UTF8.GetBytes(BadInputSite.DemoPage[..BadInputSite.DemoPage.IndexOf("Mean", StringComparison.Ordinal)]), 0xC3, 0x28]), "content/Demo.cs(10,21): error AN0010"),
        new("C#: holds a NUL character", c => c.Edit("Demo.cs", "total / count", "total /\0 count"), "content/Demo.cs(12,64): error AN0011"),
        new("C#: larger than 2 MB", c => c.Write("Demo.cs", BadInputSite.DemoPage + new string('/', 3 << 20)), "content/Demo.cs(1,1): error AN0012"),
        new("C#: front matter never closed", c => c.Edit("Demo.cs", "// ---\n//\n", "//\n"), "content/Demo.cs(1,4): error AN0105"),
        new("C#: front matter not YAML", c => c.Edit("Demo.cs", "// title: Demo", "// title: [Demo"), "content/Demo.cs(4,4): error AN0101"),
        new("C#: front matter a list", c => c.Edit("Demo.cs", "// title: Demo\n// summary: One small class.", "// - Demo"), "content/Demo.cs(2,4): error AN0102"),
        new("Markdown: readme.md and index.md introduce one folder", c => { c.Write("both/readme.md", "# Readme\n"); c.Write("both/index.md", "# Index\n"); }, "content/both/readme.md(1,1): error AN0014"),
        new("C#: front matter title empty", c => c.Edit("Demo.cs", "// title: Demo", "// title: ~"), "content/Demo.cs(2,11): error AN0104"),
        new("C#: a link to a symbol the content does not declare", c => c.Edit("Demo.cs", "// Divides the total by the count.", "// Divides as [Mean](cref:Nowhere) does."), "content/Demo.cs(9,15): warning AN0601", Exit: 0, Command: "check"),
        new("C#: page collides with the 404 page", c => c.Write("404.cs", "// Not found.\nnamespace Demo;\n"), "content/404.cs(1,1): error AN0008"),
        new("C#: page collides with the home page", c => c.Write("index.cs", "// Home.\nnamespace Demo;\n"), "content/index.cs(1,1): error AN0008"),

        // Markdown
        new("Markdown: readme front matter not YAML", c => c.Write("readme.md", "---\ntitle: [Home\n---\n# Home\n"), "content/readme.md(3,1): error AN0101"),
        new("Markdown: readme not UTF-8", c => c.WriteBytes("readme.md", [.. "# Home\n\nab"u8, 0xFF]), "content/readme.md(3,3): error AN0010"),
        new("Markdown: 10,000 nested block quotes", c => c.Write("deep/readme.md", "# Deep\n\n" + new string('>', 10_000) + " text\n"), "content/deep/readme.md(1,1): error AN0310"),
        new("Markdown: 3,000 nested lists", c => c.Write("deep/readme.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat("- ", 3_000)) + "text\n"), "content/deep/readme.md(1,1): error AN0310"),
        new("Markdown: emphasis nested 400 deep in a comment", c => c.Edit("Demo.cs", "// Divides the total by the count.", "// " + new string('*', 400) + "x" + new string('*', 400)), "content/Demo.cs(9,4): error AN0310"),
        new("Markdown: i18n update on a page nested past the parser's limit", c => c.Write("deep/readme.md", "# Deep\n\n" + new string('>', 10_000) + " text\n"), "content/deep/readme.md(1,1): error AN0310", Command: "i18n update"),
        new("Markdown: a page colliding with a generated one", c => c.Write("ja/readme.md", "# Japanese\n"), "content/ja/readme.md(1,1): error AN0008"),

        // math
        new("math: unbalanced brace", c => c.Edit("Demo.cs", "The mean of $x$", "The mean of $\\frac{a}{b$"), "content/Demo.cs(6,27): error AN0301"),
        new("math: unknown macro", c => c.Edit("Demo.cs", "The mean of $x$", "The mean of $\\nosuchmacro$"), "content/Demo.cs(6,17): error AN0301"),
        new("math: display math never closed", c => c.Edit("Demo.cs", "// Divides the total by the count.", "// Divides:\n//\n// $$\n// x"), "content/Demo.cs(11,4): error AN0302"),
        new("math: TeX error in a readme", c => c.Edit("readme.md", "$a^2 + b^2$", "$a^2 + b^{2$"), "content/readme.md(3,39): error AN0301"),
        new("math: a macro that expands forever", c =>
        {
            c.Edit("site.json", "  \"references\"", "  \"mathMacros\": { \"\\\\loop\": \"\\\\loop\" },\n  \"references\"");
            c.Edit("Demo.cs", "The mean of $x$", "The mean of $\\loop$");
        }, "content/Demo.cs(6,17): error AN0301"),

        // XLIFF catalogs
        new("XLIFF: not well-formed", c => c.Edit("xlf/Demo.cs.ja.xlf", "</trans-unit>\n      <trans-unit id=\"summary\">", "<trans-unit id=\"summary\">"), "content/xlf/Demo.cs.ja.xlf(20,7): error AN0401"),
        new("XLIFF: not version 1.2", c => c.Edit("xlf/Demo.cs.ja.xlf", "version=\"1.2\"", "version=\"2.0\""), "content/xlf/Demo.cs.ja.xlf(2,1): error AN0401"),
        new("XLIFF: two units with one id", c => c.Edit("xlf/Demo.cs.ja.xlf", "id=\"summary\"", "id=\"title\""), "content/xlf/Demo.cs.ja.xlf(9,7): error AN0401"),
        new("XLIFF: unknown state", c => c.Edit("xlf/Demo.cs.ja.xlf", "<target state=\"translated\">デモ", "<target state=\"done\">デモ"), "content/xlf/Demo.cs.ja.xlf(7,9): error AN0401"),
        new("XLIFF: indented script in a translation", c => c.Translate("    &lt;script&gt;alert(1)&lt;/script&gt;"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0407"),
        new("XLIFF: iframe in a translation", c => c.Translate("\t&lt;iframe src=javascript:alert(1)&gt;&lt;/iframe&gt;"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0407"),
        new("XLIFF: translation changes a formula", c => c.Translate("$y$ の平均は `m` です。[資料](https://example.org/docs) と ![軸](axes.svg) を参照してください。"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0402"),
        new("XLIFF: translation changes inline code", c => c.Translate("$x$ の平均は `n` です。[資料](https://example.org/docs) と ![軸](axes.svg) を参照してください。"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0403"),
        new("XLIFF: translation changes a link target", c => c.Translate("$x$ の平均は `m` です。[資料](javascript:alert(1)) と ![軸](axes.svg) を参照してください。"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0404"),
        new("XLIFF: translation drops the image", c => c.Translate("$x$ の平均は `m` です。[資料](https://example.org/docs) を参照してください。"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0405"),
        new("XLIFF: translation adds a list", c => c.Translate("$x$ の平均は `m` です。\n\n- [資料](https://example.org/docs) と ![軸](axes.svg)"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0406"),
        new("XLIFF: translation nested past the parser's limit", c => c.Translate(new string('>', 10_000) + " $x$ `m` [資料](https://example.org/docs) ![軸](axes.svg)"), "content/xlf/Demo.cs.ja.xlf(15,9): error AN0406"),
        new("XLIFF: stale translation with --strict", c => c.Edit("xlf/Demo.cs.ja.xlf", "<source>Divides the total by the count.</source>", "<source>Divides the sum by the count.</source>"), "content/xlf/Demo.cs.ja.xlf(19,9): error AN0408", Strict: true),
        new("XLIFF: missing translation with --strict", c => c.Edit("xlf/Demo.cs.ja.xlf", "<target state=\"translated\">合計を個数で割ります。</target>", ""), "content/xlf/Demo.cs.ja.xlf(17,7): error AN0409", Strict: true),
        new("XLIFF: i18n update on a catalog it cannot read", c =>
        {
            c.Edit("xlf/Demo.cs.ja.xlf", "</trans-unit>\n      <trans-unit id=\"summary\">", "<trans-unit id=\"summary\">");
            c.Untouched.Add(c.ContentFile("xlf/Demo.cs.ja.xlf"));
        }, "content/xlf/Demo.cs.ja.xlf(20,7): error AN0401", Command: "i18n update"),

        // templates
        new("templates: a template that does not compile", c =>
        {
            File.WriteAllText(Path.Combine(c.OwnTemplates(), "templates", "Home.cshtml"),
                File.ReadAllText(Path.Combine(c.Templates, "templates", "Home.cshtml")).Replace("@{ Layout = \"_Layout\"; }", "@{ Layout = \"_Layout\"; int broken = ; }", StringComparison.Ordinal));
        }, "site-templates/templates/Home.cshtml(4,37): error AN0801"),
        new("templates: a template that throws", c =>
        {
            File.WriteAllText(Path.Combine(c.OwnTemplates(), "templates", "Home.cshtml"),
                File.ReadAllText(Path.Combine(c.Templates, "templates", "Home.cshtml")).Replace("@{ Layout = \"_Layout\"; }", "@{ Layout = \"_Layout\"; var none = (string?)null; var length = none!.Length; }", StringComparison.Ordinal));
        }, "site-templates/templates/Home.cshtml(1,1): error AN0802"),
        new("templates: interface texts missing for a language", c => File.Delete(Path.Combine(c.OwnTemplates(), "i18n", "ja.json")), "site-templates/i18n/ja.json(1,1): error AN0701"),
        new("templates: interface texts not JSON", c => File.WriteAllText(Path.Combine(c.OwnTemplates(), "i18n", "ja.json"), "{\n  \"breadcrumbs\": \n}\n"), "site-templates/i18n/ja.json(3,1): error AN0702"),
        new("templates: package-lock.json missing", c => File.Delete(Path.Combine(c.OwnTemplates(), "package-lock.json")), "site-templates/package-lock.json(1,1): error AN0304"),

        // the file system (warnings: the build goes on without what it cannot read)
        new("file system: a link to a file outside the content", c => File.CreateSymbolicLink(c.ContentFile("leak.svg"), "/etc/hostname"), "content/leak.svg(1,1): warning AN0009", Exit: 0, Command: "check"),
        new("file system: a dangling link", c => File.CreateSymbolicLink(c.ContentFile("Gone.cs"), c.ContentFile("Nowhere.cs")), "content/Gone.cs(1,1): warning AN0009", Exit: 0, Command: "check"),
        new("file system: a link to a folder", c => Directory.CreateSymbolicLink(c.ContentFile("etc"), "/etc"), "content/etc(1,1): warning AN0009", Exit: 0, Command: "check"),
        new("file system: a loop of links", c =>
        {
            File.CreateSymbolicLink(c.ContentFile("a.md"), c.ContentFile("b.md"));
            File.CreateSymbolicLink(c.ContentFile("b.md"), c.ContentFile("a.md"));
        }, "content/a.md(1,1): warning AN0009", Exit: 0, Command: "check"),

        // the output path
        new("output: a file where the folder should be", c =>
        {
            c.Output = Path.Combine(c.Root, "output");
            File.WriteAllText(c.Output, "not a folder\n");
            c.Untouched.Add(c.Output);
        }, "output(1,1): error AN0902"),
        new("output: the root of the file system", c => c.Output = "/", "/(1,1): error AN0902"),
        new("output: a folder the tool did not build", c =>
        {
            c.Output = Path.Combine(c.Root, "mine");
            BadInputSite.Write(c.Output, "notes.txt", "my notes\n");
            c.Untouched.Add(c.Output);
        }, "mine(1,1): error AN0901"),
        new("output: inside a folder of the content", c => c.Output = c.ContentFile("docs/site"), "content/docs/site(1,1): error AN0903"),
    ];
}
