using AnnotatedNorm.Templating;

namespace AnnotatedNorm.Tests.Templating;

/// <summary>Templates compiled when the tool is built: loaded by a first site build, unless a template changed since.</summary>
public class ShippedTemplatesTests
{
    private const int TemplateCount = 7;

    /// <summary>Compiles the copy's templates into a shipped folder, as building the tool does; returns the folder.</summary>
    private static async Task<string> Precompiled(TemplateCopy copy)
    {
        var shipped = Path.Combine(copy.Root, "shipped");
        await PageRenderer.PrecompileAsync(copy.Templates, "site-templates/templates", shipped);
        return shipped;
    }

    [Fact]
    public async Task Should_Render_The_Same_Pages_From_Shipped_Templates_Without_Compiling()
    {
        // Given the templates compiled into a shipped folder, and the pages a renderer compiling them itself writes
        using var copy = new TemplateCopy();
        var shipped = await Precompiled(copy);
        var expected = await TemplateCopy.RenderEveryKind(copy.Renderer(withCache: false));

        // When a renderer with an empty cache folder renders the same pages
        var renderer = new PageRenderer(copy.Templates, "site-templates/templates", copy.Cache, shipped);
        var pages = await TemplateCopy.RenderEveryKind(renderer);

        // Then it compiled nothing, needed Razor for none of them, stored nothing, and wrote the very same HTML
        Assert.Equal(TemplateCount, Directory.EnumerateFiles(shipped, "*.template").Count());
        Assert.Equal(0, renderer.Compilations);
        Assert.Equal(TemplateCount, renderer.LoadedUnchanged);
        Assert.Empty(copy.StoredFiles());
        Assert.Empty(copy.SourceNotes());
        Assert.Equal(expected.AsEnumerable(), pages.AsEnumerable());
    }

    [Fact]
    public async Task Should_Compile_A_Template_Edited_After_The_Tool_Was_Built()
    {
        // Given shipped templates, then a new paragraph in the not-found page
        using var copy = new TemplateCopy();
        var shipped = await Precompiled(copy);
        copy.Edit("NotFound", 6, "<p class=\"edited\">Edited after the tool was built</p>", insert: true);

        // When a renderer renders every page
        var renderer = new PageRenderer(copy.Templates, "site-templates/templates", copy.Cache, shipped);
        var pages = await TemplateCopy.RenderEveryKind(renderer);

        // Then that template alone was compiled (and stored in the cache, not the shipped folder), showing the edit
        Assert.Equal(1, renderer.Compilations);
        Assert.Contains(pages, page => page.Contains("<p class=\"edited\">Edited after the tool was built</p>"));
        Assert.Single(copy.StoredFiles());
        Assert.Equal(TemplateCount, Directory.EnumerateFiles(shipped, "*.template").Count());
    }

    [Fact]
    public async Task Should_List_Entries_On_The_Home_Page_And_Folder_Indexes_As_The_Listing_Template_Writes_Them()
    {
        // Given shipped templates, then an edit of the listing template alone
        using var copy = new TemplateCopy();
        var shipped = await Precompiled(copy);
        copy.Edit("_Listing", 4, "<ul class=\"listing edited\">");

        // When a renderer renders every page
        var renderer = new PageRenderer(copy.Templates, "site-templates/templates", copy.Cache, shipped);
        var pages = await TemplateCopy.RenderEveryKind(renderer);

        // Then exactly the two listing pages show the edited listing, with the entries in it
        var listing = pages.Where(page => page.Contains("<ul class=\"listing edited\">")).ToList();
        Assert.Equal(2, listing.Count);
        Assert.All(listing, page => Assert.Contains("<a class=\"entry-title\" href=\"layer.html\">Layer norm</a>", page));
        Assert.Equal(1, renderer.Compilations);
    }

    [Fact]
    public async Task Should_Leave_Only_The_Current_Templates_When_Precompiling_Again()
    {
        // Given a shipped folder precompiled from templates that were edited afterwards
        using var copy = new TemplateCopy();
        var shipped = await Precompiled(copy);
        copy.Edit("NotFound", 6, "<p>Second version</p>", insert: true);

        // When the templates are precompiled again into the same folder
        await PageRenderer.PrecompileAsync(copy.Templates, "site-templates/templates", shipped);

        // Then the folder holds exactly one compilation per template, the edited one among them
        var renderer = new PageRenderer(copy.Templates, "site-templates/templates", assemblyCacheFolder: null, shipped);
        var pages = await TemplateCopy.RenderEveryKind(renderer);
        Assert.Equal(TemplateCount, Directory.EnumerateFiles(shipped, "*.template").Count());
        Assert.Equal(0, renderer.Compilations);
        Assert.Contains(pages, page => page.Contains("<p>Second version</p>"));
    }
}
