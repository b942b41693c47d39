namespace AnnotatedNorm.Tests.Site;

/// <summary><c>&lt;inheritdoc/&gt;</c> on a built page: the inherited text, its crefs linked, and a rebuild that sees the base's text change.</summary>
public class InheritedDocTests
{
    private const string Base = """
        namespace Demo;

        /// <summary>A shape with an <see cref="Area"/>, never &lt;b&gt;bold&lt;/b&gt;.</summary>
        public abstract class Shape
        {
            /// <summary>The area, in <see cref="System.Double"/> units.</summary>
            public abstract double Area { get; }
        }
        """;

    private const string Derived = """
        namespace Demo;

        /// <inheritdoc/>
        public sealed class Square : Shape
        {
            /// <inheritdoc/>
            public override double Area => 1;

            /// <inheritdoc/>
            public override string ToString() => "square";

            /// <inheritdoc/>
            public void Alone() { }
        }
        """;

    [Fact]
    public async Task Should_Show_Inherited_Documentation_With_Its_Crefs_Linked()
    {
        // Given a class and members that inherit from a base in another file and from System.Object
        using var tree = new SiteTree(("Shape.cs", Base), ("Square.cs", Derived));

        // When it is built
        var result = await tree.BuildAsync();

        // Then the inherited text shows, escaped text stays text, crefs link, and the member with no source warns at its element
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("Square.html", """
            <p>A shape with an <a href="Shape.html#section-2"><code>Demo.Shape.Area</code></a>, never &lt;b&gt;bold&lt;/b&gt;.</p>
            <p>The area, in <a href="https://learn.microsoft.com/dotnet/api/system.double"><code>System.Double</code></a> units.</p>
            <p>Returns a string that represents the current object.</p>
            ! <b>bold
            ! cref:
            """);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("AN0605", 12, 9), (warning.Code, warning.Line, warning.Column));
    }

    [Fact]
    public async Task Should_Show_The_Base_Text_As_It_Is_Now_When_Only_Commentary_Changed()
    {
        // Given a site built once
        using var tree = new SiteTree(("Shape.cs", Base), ("Square.cs", Derived));
        await tree.BuildAsync();

        // When only the base's doc comment text changes, which leaves every token as it was
        tree.Write("Shape.cs", Base.Replace("The area, in", "The surface, in", StringComparison.Ordinal));
        var result = await tree.BuildAsync();

        // Then the inheriting page shows the new text
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("Square.html", """
            <p>The surface, in <a href="https://learn.microsoft.com/dotnet/api/system.double"><code>System.Double</code></a> units.</p>
            ! The area, in
            """);
    }
}
