using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnnotatedNorm.Configuration;
using AnnotatedNorm.Discovery;
using AnnotatedNorm.Localization;
using AnnotatedNorm.Parsing;

namespace AnnotatedNorm.Cli.Scaffolding;

/// <summary>What <c>init</c> does to a folder: each file it wrote, and each it left because it was already there.</summary>
internal sealed record ScaffoldResult(ImmutableArray<string> Written, ImmutableArray<string> Skipped, ImmutableArray<string> Notes);

/// <summary>
/// Sets a folder up as a site: <c>site.json</c> from what the folder and its git repository say, and, when it has no
/// annotated sources yet, an example source and <c>readme.md</c> (with their translation catalogs for a second
/// language). Never replaces a file.
/// </summary>
internal sealed class SiteScaffolder(string folder, ImmutableArray<string> languages)
{
    private readonly List<string> written = [];
    private readonly List<string> skipped = [];
    private readonly List<string> notes = [];

    public ScaffoldResult Run(string? ciWorkflow)
    {
        var root = Path.GetFullPath(folder);
        var title = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } name ? name : "Annotated sources";
        var git = GitRepository.Of(root);
        Write(SiteConfiguration.FileName, SiteJson(root, title, git));
        if (!HasAnnotatedSources(root))
        {
            Write(ExampleSite.SourceName, ExampleSite.Source);
            if (HasReadme(root)) skipped.Add($"{ExampleSite.ReadmeName} (the folder has a readme page already)");
            else Write(ExampleSite.ReadmeName, ExampleSite.Readme(title));
            foreach (var culture in languages.Skip(1))
                foreach (var page in new[] { ExampleSite.SourceName, ExampleSite.ReadmeName })
                    WriteCatalog(root, page, culture, title);
        }
        if (ciWorkflow is not null) Write(".github/workflows/site.yml", ciWorkflow);
        return new ScaffoldResult([.. written], [.. skipped], [.. notes]);
    }

    private string SiteJson(string root, string title, GitRepository? git)
    {
        var pages = git is null ? null : GitRepository.PagesUrlOf(git.WebUrl);
        if (pages is null) notes.Add("set \"baseUrl\" in site.json to the address the site will be published at");
        var json = new JsonObject
        {
            ["title"] = title,
            ["baseUrl"] = pages ?? $"https://example.org/{Uri.EscapeDataString(title.ToLowerInvariant())}/",
        };
        if (git?.WebUrl is { } url)
            json["repository"] = new JsonObject { ["url"] = url, ["branch"] = git.Branch, ["contentPath"] = git.FolderPath };
        json["languages"] = new JsonArray([.. languages.Select(l => JsonValue.Create(l))]);
        var projects = Directory.EnumerateFiles(root, "*.csproj", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(p => Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar).SkipLast(1).All(InputFolder))
            .ToList();
        if (projects.Count == 1) json["project"] = Path.GetRelativePath(root, projects[0]).Replace('\\', '/');
        else if (projects.Count > 1) notes.Add($"found {projects.Count} projects; name the one to read build settings from as \"project\" in site.json");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static bool InputFolder(string name) => !name.StartsWith('.') && name is not ("bin" or "obj" or "node_modules" or "output");

    // A C# page with at least one line of commentary: a folder of plain sources still gets the example.
    private static bool HasAnnotatedSources(string root) =>
        ContentDiscoverer.Find(root).Pages.Any(p => p.Kind == Documents.DocumentKind.CSharp
            && File.ReadLines(p.FullPath).Any(line => line.TrimStart() is var t && t.StartsWith("//", StringComparison.Ordinal) && !t.StartsWith("///", StringComparison.Ordinal) && t.Length > 2));

    private static bool HasReadme(string root) =>
        Directory.EnumerateFiles(root).Any(f => Path.GetFileName(f) is var n && (n.Equals("readme.md", StringComparison.OrdinalIgnoreCase) || n.Equals("index.md", StringComparison.OrdinalIgnoreCase)));

    private void WriteCatalog(string root, string page, string culture, string title)
    {
        var path = Path.Combine(root, page);
        if (!File.Exists(path) || !written.Contains(page)) return;
        var document = new AnnotationParser().Parse(page, File.ReadAllText(path));
        var catalog = CatalogUpdater.Update(document, null, new CatalogUpdateOptions(culture) { SourceLanguage = languages[0] }).Catalog;
        if (culture == "ja")
        {
            var japanese = ExampleSite.Japanese(title);
            catalog = catalog with
            {
                Entries = [.. catalog.Entries.Select(e => japanese.TryGetValue(Collapse(e.Source), out var target) ? e with { Target = target, State = TranslationState.Translated } : e)],
            };
        }
        else
        {
            notes.Add($"translate {TranslationCatalog.PathFor(page, culture)} (any XLIFF editor), then build");
        }
        Write(TranslationCatalog.PathFor(page, culture), XliffCatalogWriter.ToText(catalog));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(folder, relativePath);
        if (File.Exists(path) || Directory.Exists(path))
        {
            skipped.Add($"{relativePath} (already there)");
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        written.Add(relativePath);
    }
}
