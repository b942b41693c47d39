using AnnotatedNorm.Diagnostics;

namespace AnnotatedNorm.Tests.Templating;

/// <summary>Compiled templates kept in a folder between runs: reused only when nothing that shaped them changed.</summary>
public class PersistentTemplateCompilerTests
{
    private const int TemplateCount = 7;

    [Fact]
    public async Task Should_Render_The_Same_Pages_From_Stored_Templates_Without_Compiling()
    {
        // Given a run that compiled every template into the cache folder
        using var copy = new TemplateCopy();
        var first = copy.Renderer();
        var expected = await TemplateCopy.RenderEveryKind(first);

        // When a new renderer renders the same pages over the same folder
        var second = copy.Renderer();
        var pages = await TemplateCopy.RenderEveryKind(second);

        // Then it compiled nothing, found every template from its unchanged files alone, and wrote the very same HTML
        Assert.Equal(TemplateCount, first.Compilations);
        Assert.Equal(0, first.LoadedUnchanged);
        Assert.Equal(TemplateCount, copy.StoredFiles().Length);
        Assert.Equal(0, second.Compilations);
        Assert.Equal(TemplateCount, second.LoadedUnchanged);
        Assert.Equal(expected.AsEnumerable(), pages.AsEnumerable());
    }

    [Theory]
    [InlineData("an edited template")]
    [InlineData("a new file")]
    public async Task Should_Generate_The_Code_Of_Every_Template_Again_After_A_Change_In_The_Folder(string change)
    {
        // Given a stored compilation of every template, then a change that leaves most templates' own text alone
        using var copy = new TemplateCopy();
        await TemplateCopy.RenderEveryKind(copy.Renderer());
        if (change == "a new file") File.WriteAllText(Path.Combine(copy.Templates, "_Unused.cshtml"), "<p>not used yet</p>");
        else copy.Edit("Home", 5, "<p class=\"edited\">Edited</p>", insert: true);

        // When the pages are rendered again over the same folder, and once more after that
        var second = copy.Renderer();
        var pages = await TemplateCopy.RenderEveryKind(second);
        var third = copy.Renderer();
        await TemplateCopy.RenderEveryKind(third);

        // Then no template was taken on its files alone: Razor generated each one's code, which found the six
        // unchanged ones stored; the next run again needs Razor for none
        Assert.Equal(0, second.LoadedUnchanged);
        Assert.Equal(change == "a new file" ? 0 : 1, second.Compilations);
        Assert.Equal(change == "a new file", !pages.Any(page => page.Contains("<p class=\"edited\">Edited</p>")));
        Assert.Equal(TemplateCount, third.LoadedUnchanged);
        Assert.Equal(0, third.Compilations);
    }

    [Fact]
    public async Task Should_Compile_Every_Run_And_Store_Nothing_Without_A_Cache_Folder()
    {
        // Given a run without a cache folder
        using var copy = new TemplateCopy();
        await TemplateCopy.RenderEveryKind(copy.Renderer(withCache: false));

        // When another run renders the same pages
        var second = copy.Renderer(withCache: false);
        await TemplateCopy.RenderEveryKind(second);

        // Then it compiled them again and nothing was kept
        Assert.Equal(TemplateCount, second.Compilations);
        Assert.Empty(copy.StoredFiles());
    }

    [Fact]
    public async Task Should_Recompile_Only_The_Edited_Template_And_Show_The_Edit()
    {
        // Given a stored compilation of every template, then a new paragraph in the not-found page
        using var copy = new TemplateCopy();
        await TemplateCopy.RenderEveryKind(copy.Renderer());
        copy.Edit("NotFound", 6, "<p class=\"edited\">Edited after the first run</p>", insert: true);

        // When the pages are rendered again over the same folder
        var second = copy.Renderer();
        var pages = await TemplateCopy.RenderEveryKind(second);

        // Then that template alone was compiled, and its page shows the new paragraph
        Assert.Equal(1, second.Compilations);
        Assert.Contains(pages, page => page.Contains("<p class=\"edited\">Edited after the first run</p>"));
        Assert.Equal(TemplateCount + 1, copy.StoredFiles().Length);

        // And pruning after the run leaves only what these templates compile to
        second.PruneStoredTemplates();
        Assert.Equal(TemplateCount, copy.StoredFiles().Length);
        Assert.Equal(0, (await RenderedAgain(copy)).Compilations);
    }

    private static async Task<AnnotatedNorm.Templating.PageRenderer> RenderedAgain(TemplateCopy copy)
    {
        var renderer = copy.Renderer();
        await TemplateCopy.RenderEveryKind(renderer);
        return renderer;
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("damaged image")]
    [InlineData("another template's file")]
    public async Task Should_Recompile_A_Damaged_Stored_Template_Instead_Of_Failing(string damage)
    {
        // Given stored compilations that were all damaged afterwards
        using var copy = new TemplateCopy();
        var expected = await TemplateCopy.RenderEveryKind(copy.Renderer());
        var files = copy.StoredFiles();
        var contents = files.Select(File.ReadAllBytes).ToArray();
        for (var i = 0; i < files.Length; i++)
            File.WriteAllBytes(files[i], Damage(damage, contents[i], contents[(i + 1) % files.Length]));

        // When the pages are rendered again, and once more after that
        var second = copy.Renderer();
        var pages = await TemplateCopy.RenderEveryKind(second);
        var third = copy.Renderer();
        await TemplateCopy.RenderEveryKind(third);

        // Then the damaged files were compiled again and replaced, and the pages did not change
        Assert.Equal(TemplateCount, second.Compilations);
        Assert.Equal(expected.AsEnumerable(), pages.AsEnumerable());
        Assert.Equal(0, third.Compilations);
    }

    [Fact]
    public async Task Should_Report_A_Template_Error_At_Its_Line_And_Column_With_The_Cache_On()
    {
        // Given a code page that uses a property the model does not have, on line 9, and a good stored layout
        using var copy = new TemplateCopy();
        await TemplateCopy.RenderEveryKind(copy.Renderer());
        copy.Edit("CodePage", 9, "<p>@Model.NoSuchProperty</p>", insert: true);

        // When the templates are compiled with the cache and without it, twice with it
        var withCache = await CompileError(copy.Renderer());
        var again = await CompileError(copy.Renderer());
        var withoutCache = await CompileError(copy.Renderer(withCache: false));

        // Then the error is at the template's line and column each time, and nothing broken was stored
        Assert.Equal("AN0801", withCache.Code);
        Assert.Equal("site-templates/templates/CodePage.cshtml", withCache.Path);
        Assert.Equal(9, withCache.Line);
        // Roslyn's mapped position falls inside the expression "Model.NoSuchProperty", which spans columns 5 to 24.
        Assert.InRange(withCache.Column, 5, 24);
        Assert.Contains("NoSuchProperty", withCache.Message);
        Assert.Equal(withoutCache, withCache);
        Assert.Equal(withoutCache, again);
        Assert.Equal(TemplateCount, copy.StoredFiles().Length);
    }

    private static async Task<Diagnostic> CompileError(AnnotatedNorm.Templating.PageRenderer renderer) =>
        (await Assert.ThrowsAsync<BuildException>(renderer.CompileAllAsync)).Diagnostic;

    private static byte[] Damage(string damage, byte[] content, byte[] other)
    {
        switch (damage)
        {
            case "truncated":
                return content[..(content.Length / 2)];
            case "damaged image":
                // Zero the image's DOS and PE headers, keeping the file's own framing intact.
                var damaged = content.ToArray();
                var image = content.AsSpan().IndexOf("MZ"u8);
                Array.Clear(damaged, image, 256);
                return damaged;
            default:
                return other;
        }
    }
}
