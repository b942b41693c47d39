using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

/// <summary>Which documentation an <c>&lt;inheritdoc/&gt;</c> stands for, and a recording that does not outlive the text it inherited.</summary>
public class InheritedDocResolverTests
{
    private const string Source = """
        interface IStore
        {
            /// <summary>Stores a value.</summary>
            void Put(int value);
        }

        class Store : IStore
        {
            /// <inheritdoc/>
            void IStore.Put(int value) { }

            /// <inheritdoc/>
            public override bool Equals(object? other) => false;

            /// <inheritdoc/>
            public override int GetHashCode() => 0;
        }
        """;

    [Fact]
    public void Should_Inherit_From_An_Explicit_Implementation_And_From_The_Framework()
    {
        // Given / When
        var inherited = CodeHighlighter.Create([("Store.cs", Source)], []).InheritedOf("Store.cs");

        // Then the interface member's text, and the framework's own for both overrides
        Assert.Equal(3, inherited.Length);
        Assert.Equal("<summary>Stores a value.</summary>", inherited[0].Xml);
        Assert.Contains("<param name=\"obj\">", inherited[1].Xml, StringComparison.Ordinal);
        Assert.Contains("Serves as the default hash function.", inherited[2].Xml, StringComparison.Ordinal);
        Assert.All(inherited, d => Assert.Null(d.Code));
    }

    [Fact]
    public void Should_Not_Replay_Inherited_Text_That_Has_Changed_Since()
    {
        // Given a highlighter whose recording holds the inherited text
        var first = CodeHighlighter.Create([("Store.cs", Source)], []);

        // When only the inherited comment's text changes, which leaves every token as it was
        var edited = Source.Replace("Stores a value.", "Keeps a value.", StringComparison.Ordinal);
        var second = CodeHighlighter.Create([("Store.cs", edited)], CodeHighlighterOptions.Default, first.Recording);

        // Then the text inherited is the new one
        Assert.Equal("<summary>Keeps a value.</summary>", second.InheritedOf("Store.cs")[0].Xml);
    }

    [Fact]
    public void Should_Replay_When_Only_Commentary_Outside_Doc_Comments_Changed()
    {
        // Given
        var first = CodeHighlighter.Create([("Store.cs", Source)], []);

        // When a line comment is added, which no inherited text depends on
        var second = CodeHighlighter.Create([("Store.cs", "// A store.\n" + Source)], CodeHighlighterOptions.Default, first.Recording);

        // Then the recording is replayed with what it inherited
        Assert.True(second.Replayed);
        Assert.Equal(first.InheritedOf("Store.cs").Select(d => d.Xml), second.InheritedOf("Store.cs").Select(d => d.Xml));
    }
}
