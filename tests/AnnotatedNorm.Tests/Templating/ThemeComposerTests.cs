using AnnotatedNorm.Templating;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Templating;

/// <summary>A site's theme folder over the built-in theme, file by file, and the theme copied out.</summary>
public sealed class ThemeComposerTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("an-theme-");

    private string BuiltIn => Path.Combine(root.FullName, "builtin");

    private string Site => Path.Combine(root.FullName, "site");

    private string Merged => Path.Combine(root.FullName, "merged");

    public ThemeComposerTests()
    {
        Write(BuiltIn, "templates/_Layout.cshtml", "layout");
        Write(BuiltIn, "templates/CodePage.cshtml", "code page");
        Write(BuiltIn, "assets/site.css", "body {}");
        Write(BuiltIn, "i18n/en.json", "{}");
        Write(BuiltIn, "katex/katex.min.js", "katex");
    }

    public void Dispose() => root.Delete(recursive: true);

    private static void Write(string folder, string file, string text)
    {
        var path = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Should_Use_The_Built_In_Theme_When_The_Site_Has_No_Theme_Folder()
    {
        // Given no site folder / When
        var folder = ThemeComposer.Compose(Site, BuiltIn, Merged);

        // Then
        Assert.Equal(BuiltIn, folder);
        Assert.False(Directory.Exists(Merged));
    }

    [Fact]
    public void Should_Take_The_Sites_File_And_Every_Other_File_From_The_Built_In_Theme()
    {
        // Given a site folder that changes one stylesheet and adds an asset
        Write(Site, "assets/site.css", "body { color: teal }");
        Write(Site, "assets/extra.js", "// extra");

        // When
        var folder = ThemeComposer.Compose(Site, BuiltIn, Merged);

        // Then the merged theme has the site's files and the built-in rest
        Assert.Equal(Merged, folder);
        Assert.Equal(["assets/extra.js", "assets/site.css", "i18n/en.json", "katex/katex.min.js", "templates/CodePage.cshtml", "templates/_Layout.cshtml"],
            ThemeComposer.FilesOf(folder).ToArray());
        Assert.Equal("body { color: teal }", File.ReadAllText(Path.Combine(folder, "assets/site.css")));
        Assert.Equal("layout", File.ReadAllText(Path.Combine(folder, "templates/_Layout.cshtml")));
    }

    [Fact]
    public void Should_Keep_Unchanged_Files_And_Drop_Removed_Overrides_When_Composed_Again()
    {
        // Given a merged theme
        Write(Site, "templates/CodePage.cshtml", "my code page");
        Write(Site, "assets/extra.js", "// extra");
        ThemeComposer.Compose(Site, BuiltIn, Merged);
        var layout = Path.Combine(Merged, "templates/_Layout.cshtml");
        var written = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(layout, written);

        // When the site drops one file and the theme is composed again
        File.Delete(Path.Combine(Site, "assets/extra.js"));
        ThemeComposer.Compose(Site, BuiltIn, Merged);

        // Then the unchanged file was not rewritten, and the dropped one is gone
        Assert.Equal(written, File.GetLastWriteTimeUtc(layout));
        Assert.False(File.Exists(Path.Combine(Merged, "assets/extra.js")));
        Assert.Equal("my code page", File.ReadAllText(Path.Combine(Merged, "templates/CodePage.cshtml")));
    }

    [Fact]
    public void Should_Read_A_Complete_Site_Theme_As_It_Is()
    {
        // Given a site folder with every file of the theme
        foreach (var file in ThemeComposer.FilesOf(BuiltIn)) Write(Site, file, "mine");

        // When / Then
        Assert.Equal(Site, ThemeComposer.Compose(Site, BuiltIn, Merged));
    }

    [Fact]
    public void Should_Export_The_Theme_Without_KaTeX_And_Without_Replacing_A_File()
    {
        // Given a folder that already has its own stylesheet
        Write(Site, "assets/site.css", "mine");

        // When the theme is exported there
        var (written, kept) = ThemeComposer.Export(BuiltIn, Site);

        // Then every other theme file is written, the stylesheet is kept, and KaTeX stays with the tool
        Assert.Equal(["i18n/en.json", "templates/CodePage.cshtml", "templates/_Layout.cshtml"], written.ToArray());
        Assert.Equal(["assets/site.css"], kept.ToArray());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Site, "assets/site.css")));
        Assert.False(Directory.Exists(Path.Combine(Site, "katex")));
    }

    [Fact]
    public void Should_Take_The_Repositorys_Theme_As_A_Theme()
    {
        // The built-in theme is made from site-templates when the tool is packed.
        Assert.True(ThemeComposer.IsTheme(SiteTree.Templates));
        Assert.False(ThemeComposer.IsTheme(root.FullName));
    }
}
