namespace AnnotatedNorm.Tests.Site;

/// <summary>Crefs on a built page: a section of the site, the .NET API reference, or code without a link, and a warning where one is unbound.</summary>
public class CrefLinkTests
{
    private const string Page = """
        -- Box.cs
        namespace Demo;

        /// <summary>Holds one item; see <see cref="Box{T}.Put(int, string)"/> and <see cref="T:Demo.Box`1"/>.</summary>
        public sealed class Box<T>
        {
            /// Only when <see cref="Put(T)"/> is on, else <see cref="System.ArgumentNullException"/>; not <see cref="Nowhere"/>.
            public void Put(T item) { }

            /// <summary>Puts two.</summary>
            public void Put(int a, string b) { }
        }
        """;

    [Fact]
    public async Task Should_Link_Each_Cref_To_What_The_Compiler_Binds()
    {
        // Given a page whose crefs name its own members, a framework type and nothing at all
        using var tree = new SiteTree(Page);

        // When it is built
        var result = await tree.BuildAsync();

        // Then each links where it should, the unbound one is plain code, and only it warns, at its own place
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("Box.html", """
            <a href="#section-3"><code>Box{T}.Put(int, string)</code></a>
            <a href="#section-1"><code>Demo.Box`1</code></a>
            <p>Only when <a href="#section-2"><code>Put(T)</code></a> is on, else <a href="https://learn.microsoft.com/dotnet/api/system.argumentnullexception"><code>System.ArgumentNullException</code></a>; not <code>Nowhere</code>.</p>
            ! href="#"
            ! cref:
            """);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("AN0602", 6, 111), (warning.Code, warning.Line, warning.Column));
    }

    private const string Operators = """
        -- Money.cs
        namespace Demo;

        /// <summary>See <see cref="operator +(Money, Money)"/>, <see cref="explicit operator decimal(Money)"/>, <see cref="this[int]"/>,
        /// <see cref="decimal.operator +(decimal, decimal)"/>, <see cref="explicit operator int(decimal)"/> is not here, and
        /// <see cref="System.Collections.Generic.List{T}.this[int]"/>.</summary>
        public readonly struct Money
        {
            /// <summary>Adds.</summary>
            public static Money operator +(Money a, Money b) => a;

            /// <summary>Converts.</summary>
            public static explicit operator decimal(Money m) => 0m;

            /// <summary>A digit.</summary>
            public int this[int i] => i;
        }
        """;

    [Fact]
    public async Task Should_Link_Operators_Conversions_And_Indexers_To_Their_Sections()
    {
        // Given crefs to an operator, a conversion and an indexer of the page, and to two of the framework
        using var tree = new SiteTree(Operators);

        // When it is built
        var result = await tree.BuildAsync();

        // Then each of the page links to the section that declares it, and each of the framework to its page
        tree.AssertPage("Money.html", """
            <a href="#section-2"><code>operator +(Money, Money)</code></a>
            <a href="#section-3"><code>explicit operator decimal(Money)</code></a>
            <a href="#section-4"><code>this[int]</code></a>
            <a href="https://learn.microsoft.com/dotnet/api/system.decimal.op_addition"><code>decimal.operator +(decimal, decimal)</code></a>
            <a href="https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.item"><code>System.Collections.Generic.List{T}.this[int]</code></a>
            ! href="#"
            """);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("AN0602", 4, 68), (warning.Code, warning.Line, warning.Column));
    }

    // The part without documentation sorts first ("Meter.Async.cs" before "Meter.cs"), as the extra parts of a
    // partial type usually do.
    private const string Partial = """
        -- Meter.Async.cs
        namespace Demo;

        public partial class Meter
        {
            /// <summary>Reads a <see cref="Meter"/> later.</summary>
            public System.Threading.Tasks.Task<int> ReadAsync() => System.Threading.Tasks.Task.FromResult(Read());
        }
        -- Meter.cs
        namespace Demo;

        /// <summary>Measures a flow.</summary>
        public partial class Meter
        {
            /// <summary>Reads a <see cref="Meter"/> now.</summary>
            public int Read() => 0;
        }
        """;

    [Fact]
    public async Task Should_Link_A_Partial_Type_To_Its_Documented_Declaration()
    {
        // Given a partial type declared in two files, documented in the one that sorts last
        using var tree = new SiteTree(Partial);

        // When it is built
        var result = await tree.BuildAsync();

        // Then a cref to the type, from either file, links to the documented declaration
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        tree.AssertPage("Meter.html", """
            <p>Reads a <a href="#section-1"><code>Meter</code></a> now.</p>
            """);
        tree.AssertPage("Meter.Async.html", """
            <p>Reads a <a href="Meter.html#section-1"><code>Meter</code></a> later.</p>
            """);
    }
}
