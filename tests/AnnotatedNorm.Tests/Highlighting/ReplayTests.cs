using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

/// <summary>Bindings recorded by one build and replayed by the next while the code is unchanged.</summary>
public class ReplayTests
{
    private const string Geometry = """
        namespace Demo;

        /// <summary>Uses <see cref="Scale(float)"/> on a <see cref="Point"/>.</summary>
        public static class Geometry
        {
            // Doubles, then returns.
            public static float Scale(float factor)
            {
                var doubled = factor * 2;
                var kept = doubled; // trailing note
                return kept;
            }

            public static float Shift(Point p) => p.X + Scale(1);
        }

        public record Point(float X, float Y);
        """;

    private const string User = """
        namespace Demo;

        public static class User
        {
            public static float Run() => Geometry.Shift(new Point(1, 2));
        }
        """;

    private static readonly CodeHighlighterOptions Options = CodeHighlighterOptions.Default;

    [Theory]
    [InlineData("// Doubles, then returns.", "// Doubles the factor, then returns it.\n    // A second line of commentary.")]
    [InlineData("        var doubled", "        // Commentary added inside the method, before a local.\n        var doubled")]
    [InlineData("/// <summary>Uses", "/// <summary>Now this summary uses")]
    [InlineData("// trailing note", "// a longer trailing note")]
    [InlineData("namespace Demo;\n", "namespace Demo;\n\n/* A block of commentary\n   over two lines. */\n")]
    [InlineData("public record Point", "/// <summary>A point.</summary>\npublic record Point")]
    [InlineData("/// <summary>Uses", "/// <summary>Uses no <paramref name=\"cref\"/>; it")]
    public void Should_Replay_Bindings_After_A_Commentary_Edit_And_Highlight_As_A_Cold_Build(string before, string after)
    {
        // Given a recording of the original sources
        var recording = CodeHighlighter.Create(Sources(Geometry), Options).Recording;

        // When only commentary changes and the sources are highlighted with the recording, and cold
        var edited = Sources(Geometry.Replace(before, after));
        Assert.NotEqual(Geometry, edited[0].Text);
        var replayed = CodeHighlighter.Create(edited, Options, recording);
        var cold = CodeHighlighter.Create(edited, Options);

        // Then the recording was used, and lines and declarations are exactly the cold ones
        Assert.True(replayed.Replayed);
        Assert.False(cold.Replayed);
        AssertSameHighlighting(cold, replayed, edited);
    }

    [Theory]
    [InlineData("factor * 2", "factor * 3")]
    [InlineData("var kept = doubled;", "var kept = doubled + 0;")]
    [InlineData("<see cref=\"Point\"/>", "<see cref=\"Geometry\"/>")]
    [InlineData("public record Point", "public record struct Point")]
    [InlineData("public record Point", "/// <summary>Near <see cref=\"Geometry\"/>.</summary>\npublic record Point")]
    [InlineData("namespace Demo;\n", "#define EXTRA\nnamespace Demo;\n")]
    [InlineData("/// <summary>Uses", "#if EXTRA\n#endif\n/// <summary>Uses")]
    public void Should_Compile_Again_When_Code_Or_A_Cref_Changes(string before, string after)
    {
        // Given a recording of the original sources
        var recording = CodeHighlighter.Create(Sources(Geometry), Options).Recording;

        // When code (or a cref, which binds) changes
        var edited = Sources(Geometry.Replace(before, after));
        Assert.NotEqual(Geometry, edited[0].Text);
        var highlighter = CodeHighlighter.Create(edited, Options, recording);

        // Then the recording is not used, and the result is the cold one
        Assert.False(highlighter.Replayed);
        AssertSameHighlighting(CodeHighlighter.Create(edited, Options), highlighter, edited);
    }

    [Fact]
    public void Should_Compile_Again_When_Another_File_Changes_Its_Code()
    {
        // Given a recording of two files
        var recording = CodeHighlighter.Create(Sources(Geometry), Options).Recording;

        // When only the second file's code changes, which can change what the first one's names mean
        var edited = new[] { ("Geometry.cs", Geometry), ("User.cs", User.Replace("Shift(new Point(1, 2))", "Scale(3)")) };
        var highlighter = CodeHighlighter.Create(edited, Options, recording);

        // Then
        Assert.False(highlighter.Replayed);
    }

    [Fact]
    public void Should_Compile_Instead_Of_Replaying_A_Recording_That_Does_Not_Fit()
    {
        // Given a recording with the same key whose first file lost its last binding
        var recording = CodeHighlighter.Create(Sources(Geometry), Options).Recording;
        var damaged = recording with { Files = recording.Files.SetItem("Geometry.cs", recording.Files["Geometry.cs"].RemoveAt(recording.Files["Geometry.cs"].Length - 1)) };

        // When it is offered for the same sources
        var highlighter = CodeHighlighter.Create(Sources(Geometry), Options, damaged);

        // Then the sources are compiled and highlighted correctly
        Assert.False(highlighter.Replayed);
        AssertSameHighlighting(CodeHighlighter.Create(Sources(Geometry), Options), highlighter, Sources(Geometry));
    }

    [Fact]
    public void Should_Highlight_The_Trees_The_Annotation_Parser_Made()
    {
        // Given both files parsed by the annotation parser
        var parser = new AnnotatedNorm.Parsing.AnnotationParser();
        var sources = Sources(Geometry);
        var trees = sources.Select(s => { parser.ParseCSharp(s.Path, s.Text, s.Path, out var tree); return tree; }).ToArray();

        // When they are handed to the highlighter
        var highlighter = CodeHighlighter.Create(sources, Options, previous: null, parsed: trees);

        // Then neither file is parsed again, and the result is the one of a highlighter that parsed them itself
        Assert.Equal(2, highlighter.ReusedTrees);
        AssertSameHighlighting(CodeHighlighter.Create(sources, Options), highlighter, sources);
    }

    private static (string Path, string Text)[] Sources(string geometry) => [("Geometry.cs", geometry), ("User.cs", User)];

    private static void AssertSameHighlighting(CodeHighlighter expected, CodeHighlighter actual, (string Path, string Text)[] sources)
    {
        Assert.Equal(expected.Declarations.AsEnumerable(), actual.Declarations.AsEnumerable());
        foreach (var (path, _) in sources)
            Assert.Equal(expected.Highlight(path, id => "#" + id).Lines.AsEnumerable(), actual.Highlight(path, id => "#" + id).Lines.AsEnumerable());
    }
}
