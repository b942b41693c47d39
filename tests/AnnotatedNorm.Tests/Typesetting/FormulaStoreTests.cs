using AnnotatedNorm.Typesetting;

namespace AnnotatedNorm.Tests.Typesetting;

[Collection(KatexCollection.Name)]
public sealed class FormulaStoreTests(KatexFixture katex) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"annotatednorm-formulas-{Guid.NewGuid():N}");

    // A folder that does not exist yet: saving must create it.
    private string Folder => Path.Combine(root, "cache");

    private string StoreFile => Path.Combine(Folder, FormulaStore.FileName);

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Should_Return_Stored_Html_Without_Starting_The_Engine()
    {
        // Given a build that typeset and saved three formulas
        var formulas = new[] { (@"\frac{x - \mu}{\sigma}", false), (@"x \in \R", false), (@"\sum_i x_i", true) };
        string[] first;
        using (var build = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder))
        {
            first = formulas.Select(f => build.Render(f.Item1, f.Item2)).ToArray();
            Assert.True(build.SaveFormulas());
        }

        // When the next build asks for the same formulas
        using var next = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);
        var second = formulas.Select(f => next.Render(f.Item1, f.Item2)).ToArray();

        // Then the HTML is identical and V8 never ran
        Assert.Equal(first, second);
        Assert.Equal(0, next.EngineCalls);
        Assert.False(next.EngineStarted);
        Assert.Equal([StoreFile], Directory.GetFiles(Folder));
    }

    [Fact]
    public void Should_Typeset_A_Formula_The_Store_Does_Not_Hold()
    {
        // Given a store with one formula
        Save(KatexFixture.Macros, "a^2");

        // When the next build also asks for a new one
        using var next = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);
        next.Render("a^2", displayMode: false);
        Assert.False(next.EngineStarted);
        var html = next.Render("b_3", displayMode: false);

        // Then only the new one reached the engine
        Assert.Contains("<annotation encoding=\"application/x-tex\">b_3</annotation>", html);
        Assert.Equal(1, next.EngineCalls);
        Assert.True(next.EngineStarted);
    }

    [Fact]
    public void Should_Throw_A_Stored_Error_With_Its_Message_And_Position()
    {
        // Given a build that met a TeX error
        const string tex = @"x + \nosuchcommand";
        TexException original;
        using (var build = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder))
        {
            original = Assert.Throws<TexException>(() => build.Render(tex, displayMode: false));
            build.SaveFormulas();
        }

        // When the next build asks for the same formula
        using var next = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);
        var again = Assert.Throws<TexException>(() => next.Render(tex, displayMode: false));

        // Then it is the same error, from the store
        Assert.Equal(original.Message, again.Message);
        Assert.Equal(4, again.Position);
        Assert.Equal(0, next.EngineCalls);
    }

    [Fact]
    public void Should_Ignore_The_Store_When_The_Macros_Change_But_Not_When_Only_Their_Order_Does()
    {
        // Given a store written with two macros
        Save(new Dictionary<string, string> { [@"\R"] = @"\mathbb{R}", [@"\E"] = @"\mathbb{E}" }, @"\R");

        // When one build lists the same macros in another order, and another redefines one
        using var reordered = new KatexRenderer(katex.Package.ScriptPath,
            new Dictionary<string, string> { [@"\E"] = @"\mathbb{E}", [@"\R"] = @"\mathbb{R}" }, Folder);
        reordered.Render(@"\R", displayMode: false);
        using var redefined = new KatexRenderer(katex.Package.ScriptPath,
            new Dictionary<string, string> { [@"\R"] = @"\mathbf{R}", [@"\E"] = @"\mathbb{E}" }, Folder);
        var html = redefined.Render(@"\R", displayMode: false);

        // Then the first reuses the store and the second typesets with its own macro
        Assert.Equal(0, reordered.EngineCalls);
        Assert.Equal(1, redefined.EngineCalls);
        Assert.Contains("mathvariant=\"bold\"", html);
    }

    [Fact]
    public void Should_Ignore_The_Store_When_The_Katex_Script_Changes()
    {
        // Given a store written by a copy of KaTeX
        var script = Path.Combine(root, "katex.min.js");
        Directory.CreateDirectory(root);
        File.Copy(katex.Package.ScriptPath, script);
        using (var build = new KatexRenderer(script, KatexFixture.Macros, Folder))
        {
            build.Render("a^2", displayMode: false);
            build.SaveFormulas();
        }

        // When the script's bytes change, even harmlessly
        File.AppendAllText(script, "\n// another build of the same version\n");
        using var next = new KatexRenderer(script, KatexFixture.Macros, Folder);
        next.Render("a^2", displayMode: false);

        // Then the formula is typeset again
        Assert.Equal(1, next.EngineCalls);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("wrong-shape")]
    [InlineData("empty-entry")]
    [InlineData("null")]
    public void Should_Ignore_A_Corrupt_Store(string damage)
    {
        // Given a store file damaged in one way
        Save(KatexFixture.Macros, "a^2");
        var text = File.ReadAllText(StoreFile);
        var key = text[(text.IndexOf("\"engineKey\":\"", StringComparison.Ordinal) + 13)..][..64];
        File.WriteAllText(StoreFile, damage switch
        {
            "garbage" => "\u0001\u0002 not a store",
            "truncated" => text[..(text.Length / 2)],
            "wrong-shape" => $$$"""{"engineKey":"{{{key}}}","formulas":{"tex":"a^2"}}""",
            "empty-entry" => $$"""{"engineKey":"{{key}}","formulas":[{"tex":"a^2","display":false}]}""",
            _ => "null",
        });

        // When the next build asks for the formula
        using var next = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);
        var html = next.Render("a^2", displayMode: false);

        // Then it is typeset as if there were no store
        Assert.Contains("<annotation encoding=\"application/x-tex\">a^2</annotation>", html);
        Assert.Equal(1, next.EngineCalls);
    }

    [Fact]
    public void Should_Keep_Only_The_Formulas_Used_In_The_Run()
    {
        // Given a store with two formulas
        Save(KatexFixture.Macros, "a^2", "b^2");

        // When a build uses only one of them and saves
        using (var build = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder))
        {
            build.Render("a^2", displayMode: false);
            Assert.True(build.SaveFormulas());
        }

        // Then the next build finds that one and has to typeset the other
        using var next = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);
        next.Render("a^2", displayMode: false);
        Assert.Equal(0, next.EngineCalls);
        next.Render("b^2", displayMode: false);
        Assert.Equal(1, next.EngineCalls);
    }

    [Fact]
    public void Should_Not_Rewrite_A_Store_That_Already_Holds_Exactly_The_Run()
    {
        // Given a store with two formulas
        Save(KatexFixture.Macros, "a^2", "b^2");
        using var build = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros, Folder);

        // When a build uses both, saves, then uses a new one and saves twice
        build.Render("b^2", displayMode: false);
        build.Render("a^2", displayMode: false);
        var same = build.SaveFormulas();
        build.Render("c^2", displayMode: false);
        var grown = build.SaveFormulas();
        var again = build.SaveFormulas();

        // Then only the save after the new formula writes
        Assert.Equal((false, true, false), (same, grown, again));
    }

    [Fact]
    public void Should_Persist_Nothing_Without_A_Cache_Folder()
    {
        // Given
        using var renderer = new KatexRenderer(katex.Package.ScriptPath, KatexFixture.Macros);
        renderer.Render("a^2", displayMode: false);

        // When / Then
        Assert.False(renderer.SaveFormulas());
    }

    [Fact]
    public void Should_Fail_Clearly_At_First_Use_When_The_Katex_Script_Is_Broken()
    {
        // Given a script that is not JavaScript
        var script = Path.Combine(root, "katex.min.js");
        Directory.CreateDirectory(root);
        File.WriteAllText(script, "this is (not javascript");

        // When
        using var renderer = new KatexRenderer(script, KatexFixture.Macros, Folder);
        var first = Assert.Throws<InvalidOperationException>(() => renderer.Render("a", displayMode: false));
        var second = Assert.Throws<InvalidOperationException>(() => renderer.Render("b", displayMode: false));

        // Then every formula fails with an error naming the script, never as a TeX error of the page
        Assert.Contains(script, first.Message);
        Assert.Contains(script, second.Message);
        Assert.False(renderer.EngineStarted);
        Assert.False(renderer.SaveFormulas());
    }

    private void Save(IReadOnlyDictionary<string, string> macros, params string[] formulas)
    {
        using var build = new KatexRenderer(katex.Package.ScriptPath, macros, Folder);
        foreach (var tex in formulas) build.Render(tex, displayMode: false);
        Assert.True(build.SaveFormulas());
    }
}
