using AnnotatedNorm.Discovery;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Discovery;

public class ContentDiscovererTests
{
    [Fact]
    public void Should_Find_Code_Files_And_Readme_And_Index_Pages_But_No_Other_Markdown()
    {
        // Given
        using var tree = new SiteTree("""
            -- ch/Doc.cs
            class Doc { }
            -- ch/README.md
            # Chapter
            -- ch/sub/index.md
            # Sub
            -- ch/notes.md
            # Notes
            -- ch/data.json
            {}
            -- Top.CS
            class Top { }
            """);

        // When
        var (pages, _) = ContentDiscoverer.Find(tree.Content);

        // Then the file name decides, in any letter case
        Assert.Equal(
            ["Top.CS CSharp", "ch/Doc.cs CSharp", "ch/README.md Markdown", "ch/sub/index.md Markdown"],
            pages.Select(p => $"{p.RelativePath} {p.Kind}"));
        Assert.All(pages, p => Assert.Equal(Path.Combine(tree.Content, p.RelativePath), p.FullPath));
    }

    [Fact]
    public void Should_Find_Images_As_Assets_With_Their_Path_Under_The_Content_Root()
    {
        // Given
        using var tree = new SiteTree("""
            -- ch/axes.svg
            <svg/>
            -- ch/photo.JPG
            x
            -- ch/fig/plot.webp
            x
            -- ch/plot.pdf
            x
            """);

        // When
        var (pages, assets) = ContentDiscoverer.Find(tree.Content);

        // Then
        Assert.Empty(pages);
        Assert.Equal<string>(["ch/axes.svg", "ch/fig/plot.webp", "ch/photo.JPG"], assets);
    }

    [Fact]
    public void Should_Skip_Build_Products_Catalogs_Packages_And_Hidden_Folders()
    {
        // Given a page in each folder the discoverer must not enter
        using var tree = new SiteTree("""
            -- Kept.cs
            class Kept { }
            -- bin/Debug/Built.cs
            class Built { }
            -- Obj/Generated.cs
            class Generated { }
            -- ch/xlf/readme.md
            # Catalog
            -- node_modules/pkg/index.md
            # Package
            -- .git/hooks/Hook.cs
            class Hook { }
            -- ch/.vs/figure.svg
            <svg/>
            -- ch/binary/Kept.cs
            class Kept { }
            """);

        // When
        var (pages, assets) = ContentDiscoverer.Find(tree.Content);

        // Then only whole folder names are skipped, in any letter case
        Assert.Equal(["Kept.cs", "ch/binary/Kept.cs"], pages.Select(p => p.RelativePath));
        Assert.Empty(assets);
    }

    [Fact]
    public void Should_Not_Follow_A_Linked_Folder()
    {
        // Given a symbolic link to a folder outside the content root
        using var tree = new SiteTree("-- Kept.cs\nclass Kept { }\n");
        var outside = Path.Combine(tree.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "Foreign.cs"), "class Foreign { }");
        Directory.CreateSymbolicLink(Path.Combine(tree.Content, "linked"), outside);

        // When
        var (pages, _) = ContentDiscoverer.Find(tree.Content);

        // Then
        Assert.Equal(["Kept.cs"], pages.Select(p => p.RelativePath));
    }

    [Fact]
    public void Should_Order_Pages_And_Assets_By_Ordinal_Path_With_Forward_Slashes()
    {
        // Given names whose culture-aware order differs from their ordinal order
        using var tree = new SiteTree("""
            -- b.cs
            class B { }
            -- a/z.cs
            class Z { }
            -- a.cs
            class A { }
            -- B/c.cs
            class C { }
            -- a/Y.png
            x
            -- a/x.png
            x
            """);

        // When
        var (pages, assets) = ContentDiscoverer.Find(tree.Content);

        // Then
        Assert.Equal(["B/c.cs", "a.cs", "a/z.cs", "b.cs"], pages.Select(p => p.RelativePath));
        Assert.Equal<string>(["a/Y.png", "a/x.png"], assets);
        Assert.Equal(["B", "", "a", ""], pages.Select(p => p.Folder));
    }

    [Fact]
    public void Should_Not_Take_The_Site_Configuration_For_A_Page()
    {
        // Given a tree that holds only site.json
        using var tree = new SiteTree("");

        // When
        var (pages, assets) = ContentDiscoverer.Find(tree.Content);

        // Then
        Assert.True(File.Exists(Path.Combine(tree.Content, "site.json")));
        Assert.Empty(pages);
        Assert.Empty(assets);
    }
}
