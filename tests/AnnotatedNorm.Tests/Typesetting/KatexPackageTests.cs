using System.Text.RegularExpressions;
using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Tests.Typesetting;

[Collection(KatexCollection.Name)]
public class KatexPackageTests(KatexFixture katex)
{
    [Fact]
    public void Should_Find_The_Locked_Version_And_Its_Script()
    {
        // Given the lock file pins katex 0.19.1
        var package = katex.Package;

        // Then
        Assert.Equal("0.19.1", package.Version);
        Assert.True(File.Exists(package.ScriptPath));
        Assert.Equal("katex.min.js", Path.GetFileName(package.ScriptPath));
    }

    [Fact]
    public void Should_List_Every_File_The_Stylesheet_Refers_To()
    {
        // Given the stylesheet shipped with KaTeX
        var css = File.ReadAllText(Path.Combine(katex.Package.DistDirectory, "katex.min.css"));
        var referenced = Regex.Matches(css, @"url\(([^)]+)\)").Select(m => m.Groups[1].Value.Trim('"', '\'')).ToHashSet();

        // When
        var files = katex.Package.SiteTemplater;

        // Then every url(...) is a relative fonts/ path that is copied, and every copied file exists
        Assert.NotEmpty(referenced);
        Assert.All(referenced, url => Assert.StartsWith("fonts/", url));
        Assert.Subset(files.ToHashSet(), referenced);
        Assert.Contains("katex.min.css", files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(katex.Package.DistDirectory, f)), f));
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Should_Report_A_Missing_Lock_File_As_A_Build_Error()
    {
        // Given a templates folder without package-lock.json
        var empty = Directory.CreateTempSubdirectory("an-katex-");
        try
        {
            // When
            var error = Assert.Throws<AnnotatedNorm.Diagnostics.BuildException>(() => AnnotatedNorm.Typesetting.KatexPackage.Locate(empty.FullName));

            // Then
            Assert.Equal("AN0304", error.Diagnostic.Code);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_Use_The_KaTeX_A_Theme_Carries_When_It_Pins_None()
    {
        // Given a theme without package-lock.json that carries KaTeX's script, stylesheet, fonts and manifest, as the
        // tool package does
        var theme = Directory.CreateTempSubdirectory("an-katex-");
        try
        {
            var shipped = Path.Combine(theme.FullName, AnnotatedNorm.Typesetting.KatexPackage.ShippedFolder);
            Directory.CreateDirectory(Path.Combine(shipped, "fonts"));
            foreach (var file in katex.Package.SiteTemplater.Append("katex.min.js"))
                File.Copy(Path.Combine(katex.Package.DistDirectory, file), Path.Combine(shipped, file));
            File.Copy(Path.Combine(katex.Package.DistDirectory, "..", "package.json"), Path.Combine(shipped, "package.json"));

            // When KaTeX is located there (npm would fail: there is nothing for it to install)
            var package = AnnotatedNorm.Typesetting.KatexPackage.Locate(theme.FullName);

            // Then it is that copy, with the same files for the site
            Assert.Equal(shipped, package.DistDirectory);
            Assert.Equal(katex.Package.Version, package.Version);
            Assert.Equal(katex.Package.SiteTemplater.ToArray(), package.SiteTemplater.ToArray());
        }
        finally
        {
            theme.Delete(recursive: true);
        }
    }
}
