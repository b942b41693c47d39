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
}
