using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

/// <summary>Crefs are bound by the compiler, in every form it accepts, and classified as the page links them.</summary>
public class CrefBindingTests
{
    private const string Source = """
        namespace Demo;

        /// <summary>Holds one <typeparamref name="T"/>.</summary>
        public sealed class Box<T>
        {
            /// <summary>Takes it out.</summary>
            public T Get() => default!;

            /// <summary>Puts it in.</summary>
            public void Put(T item) { }

            /// <summary>Puts two.</summary>
            public void Put(int a, string b) { }

            /// <summary>Adds.</summary>
            public static Box<T> operator +(Box<T> x, Box<T> y) => x;

            /// <summary>Converts.</summary>
            public static explicit operator int(Box<T> box) => 0;
        }

        public static class Use
        {
            /// <summary>See <see cref="CREF"/>.</summary>
            public static void M() { }
        }
        """;

    [Theory]
    [InlineData("Box{T}", "T:Demo.Box`1")]
    [InlineData("Box{T}.Get", "M:Demo.Box`1.Get")]
    [InlineData("Box{T}.Put(int, string)", "M:Demo.Box`1.Put(System.Int32,System.String)")]
    [InlineData("Box{T}.Put(T)", "M:Demo.Box`1.Put(`0)")]
    [InlineData("T:Demo.Box`1", "T:Demo.Box`1")]
    [InlineData("M:Demo.Box`1.Put(System.Int32,System.String)", "M:Demo.Box`1.Put(System.Int32,System.String)")]
    [InlineData("Demo.Use.M", "M:Demo.Use.M")]
    [InlineData("M()", "M:Demo.Use.M")]
    public void Should_Bind_Each_Form_To_The_Declared_Symbol(string cref, string documentationId)
    {
        // Given
        var highlighter = CodeHighlighter.Create([("Box.cs", Source.Replace("CREF", cref, StringComparison.Ordinal))], []);
        var declared = highlighter.Declarations.First(d => d.DocumentationId == documentationId);

        // When
        var bound = highlighter.CrefsOf("Box.cs").Single();

        // Then
        Assert.Equal(cref, bound.Text);
        Assert.Equal(new CrefTarget(CrefTargetKind.Source, declared.SymbolId), bound.Target);
    }

    [Theory]
    [InlineData("Box{T}.operator +(Box{T}, Box{T})")]
    [InlineData("Box{T}.explicit operator int(Box{T})")]
    [InlineData("M:Demo.Box`1.op_Addition(Demo.Box{`0},Demo.Box{`0})")]
    public void Should_Bind_An_Operator_To_The_Symbol_In_The_Sources(string cref)
    {
        // Given
        var source = Source.Replace("CREF", cref, StringComparison.Ordinal);

        // When
        var bound = CodeHighlighter.Create([("Box.cs", source)], []).CrefsOf("Box.cs").Single();

        // Then
        Assert.Equal(CrefTargetKind.Source, bound.Target.Kind);
        Assert.StartsWith("s", bound.Target.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.ArgumentNullException", "https://learn.microsoft.com/dotnet/api/system.argumentnullexception")]
    [InlineData("T:System.String", "https://learn.microsoft.com/dotnet/api/system.string")]
    [InlineData("System.Collections.Generic.List{T}", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1")]
    [InlineData("System.Collections.Generic.List{T}.Add(T)", "https://learn.microsoft.com/dotnet/api/system.collections.generic.list-1.add")]
    [InlineData("string.Join(string, string[])", "https://learn.microsoft.com/dotnet/api/system.string.join")]
    [InlineData("System.ArgumentException(string)", "https://learn.microsoft.com/dotnet/api/system.argumentexception.-ctor")]
    [InlineData("System.Linq.Enumerable.Select{TSource, TResult}(System.Collections.Generic.IEnumerable{TSource}, System.Func{TSource, TResult})",
        "https://learn.microsoft.com/dotnet/api/system.linq.enumerable.select")]
    [InlineData("System.Collections.Generic", "https://learn.microsoft.com/dotnet/api/system.collections.generic")]
    public void Should_Link_A_Framework_Symbol_To_Its_Page_In_The_Api_Reference(string cref, string url)
    {
        // Given
        var source = Source.Replace("CREF", cref, StringComparison.Ordinal);

        // When
        var bound = CodeHighlighter.Create([("Box.cs", source)], []).CrefsOf("Box.cs").Single();

        // Then
        Assert.Equal(new CrefTarget(CrefTargetKind.Framework, url), bound.Target);
    }

    [Theory]
    [InlineData("Missing")]
    [InlineData("Box{T}.Put(double)")]
    [InlineData("T:Demo.Missing")]
    public void Should_Report_A_Cref_The_Compiler_Cannot_Bind_At_Its_Position(string cref)
    {
        // Given
        var source = Source.Replace("CREF", cref, StringComparison.Ordinal);

        // When
        var bound = CodeHighlighter.Create([("Box.cs", source)], []).CrefsOf("Box.cs").Single();

        // Then
        Assert.Equal(CrefTarget.Unbound, bound.Target);
        Assert.Equal((24, 33), (bound.Line, bound.Column));
    }

    [Fact]
    public void Should_Replay_The_Crefs_Of_An_Earlier_Build_Without_Compiling()
    {
        // Given
        var source = Source.Replace("CREF", "Box{T}.Get", StringComparison.Ordinal);
        var first = CodeHighlighter.Create([("Box.cs", source)], []);

        // When
        var second = CodeHighlighter.Create([("Box.cs", "// moved\n" + source)], CodeHighlighterOptions.Default, first.Recording);

        // Then
        Assert.True(second.Replayed);
        var (before, after) = (first.CrefsOf("Box.cs").Single(), second.CrefsOf("Box.cs").Single());
        Assert.Equal(before.Target, after.Target);
        Assert.Equal(before.Line + 1, after.Line);
    }
}
