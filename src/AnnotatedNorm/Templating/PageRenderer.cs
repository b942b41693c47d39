using System.Reflection;
using System.Text.RegularExpressions;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Pages;
using AnnotatedNorm.Publishing;
using Microsoft.AspNetCore.Razor.Language;
using Microsoft.Extensions.DependencyInjection;
using RazorLight;
using RazorLight.Caching;
using RazorLight.Compilation;
using RazorLight.Extensions;
using RazorLight.Generation;
using RazorLight.Razor;

namespace AnnotatedNorm.Templating;

/// <summary>
/// Writes pages through the Razor templates of <c>site-templates/templates</c>; each template is compiled once per run,
/// or loaded from an earlier run's compilation when a cache folder is given and the template did not change.
/// </summary>
public sealed partial class PageRenderer
{
    // Made on first use, which a build lets happen beside parsing (CompileAllAsync); the parts of Razor that only
    // generating a template's code needs are made later still, if ever (see OnDemandCompiler).
    private readonly Lazy<(RazorLightEngine Engine, PersistentTemplateCompiler Compiler, ICachingProvider Loaded)> parts;
    private readonly string templatesFolder;
    private readonly string displayRoot;

    /// <summary>Where the tool keeps the templates it compiled when it was built: beside its own assemblies.</summary>
    public static string ShippedTemplatesFolder { get; } = Path.Combine(AppContext.BaseDirectory, "precompiled-templates");

    /// <param name="assemblyCacheFolder">Where compiled templates are kept between runs; null compiles them in every run.</param>
    public PageRenderer(string templatesFolder, string displayRoot, string? assemblyCacheFolder = null)
        : this(templatesFolder, displayRoot, assemblyCacheFolder, ShippedTemplatesFolder)
    {
    }

    /// <param name="shippedFolder">Templates compiled when the tool was built, loaded when nothing changed since; null for none.</param>
    internal PageRenderer(string templatesFolder, string displayRoot, string? assemblyCacheFolder, string? shippedFolder)
    {
        this.templatesFolder = Path.GetFullPath(templatesFolder);
        this.displayRoot = displayRoot;
        parts = new(() => CreateEngine(this.templatesFolder, assemblyCacheFolder, shippedFolder));
    }

    /// <summary>
    /// Compiles every template of <paramref name="templatesFolder"/> into <paramref name="intoFolder"/>, removing what
    /// older templates left there; run when the tool is built, so that its first site build need not compile them.
    /// </summary>
    /// <param name="displayRoot">How diagnostics name <paramref name="templatesFolder"/>.</param>
    /// <exception cref="BuildException">A template does not compile.</exception>
    public static async Task PrecompileAsync(string templatesFolder, string displayRoot, string intoFolder)
    {
        var renderer = new PageRenderer(templatesFolder, displayRoot, intoFolder, shippedFolder: null);
        await renderer.CompileAllAsync();
        renderer.PruneStoredTemplates();
    }

    /// <summary>How many templates Roslyn compiled in this renderer's life (cache misses); for tests.</summary>
    internal int Compilations => parts.IsValueCreated ? parts.Value.Compiler.Compilations : 0;

    /// <summary>How many templates were found compiled from these very files, without Razor generating their code; for tests.</summary>
    internal int LoadedUnchanged { get; private set; }

    /// <summary>Deletes compiled templates kept in the cache folder that this build's templates no longer produce.</summary>
    public void PruneStoredTemplates()
    {
        if (parts.IsValueCreated) parts.Value.Compiler.Prune();
    }

    // The same parts, with the same settings, as RazorLightEngineBuilder.Build() in RazorLight 2.3.1 puts together
    // for a file system project, an operating assembly and the memory cache; only the compilation service is ours.
    private static (RazorLightEngine, PersistentTemplateCompiler, ICachingProvider) CreateEngine(string templatesFolder, string? assemblyCacheFolder, string? shippedFolder)
    {
        var options = new RazorLightOptions { DisableEncoding = false, EnableDebugMode = false };
        var project = new FileSystemRazorProject(templatesFolder, ".cshtml");
        var references = new DefaultMetadataReferenceManager(options.AdditionalMetadataReferences, options.ExcludedAssemblies);
        var compiler = new PersistentTemplateCompiler(references, typeof(PageRenderer).Assembly, assemblyCacheFolder, shippedFolder, templatesFolder);
        var templateCompiler = new OnDemandCompiler(() =>
            new RazorTemplateCompiler(new RazorSourceGenerator(RazorLightRazorEngine(), project, options.Namespaces), compiler, project, options));
        var cache = new MemoryCachingProvider();
        var handler = new EngineHandler(options, templateCompiler, new TemplateFactoryProvider(), cache);
        return (new RazorLightEngine(handler), compiler, cache);
    }

    /// <summary>RazorLight's template compiler, made when a template first has to go through Razor.</summary>
    private sealed class OnDemandCompiler(Func<IRazorTemplateCompiler> create) : IRazorTemplateCompiler
    {
        private readonly Lazy<IRazorTemplateCompiler> compiler = new(create);

        public ICompilationService CompilationService => compiler.Value.CompilationService;

        public Task<CompiledTemplateDescriptor> CompileAsync(string templateKey) => compiler.Value.CompileAsync(templateKey);
    }

    // The engine looks a template up in its cache by the name it is asked for before it generates any code; a template
    // found compiled from these very files goes there, made the way RazorLight makes its pages (a new instance per
    // use, keyed by its project path), so Razor never runs for it.
    private void LoadUnchanged(string name)
    {
        var (_, compiler, loaded) = parts.Value;
        if (loaded.RetrieveTemplate(name).Success) return;
        var key = $"/{name}{FileSystemRazorProject.DefaultExtension}";
        if (compiler.TryLoadUnchanged(key)?.GetCustomAttribute<RazorLightTemplateAttribute>()?.TemplateType is not { } type) return;
        loaded.CacheTemplate(name, () =>
        {
            var page = (ITemplatePage)Activator.CreateInstance(type)!;
            page.Key = key;
            return page;
        }, null);
        LoadedUnchanged++;
    }

    // RazorLight's Razor configuration (its directives, passes and template base type) sits behind an internal type;
    // its dependency-injection registration is the public way to the same instance the builder uses.
    private static RazorEngine RazorLightRazorEngine()
    {
        var services = new ServiceCollection();
        services.AddRazorLight();
        return (RazorEngine)services.Single(s => s.ServiceType == typeof(RazorEngine)).ImplementationInstance!;
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
        foreach (var name in TemplateNames) LoadUnchanged(name);
        foreach (var name in TemplateNames) await Compile(name);
    }

    // One template per kind of page, the layout they share and the listing of index pages.
    private static IEnumerable<string> TemplateNames => Enum.GetValues<PageKind>().Select(TemplateFor).Append("_Layout").Append("_Listing");

    public async Task<string> RenderAsync(PageModel page)
    {
        using var writer = new StringWriter();
        await RenderAsync(page, writer);
        return writer.ToString();
    }

    /// <summary>Renders a page straight into the UTF-8 bytes of its file.</summary>
    /// <remarks>
    /// A page is tens of kilobytes: as one string it lands on the large object heap and is copied twice more (out of the
    /// string builder, then into bytes), which kept the collector busy on large sites. Encoding as the template writes
    /// leaves one buffer of about the file's size.
    /// </remarks>
    public async Task<OutputFile> RenderFileAsync(PageModel page)
    {
        var stream = new MemoryStream(EstimatedSize(page));
        await using (var writer = new StreamWriter(stream, Utf8, bufferSize: 4096, leaveOpen: true))
            await RenderAsync(page, writer);
        return new OutputFile(page.OutputPath, stream.GetBuffer().AsMemory(0, (int)stream.Length));
    }

    // No byte order mark, and the same replacement of broken surrogates as Encoding.UTF8.GetBytes.
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The page's HTML fragments plus room for the layout; for ASCII text one character is one byte.
    private static int EstimatedSize(PageModel page)
    {
        var size = 8192 + page.BodyHtml.Length;
        foreach (var section in page.Sections) size += section.DocsHtml.Length + section.CodeHtml.Length + 256;
        return size;
    }

    private async Task RenderAsync(PageModel page, TextWriter writer)
    {
        if (page.Kind is PageKind.Home or PageKind.FolderIndex)
        {
            // The page template takes the listing as HTML rather than including _Listing itself: RazorLight passes an
            // included template's model through `dynamic`, and the runtime binder that wakes costs a first build
            // more than all its listings together.
            using var listing = new StringWriter();
            await RenderAsync("_Listing", page.Entries, page.OutputPath, listing);
            page = page with { ListingHtml = listing.ToString().TrimEnd('\n') };
        }
        await RenderAsync(TemplateFor(page.Kind), page, page.OutputPath, writer);
    }

    private async Task RenderAsync<TModel>(string key, TModel model, string outputPath, TextWriter writer)
    {
        var template = await Compile(key);
        try
        {
            await parts.Value.Engine.RenderTemplateAsync(template, model, writer);
        }
        catch (Exception e) when (e is not BuildException)
        {
            throw new BuildException(Diagnostic.Error(DisplayPath(key), 1, 1, "AN0802", $"template failed while rendering '{outputPath}': {e.GetBaseException().Message}"));
        }
    }

    private async Task<RazorLight.ITemplatePage> Compile(string key)
    {
        try
        {
            return await parts.Value.Engine.CompileTemplateAsync(key);
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
