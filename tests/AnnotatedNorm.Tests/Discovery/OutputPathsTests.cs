using AnnotatedNorm.Discovery;
using CsCheck;

namespace AnnotatedNorm.Tests.Discovery;

public class OutputPathsTests
{
    // Segment names that share prefixes, so that "common folder" logic cannot rely on prefixes.
    private static readonly Gen<string> Segment = Gen.OneOf("a", "ab", "b", "layer_norm", "ja", "index");

    private static readonly Gen<string> PagePath = Gen.Select(Segment.Array[0, 4], Gen.OneOf("index.html", "Doc.html", "a.html"),
        (folders, file) => string.Join('/', [.. folders, file]));

    [Theory]
    [InlineData("LayerNorm.cs", "LayerNorm.html")]
    [InlineData("normalization/layer_norm/LayerNorm.cs", "normalization/layer_norm/LayerNorm.html")]
    [InlineData("ch/readme.md", "ch/readme.html")]
    [InlineData("ch/index.md", "ch/index.html")]
    [InlineData("ch/Layer.Norm.cs", "ch/Layer.Norm.html")]
    [InlineData("ch\\sub\\Doc.cs", "ch/sub/Doc.html")]
    public void Should_Publish_A_Source_At_Its_Path_With_The_Html_Extension(string source, string expected)
    {
        // When
        var output = OutputPaths.ForSource(source);

        // Then
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("", "index.html")]
    [InlineData("ch", "ch/index.html")]
    [InlineData("ch/sub", "ch/sub/index.html")]
    public void Should_Place_A_Folder_Index_In_Its_Folder(string folder, string expected)
    {
        Assert.Equal(expected, OutputPaths.IndexOf(folder));
    }

    [Theory]
    [InlineData("ch/Doc.html", "ch/Other.html", "Other.html")]
    [InlineData("ch/Doc.html", "ch/Doc.html", "Doc.html")]
    [InlineData("ch/sub/Doc.html", "index.html", "../../index.html")]
    [InlineData("index.html", "ch/sub/Doc.html", "ch/sub/Doc.html")]
    [InlineData("ab/Doc.html", "a/Doc.html", "../a/Doc.html")]
    [InlineData("ja/ch/Doc.html", "ch/Doc.html", "../../ch/Doc.html")]
    [InlineData("ch/Doc.html", "ch/", "./")]
    public void Should_Link_Pages_Relative_To_The_Folder_Of_The_Linking_Page(string from, string to, string expected)
    {
        Assert.Equal(expected, OutputPaths.Relative(from, to));
    }

    [Fact]
    public void Should_Resolve_Every_Relative_Link_To_Its_Target_Without_Climbing_Above_The_Root()
    {
        // Given any two pages of a site
        var pairs = Gen.Select(PagePath, PagePath);

        // When / Then
        pairs.Sample((from, to) =>
        {
            var link = OutputPaths.Relative(from, to);
            Assert.False(link.StartsWith('/'), link);
            Assert.Equal(to, Resolve(from, link));
        }, iter: 2000);
    }

    [Fact]
    public void Should_Lead_Every_Page_Back_To_The_Output_Root()
    {
        PagePath.Sample(page => Assert.Equal("index.html", Resolve(page, OutputPaths.RootPrefix(page) + "index.html")), iter: 500);
    }

    [Theory]
    [InlineData("ch/Doc.html", "en", "ch/Doc.html")]
    [InlineData("ch/Doc.html", "ja", "ja/ch/Doc.html")]
    [InlineData("index.html", "ja", "ja/index.html")]
    public void Should_Publish_The_Default_Culture_At_The_Root_And_Others_In_Their_Folder(string path, string culture, string expected)
    {
        Assert.Equal(expected, OutputPaths.InCulture(path, culture, "en"));
    }

    /// <summary>Follows a relative link as a browser does, failing if it climbs above the output root.</summary>
    private static string Resolve(string fromPage, string link)
    {
        var parts = fromPage.Split('/')[..^1].ToList();
        var segments = link.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "..")
            {
                Assert.True(parts.Count > 0, $"{link} from {fromPage} leaves the output root");
                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != "." && (segment.Length > 0 || i == segments.Length - 1))
            {
                parts.Add(segment);
            }
        }
        return string.Join('/', parts);
    }
}
