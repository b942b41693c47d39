using System.Text;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>
/// A small project of examples, without TorchSharp, compiled once with the runner for all the tests of a class: each test
/// builds a site whose one page is one of the project's files, so the page declares what the project compiled.
/// </summary>
public sealed class ExampleProjectFixture : IDisposable
{
    public const string Support = """
        namespace Fixture;

        [AttributeUsage(AttributeTargets.Method)]
        public sealed class ExampleAttribute : Attribute;

        public sealed record Series(string Label, double[] X, double[] Y);

        public enum FigureKind { Line, Scatter, Histogram, Bar }

        public sealed record Figure(FigureKind Kind, string Title, string XLabel, string YLabel, Series[] Series, bool LogY = false);

        public sealed record Table(string Caption, string[] Columns, string[][] Rows);

        public sealed record NamedValue(string Name, string Text);
        """;

    public static readonly IReadOnlyDictionary<string, string> Pages = new Dictionary<string, string>
    {
        ["throw"] = """
            // Throws on purpose.
            namespace Fixture;

            public static class Throwing
            {
                // The example.
                [Example]
                public static object Run() => throw new InvalidOperationException("the example failed on purpose");
            }
            """,
        ["hang"] = """
            // Never returns.
            namespace Fixture;

            public static class Hanging
            {
                [Example]
                public static object Run()
                {
                    Thread.Sleep(Timeout.Infinite);
                    return "";
                }
            }
            """,
        ["write"] = """
            // Writes into the content folder of its site.
            namespace Fixture;

            public static class Writing
            {
                [Example]
                public static string Run()
                {
                    var dir = new DirectoryInfo(AppContext.BaseDirectory);
                    while (dir.Name != ".annotatednorm") dir = dir.Parent!;
                    File.WriteAllText(Path.Combine(dir.Parent!.FullName, "content-write", "escaped.txt"), "escaped");
                    return "written";
                }
            }
            """,
        ["values"] = ValuesPage,
        ["print"] = """
            // Prints, returns text and draws.
            namespace Fixture;

            public static class Printing
            {
                // The example prints a line, returns a table and a figure.
                [Example]
                public static object[] Run()
                {
                    Console.WriteLine("printed by the example");
                    var random = new Random(20);
                    var xs = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
                    return
                    [
                        new Table("squares", ["n", "n²"], [["2", "4"], ["3", "9"]]),
                        new Figure(FigureKind.Line, "noise", "step", "value", [new Series("walk", xs, [.. xs.Select(_ => random.NextDouble())])]),
                        new Figure(FigureKind.Histogram, "spread", "value", "count", [new Series("", [], [.. xs.Select(_ => random.NextDouble())])]),
                    ];
                }
            }
            """,
    };

    /// <summary>A page whose example returns named values and a figure; its commentary (COMMENTARY) may be replaced, its code may not.</summary>
    public const string ValuesPage = """
        // Values quoted in the text.
        namespace Fixture;

        public static class Quoted
        {
            // COMMENTARY
            [Example]
            public static object[] Total() =>
            [
                new NamedValue("sum", (1 + 2 + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Figure(FigureKind.Bar, "noise by step", "step", "value", [new Series("walk", [1, 2, 3], [0.5, 1.5, 1])]),
            ];
        }
        """;

    public ExampleProjectFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), $"annotatednorm-examples-{Guid.NewGuid():N}");
        Write("lib/Fixture.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        Write("lib/Support.cs", Support);
        foreach (var (name, text) in Pages) Write($"lib/{name}.cs", text);
    }

    public string Root { get; }

    public string Project => Path.Combine(Root, "lib", "Fixture.csproj");

    public static string Runner => Path.Combine(RepositoryRoot.Find(), "src", "AnnotatedNorm.ExampleRunner", "AnnotatedNorm.ExampleRunner.csproj");

    /// <summary>A site in <c>content-{name}</c> whose one page is the project's file <paramref name="name"/>, built into <c>output-{name}</c>.</summary>
    public BuildOptions Site(string name, string? page = null)
    {
        Write($"content-{name}/site.json", SiteTree.DefaultConfiguration.Replace("\"en\", \"ja\"", "\"en\"", StringComparison.Ordinal));
        Write($"content-{name}/{name}.cs", page ?? Pages[name]);
        return new BuildOptions(Path.Combine(Root, $"content-{name}"), SiteTree.Templates, Path.Combine(Root, $"output-{name}"))
        {
            ReferencePaths = TestReferences.Paths,
            Examples = new ExampleOptions(Runner) { Project = Project },
        };
    }

    public string Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
