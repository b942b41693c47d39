using System.Collections.Immutable;
using AnnotatedNorm.Diagnostics;
using AnnotatedNorm.Documents;
using AnnotatedNorm.Examples;
using AnnotatedNorm.Parsing;
using AnnotatedNorm.Tests.Site;

namespace AnnotatedNorm.Tests.Examples;

/// <summary>The repository's content carries the results of its own code: a change of code without a build that saves them again fails here.</summary>
public sealed class SavedResultsTests
{
    [Fact]
    public void Should_Hold_The_Results_Of_The_Committed_Code_For_Every_Example()
    {
        // Given the repository's content and its saved results
        var repository = RepositoryRoot.Find();
        var content = Path.Combine(repository, "content");
        var stored = new ExampleResultsFile(content).Read();

        // When the key of its code is computed and its examples are found
        var inputs = ExampleInputFingerprint.Compute(Path.Combine(content, "AnnotatedNorm.Content.csproj"),
            Path.Combine(repository, "src", "AnnotatedNorm.ExampleRunner", "AnnotatedNorm.ExampleRunner.csproj"));
        var parser = new AnnotationParser();
        var documents = Directory.GetFiles(content, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f =>
            {
                var relative = Path.GetRelativePath(content, f).Replace('\\', '/');
                var text = File.ReadAllText(f);
                var document = parser.ParseCSharp(relative, text, relative, out var tree);
                return new ParsedDocument(new AnnotatedNorm.Discovery.SourceFile(relative, f, DocumentKind.CSharp), text, document) { Tree = tree };
            })
            .ToImmutableArray();
        var examples = ExampleFinder.Find(documents, new DiagnosticBag());

        // Then the saved results are for this code, and hold every example
        const string Fix = "the saved example results are stale: run 'dotnet run --project src/AnnotatedNorm.Cli -- build' and commit content/" + ExampleResultsFile.FileName;
        Assert.True(inputs == stored.Inputs, Fix);
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.True(stored.Outputs.ContainsKey(e.Id), $"{e.Id}: {Fix}"));
        Assert.Equal(examples.Select(e => e.Id).Order(StringComparer.Ordinal), stored.Outputs.Keys);
    }
}
