using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Serving;
using AnnotatedNorm.Tests.Site;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Tests.Templating;

public sealed partial class ContentSecurityPolicyTests
{
    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex PolicyMeta();

    private static (string Policy, string[] Scripts) Read(string html) => (
        WebUtility.HtmlDecode(PolicyMeta().Match(html).Groups[1].Value),
        [.. InlineScript().Matches(html).Select(m => m.Groups[1].Value)]);

    private static string[] Hashes(string policy) => [.. policy.Split(' ', ';').Where(s => s.StartsWith("'sha256-", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_Allow_Exactly_The_Inline_Scripts_A_Page_Holds_By_The_Hash_Of_Their_Text(bool serving)
    {
        // Given a site built as build does, or as serve does with the live-reload script
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var result = await SiteBuilder.BuildAsync(tree.Options with { WriteOutput = !serving, LiveReloadScript = serving ? LiveReloadScript.Text : null });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        // When the policy and the inline scripts of every page are read
        var pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        Assert.True(pages.Length >= 4);
        foreach (var page in pages)
        {
            var (policy, scripts) = Read(Encoding.UTF8.GetString(page.Content.Span));

            // Then each page holds the theme script (and the live-reload script when served), and its policy allows those and nothing else inline
            Assert.Equal(serving ? 2 : 1, scripts.Length);
            Assert.Equal(scripts.Select(ContentSecurityPolicy.Hash).Order(StringComparer.Ordinal), Hashes(policy));
            var scriptSources = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal)).Split(' ');
            // Site files and the search box's WebAssembly, no 'unsafe-inline' and no eval of script
            Assert.Equal(["script-src", "'self'", "'wasm-unsafe-eval'"], scriptSources.Where(s => !s.StartsWith("'sha256-", StringComparison.Ordinal)));
            // And it is the policy serve sends as a header
            Assert.Equal(result.ContentSecurityPolicy, policy);
        }
    }

    [Fact]
    public void Should_Hash_The_Utf8_Text_As_Browsers_Do()
    {
        // Given the example of the CSP specification, "alert('Hello, world.');" (its SHA-256 as the specification gives it)
        // When it is hashed
        var hash = ContentSecurityPolicy.Hash("alert('Hello, world.');");

        // Then the source expression is the one the specification shows
        Assert.Equal("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='", hash);
    }

    [Fact]
    public void Should_Refuse_A_Theme_Script_That_Would_End_Its_Element_Early()
    {
        // Given templates whose theme script holds "</script>" on its second line
        using var tree = new SiteTree(("Demo.cs", SiteTree.DemoPage));
        var templates = Path.Combine(tree.Root, "templates");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SiteTree.Templates, "i18n")))
            CopyTo(file, Path.Combine(templates, "i18n", Path.GetFileName(file)));
        var script = Path.Combine(templates, SiteInput.ThemeScriptPath);
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "var a = 1;\nvar b = '</script><script>alert(1)';\n");

        // When the site is discovered
        var error = Assert.Throws<BuildException>(() => SiteDiscoverer.Discover(tree.Options with { TemplatesFolder = templates }));

        // Then the script is refused at the '</'
        Assert.Equal("AN0013", error.Diagnostic.Code);
        Assert.Equal((2, 10), (error.Diagnostic.Line, error.Diagnostic.Column));
    }

    private static void CopyTo(string file, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
