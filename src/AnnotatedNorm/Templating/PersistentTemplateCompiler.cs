using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using RazorLight;
using RazorLight.Compilation;
using RazorLight.Generation;
using RazorLight.Razor;

namespace AnnotatedNorm.Templating;

/// <summary>
/// Compiles generated Razor code with Roslyn, keeping each emitted assembly in a folder so that a later run
/// with the same template, RazorLight, Roslyn and generator loads it instead of compiling again.
/// </summary>
/// <remarks>
/// A second, read-only folder holds the templates compiled when the tool itself was built (see
/// <see cref="PageRenderer.PrecompileAsync"/>): a first build with unedited templates loads them from there. Both
/// folders are looked up by the same key, a hash of the generated code and of what compiles it, so a template whose
/// generated code differs in any way is compiled at run time.
/// <para>
/// Generating that code means running Razor's parser and code generator on every template, most of the cost of a
/// first build's templates. So each stored template also gets a small <c>.source</c> file, named after a hash of the
/// template folder's files and of what compiles them, that holds its key: when no template file changed,
/// <see cref="TryLoadUnchanged"/> finds the assembly from the sources alone. Any edit in the folder changes that
/// hash, and the template goes through Razor again.
/// </para>
/// </remarks>
internal sealed class PersistentTemplateCompiler : ICompilationService, IPrecompileCallback
{
    private const string Magic = "AnnotatedNorm.Template/1";
    private const string SourceMagic = "AnnotatedNorm.TemplateSource/1";
    private readonly RoslynCompilationService roslyn;
    private readonly string? folder;
    private readonly string? shippedFolder;
    private readonly string environment;
    private readonly string sources;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> used = new(StringComparer.Ordinal);
    private int compilations;

    /// <param name="folder">Where compiled templates are kept; null keeps nothing beyond the process.</param>
    /// <param name="shippedFolder">Templates compiled when the tool was built, only read; null or missing for none.</param>
    /// <param name="templatesFolder">The templates, for <see cref="TryLoadUnchanged"/>; null leaves every template to Razor.</param>
    public PersistentTemplateCompiler(IMetadataReferenceManager references, Assembly operatingAssembly, string? folder, string? shippedFolder = null,
        string? templatesFolder = null)
    {
        roslyn = new RoslynCompilationService(references, operatingAssembly, this);
        this.folder = folder is null ? null : Path.GetFullPath(folder);
        this.shippedFolder = shippedFolder is null ? null : Path.GetFullPath(shippedFolder);
        // The generated C# holds the whole template; what it is compiled with and against is added here, because a
        // stored assembly built against another build of the generator could bind to members that no longer exist.
        environment = string.Join('\n',
            Describe(typeof(RazorLightEngine).Assembly),
            Describe(typeof(CSharpCompilation).Assembly),
            operatingAssembly.ManifestModule.ModuleVersionId.ToString("N"),
            Environment.Version.ToString());
        sources = templatesFolder is null ? "" : DigestOf(templatesFolder);
    }

    /// <summary>How many templates went through Roslyn (neither found in the folder nor already loaded); for tests.</summary>
    internal int Compilations => Volatile.Read(ref compilations);

    public CSharpCompilationOptions CSharpCompilationOptions => roslyn.CSharpCompilationOptions;

    public EmitOptions EmitOptions => roslyn.EmitOptions;

    public CSharpParseOptions ParseOptions => roslyn.ParseOptions;

    public Assembly OperatingAssembly => roslyn.OperatingAssembly;

    public Assembly CompileAndEmit(IGeneratedRazorTemplate razorTemplate)
    {
        var key = KeyOf(razorTemplate);
        used[key] = 0;
        if (shippedFolder is not null && TryLoad(shippedFolder, key) is { } shipped)
            return shipped;
        if (folder is null || TryLoad(folder, key) is not { } assembly)
        {
            Interlocked.Increment(ref compilations);
            // Errors keep coming from Roslyn unchanged, so they still map to the .cshtml line and column.
            assembly = roslyn.CompileAndEmit(razorTemplate);
        }
        RememberSource(razorTemplate.TemplateKey, key);
        return assembly;
    }

    /// <summary>
    /// The compiled template <paramref name="templateKey"/> (its project key, such as <c>/CodePage.cshtml</c>) from a folder,
    /// found without running Razor, when none of the template files changed since it was stored; null otherwise.
    /// </summary>
    public Assembly? TryLoadUnchanged(string templateKey)
    {
        if (sources.Length == 0) return null;
        var sourceKey = SourceKeyOf(templateKey);
        foreach (var place in (ReadOnlySpan<string?>)[folder, shippedFolder])
        {
            if (place is null || ReadSource(place, sourceKey) is not { } key || TryLoad(place, key) is not { } assembly) continue;
            used[key] = 0;
            used[sourceKey] = 0;
            return assembly;
        }
        return null;
    }

    void IPrecompileCallback.Invoke(IGeneratedRazorTemplate generatedRazorTemplate, byte[] rawAssembly, byte[] rawSymbolStore)
    {
        if (folder is null) return;
        var key = KeyOf(generatedRazorTemplate);
        var path = PathFor(folder, key);
        try
        {
            // A reader sees either no file or a whole one, even with two builds storing the same template at once.
            Session.CacheFileWriter.Write(path, stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(Magic);
                writer.Write(key);
                writer.Write(rawAssembly.Length);
                writer.Write(rawAssembly);
                writer.Write(rawSymbolStore.Length);
                writer.Write(rawSymbolStore);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be written only costs the next run a compilation; the page is still right.
        }
    }

    /// <summary>Deletes the stored templates this instance did not use, so edits to templates do not pile up old assemblies.</summary>
    /// <remarks>Call it once every template was compiled (after <see cref="PageRenderer.CompileAllAsync"/>).</remarks>
    public void Prune()
    {
        if (folder is null || !Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".template", StringComparison.Ordinal) || f.EndsWith(".source", StringComparison.Ordinal)))
            if (!used.ContainsKey(Path.GetFileNameWithoutExtension(file))) TryDelete(file);
    }

    // Notes which template of the writable folder the sources of templateKey compile to (the shipped folder has its own notes).
    private void RememberSource(string templateKey, string key)
    {
        if (folder is null || sources.Length == 0) return;
        var sourceKey = SourceKeyOf(templateKey);
        used[sourceKey] = 0;
        if (ReadSource(folder, sourceKey) == key) return;
        try
        {
            Session.CacheFileWriter.Write(Path.Combine(folder, sourceKey + ".source"), stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                writer.Write(SourceMagic);
                writer.Write(sourceKey);
                writer.Write(key);
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the note the next run only generates the template's code again.
        }
    }

    private static string? ReadSource(string folder, string sourceKey)
    {
        try
        {
            var path = Path.Combine(folder, sourceKey + ".source");
            if (!File.Exists(path)) return null;
            using var reader = new BinaryReader(File.OpenRead(path));
            return reader.ReadString() == SourceMagic && reader.ReadString() == sourceKey ? reader.ReadString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    private string SourceKeyOf(string templateKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(environment + "\n" + sources + "\n" + templateKey)));

    // Every file of the folder, by path and content: a template's code also depends on the layouts, partials and
    // imports beside it, so any change in the folder counts as a change of each template.
    private static string DigestOf(string templatesFolder)
    {
        if (!Directory.Exists(templatesFolder)) return "";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(templatesFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            hash.AppendData(Encoding.UTF8.GetBytes($"{Path.GetRelativePath(templatesFolder, file).Replace('\\', '/')}\n{bytes.Length}\n"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Assembly? TryLoad(string folder, string key)
    {
        try
        {
            var path = PathFor(folder, key);
            if (!File.Exists(path)) return null;
            using var reader = new BinaryReader(File.OpenRead(path));
            // The key inside guards against a file renamed or copied over another template's.
            if (reader.ReadString() != Magic || reader.ReadString() != key) return null;
            var assembly = Assembly.Load(ReadBlock(reader), ReadBlock(reader));
            // Reading the template attribute resolves the page type, so a damaged image fails here and not mid-render.
            return assembly.GetCustomAttribute<RazorLightTemplateAttribute>()?.TemplateType is null ? null : assembly;
        }
        catch (Exception)
        {
            // Anything wrong with a stored file (truncated, overwritten, unreadable, not an assembly) means compile instead.
            return null;
        }
    }

    private static byte[] ReadBlock(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        // A damaged length must not make the reader allocate gigabytes before it notices the file is short.
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException("stored template is truncated");
        return reader.ReadBytes(length);
    }

    private string KeyOf(IGeneratedRazorTemplate template) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(environment + "\n" + template.GeneratedCode)));

    private static string PathFor(string folder, string key) => Path.Combine(folder, key + ".template");

    private static string Describe(Assembly assembly) =>
        $"{assembly.FullName} {assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion}";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
