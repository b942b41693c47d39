using System.Text;

using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Cli;

/// <summary>A private copy of the good site's content (and, when a case changes them, of the templates) for one bad input.</summary>
public sealed class BadInputCase : IDisposable
{
    private readonly BadInputSite site;
    private string? templates;

    public BadInputCase(BadInputSite site, string name)
    {
        this.site = site;
        Root = Path.Combine(site.Root, "cases", string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')));
        Content = Path.Combine(Root, "content");
        Copy(site.Content, Content);
        Output = site.Output;
    }

    public string Root { get; }

    public string Content { get; }

    /// <summary>The output folder the command is given; the good site's unless the case is about the output folder.</summary>
    public string Output { get; set; }

    public string Templates => templates ?? SiteTree.Templates;

    /// <summary>Files whose bytes the failed command must not change, besides the good site's output.</summary>
    public List<string> Untouched { get; } = [];

    public string ContentFile(string contentPath) => Path.Combine(Content, contentPath);

    public void Write(string contentPath, string text) => BadInputSite.Write(Content, contentPath, text);

    public void WriteBytes(string contentPath, byte[] bytes) => File.WriteAllBytes(ContentFile(contentPath), bytes);

    public void Delete(string contentPath) => File.Delete(ContentFile(contentPath));

    /// <summary>Replaces one exact piece of a content file, which must occur in it.</summary>
    public void Edit(string contentPath, string old, string replacement)
    {
        var text = File.ReadAllText(ContentFile(contentPath));
        Assert.Contains(old, text);
        File.WriteAllText(ContentFile(contentPath), text.Replace(old, replacement, StringComparison.Ordinal), new UTF8Encoding(false));
    }

    /// <summary>Replaces the Japanese target of the Demo page's paragraph (line 15 of its catalog).</summary>
    public void Translate(string target) =>
        Edit("xlf/Demo.cs.ja.xlf", "$x$ の平均は `m` です。[資料](https://example.org/docs) と ![軸](axes.svg) を参照してください。", target);

    /// <summary>Copies the templates (sharing the installed KaTeX through a link) and returns the copy's folder.</summary>
    public string OwnTemplates()
    {
        if (templates is not null) return templates;
        templates = Path.Combine(Root, "site-templates");
        foreach (var folder in new[] { "assets", "i18n", "templates" })
            Copy(Path.Combine(SiteTree.Templates, folder), Path.Combine(templates, folder));
        foreach (var file in new[] { "package.json", "package-lock.json" })
            File.Copy(Path.Combine(SiteTree.Templates, file), Path.Combine(templates, file));
        Directory.CreateSymbolicLink(Path.Combine(templates, "node_modules"), Path.Combine(SiteTree.Templates, "node_modules"));
        return templates;
    }

    /// <summary>Hashes of every output folder and file the case must leave untouched.</summary>
    public Dictionary<string, string> Snapshot() =>
        new[] { site.Output }.Concat(Untouched).Distinct().ToDictionary(p => p, BadInputSite.TreeHash);

    public void Dispose()
    {
        // Links are deleted, never followed: the templates' node_modules link leads to the real one.
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
