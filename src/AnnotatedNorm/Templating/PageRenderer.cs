using System.Text.RegularExpressions;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using RazorLight;
using RazorLight.Compilation;

namespace AnnotatedNorm.Templating;

/// <summary>Writes pages through the Razor templates of <c>site-templates/templates</c>; each template is compiled once per run.</summary>
public sealed partial class PageRenderer
{
    private readonly RazorLightEngine engine;
    private readonly string templatesFolder;
    private readonly string displayRoot;

    public PageRenderer(string templatesFolder, string displayRoot)
    {
        this.templatesFolder = Path.GetFullPath(templatesFolder);
        this.displayRoot = displayRoot;
        engine = new RazorLightEngineBuilder()
            .UseFileSystemProject(this.templatesFolder, ".cshtml")
            .SetOperatingAssembly(typeof(PageRenderer).Assembly)
            .UseMemoryCachingProvider()
            .Build();
    }

    public static string TemplateFor(PageKind kind) => kind switch
    {
        PageKind.Code => "CodePage",
        PageKind.Markdown => "MarkdownPage",
        PageKind.FolderIndex => "FolderIndex",
        PageKind.Home => "Home",
        PageKind.NotFound => "NotFound",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Compiles every template up front, so a template error is reported once, before any page is written.</summary>
    public async Task CompileAllAsync()
    {
        foreach (var kind in Enum.GetValues<PageKind>())
            await Compile(TemplateFor(kind));
        await Compile("_Layout");
        await Compile("_Listing");
    }

    public async Task<string> RenderAsync(PageModel page)
    {
        var key = TemplateFor(page.Kind);
        var template = await Compile(key);
        try
        {
            return await engine.RenderTemplateAsync(template, page);
        }
        catch (Exception e) when (e is not BuildException)
        {
            throw new BuildException(Diagnostic.Error(DisplayPath(key), 1, 1, "AN0802", $"template failed while rendering '{page.OutputPath}': {e.GetBaseException().Message}"));
        }
    }

    private async Task<RazorLight.ITemplatePage> Compile(string key)
    {
        try
        {
            return await engine.CompileTemplateAsync(key);
        }
        catch (TemplateCompilationException e)
        {
            throw new BuildException(ToDiagnostic(key, e));
        }
        catch (RazorLight.Generation.TemplateGenerationException e)
        {
            var first = e.Diagnostics.FirstOrDefault();
            var file = first?.Span.FilePath is { Length: > 0 } mapped ? Path.GetFileNameWithoutExtension(mapped) : key;
            throw new BuildException(first is null
                ? Diagnostic.Error(DisplayPath(key), 1, 1, "AN0801", e.Message)
                : Diagnostic.Error(DisplayPath(file), first.Span.LineIndex + 1, first.Span.CharacterIndex + 1, "AN0801", first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (RazorLight.TemplateNotFoundException e)
        {
            throw new BuildException(Diagnostic.Error(DisplayPath(key), 1, 1, "AN0803", e.Message));
        }
    }

    private Diagnostic ToDiagnostic(string key, TemplateCompilationException e)
    {
        // Razor maps generated C# back to the .cshtml with #line directives, so Roslyn's mapped span is the template's.
        foreach (var diagnostic in e.CompilationDiagnostics)
        {
            if (diagnostic.LineSpan is not { IsValid: true } span) continue;
            var file = span.Path is { Length: > 0 } mapped ? Path.GetFileNameWithoutExtension(mapped) : key;
            return Diagnostic.Error(DisplayPath(file), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                "AN0801", diagnostic.ErrorMessage);
        }
        var match = PositionInMessage().Match(e.Message);
        return match.Success
            ? Diagnostic.Error(DisplayPath(key), int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), "AN0801", e.Message)
            : Diagnostic.Error(DisplayPath(key), 1, 1, "AN0801", e.Message);
    }

    private string DisplayPath(string key) => $"{displayRoot.TrimEnd('/')}/{key.TrimStart('/')}.cshtml";

    [GeneratedRegex(@"\((\d+),(\d+)\)")]
    private static partial Regex PositionInMessage();
}
