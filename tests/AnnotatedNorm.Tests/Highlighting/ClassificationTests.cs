using AnnotatedNorm.Highlighting;
using C = AnnotatedNorm.Highlighting.HighlightClasses;

namespace AnnotatedNorm.Tests.Highlighting;

public class ClassificationTests
{
    private const string Sample = """
        namespace Demo.Shapes;

        public enum Color { Red, Green }

        public interface IShape { double Area { get; } }

        public delegate void Changed(int amount);

        public record struct Point(int X, int Y);

        public sealed class Circle<TUnit> : IShape where TUnit : struct
        {
            private const int Sides = 0;
            private double radius;
            public event Changed? Resized;
            public double Area => Math.PI * radius * radius;

            public Circle(double radius) { this.radius = radius; }

            public int Grow(int amount)
            {
                var total = 0;
                foreach (var step in new[] { 1, 2 })
                    total += step;
                if (amount is int exact && exact > Sides)
                    return exact + Twice(total);
                Resized?.Invoke(amount);
                var evens = from n in new[] { 1, 2 } where n % 2 == 0 select n;
                return nameof(radius).Length + Color.Red.GetHashCode();
                int Twice(int x) => x * 2;
            }
        }
        """;

    private static readonly HighlightedPage Page = HighlightedPage.Of(Sample);

    [Theory]
    [InlineData("namespace", C.Keyword)]
    [InlineData("public", C.Keyword)]
    [InlineData("var", C.Keyword)]
    [InlineData("nameof", C.Keyword)]
    [InlineData("where", C.Keyword)]
    [InlineData("get", C.Keyword)]
    [InlineData("record", C.Keyword)]
    [InlineData("foreach", C.ControlKeyword)]
    [InlineData("if", C.ControlKeyword)]
    [InlineData("return", C.ControlKeyword)]
    [InlineData("Demo", C.Namespace)]
    [InlineData("Math", C.Type)]
    [InlineData("PI", C.Constant)]
    [InlineData("Sides", C.Constant + " " + C.Declaration)]
    [InlineData("0", C.Number)]
    [InlineData("GetHashCode", C.Method)]
    public void Should_Classify_Token_By_Its_Kind_Or_Binding(string text, string expected)
    {
        // Given the sample highlighted once
        // When the first element showing the text is read
        var cssClass = Page.ClassOf(text);

        // Then it carries the class of what it is
        Assert.Equal(expected, cssClass);
    }

    [Theory]
    [InlineData("Color", C.Type)]
    [InlineData("IShape", C.Type)]
    [InlineData("Changed", C.Type)]
    [InlineData("Point", C.Type)]
    [InlineData("Circle", C.Type)]
    [InlineData("TUnit", C.TypeParameter)]
    [InlineData("Red", C.EnumMember)]
    [InlineData("Area", C.Property)]
    [InlineData("X", C.Parameter)]
    [InlineData("radius", C.Field)]
    [InlineData("Resized", C.Event)]
    [InlineData("Grow", C.Method)]
    [InlineData("amount", C.Parameter)]
    [InlineData("total", C.Local)]
    [InlineData("step", C.Local)]
    [InlineData("exact", C.Local)]
    [InlineData("n", C.Local)]
    [InlineData("Twice", C.Method, 1)]
    [InlineData("radius", C.Parameter, 3)]
    public void Should_Mark_The_Declaring_Identifier_With_Its_Class_And_Decl(string text, string expected, int occurrence = 0)
    {
        // Given the sample, where each name is declared at its first appearance unless told
        // When the element showing the name where it is declared is read
        var cssClass = Page.ClassOf(text, occurrence);

        // Then it is the declaration, classified by the declared symbol
        Assert.Equal($"{expected} {C.Declaration}", cssClass);
    }

    [Theory]
    [InlineData("Red", 1, C.EnumMember)]
    [InlineData("Color", 1, C.Type)]
    [InlineData("radius", 4, C.Field)]
    [InlineData("radius", 5, C.Parameter)]
    [InlineData("Sides", 1, C.Constant)]
    [InlineData("step", 1, C.Local)]
    [InlineData("exact", 2, C.Local)]
    [InlineData("Twice", 0, C.Method)]
    [InlineData("Resized", 1, C.Event)]
    [InlineData("n", 1, C.Local)]
    public void Should_Classify_A_Use_Like_Its_Declaration_Without_Decl(string text, int occurrence, string expected)
    {
        // Given the sample
        // When a later occurrence of the name is read
        var cssClass = Page.ClassOf(text, occurrence);

        // Then it has the symbol's class only
        Assert.Equal(expected, cssClass);
    }

    [Fact]
    public void Should_Give_A_Doc_Comment_Without_Cref_The_Same_Lines_As_One_With_A_Cref()
    {
        // Given two members documented alike, but the second comment also says "cref", so it is highlighted by its structure
        const string source = """
            class K
            {
                /// <summary>Scales <paramref name="x"/> by two &amp; more.</summary>
                /// <param name="x">The value.</param>
                int A(int x) => x;
                /// <summary>Scales <paramref name="x"/> by two &amp; more.</summary>
                /// <param name="x">The value.</param>
                /// <remarks>No cref here.</remarks>
                int B(int x) => x;
            }
            """;

        // When it is highlighted
        var lines = HighlightedPage.Of(source).Source.Lines;

        // Then the lines they share are the same HTML, one doc span from the slashes to the end of each line
        Assert.Equal(lines[5], lines[2]);
        Assert.Equal(lines[6], lines[3]);
        Assert.Equal("    <span class=\"doc\">/// &lt;summary&gt;Scales &lt;paramref name=\"x\"/&gt; by two &amp;amp; more.&lt;/summary&gt;</span>", lines[2]);
    }

    [Fact]
    public void Should_Classify_Comments_Strings_Escapes_And_Directives()
    {
        // Given code with each kind of literal and trivia
        const string source = """"
            /// <summary>Doc.</summary>
            class K
            {
            #region Parts
                string a = "x\ty"; // trailing
                string b = @"say ""hi""";
                char c = '\n';
                string d = $"v={c}";
                /* block */
            #if NEVER_DEFINED
                int hidden;
            #endif
            #endregion
            }
            """";

        // When it is highlighted
        var page = HighlightedPage.Of(source);

        // Then each piece has its class
        Assert.Equal(C.DocComment, page.ClassOf("/// <summary>Doc.</summary>"));
        Assert.Equal(C.Comment, page.ClassOf("// trailing"));
        Assert.Equal(C.Comment, page.ClassOf("/* block */"));
        Assert.Equal(C.String, page.ClassOf("\"x"));
        Assert.Equal(C.StringEscape, page.ClassOf("\\t"));
        Assert.Equal(C.StringEscape, page.ClassOf("\"\"", 0));
        Assert.Equal(C.StringEscape, page.ClassOf("\\n"));
        Assert.Equal(C.String, page.ClassOf("$\"v="));
        Assert.Equal(C.Field, page.ClassOf("c", 1));
        Assert.Equal(C.DisabledText, page.ClassOf("    int hidden;"));
        Assert.Equal(C.Preprocessor, page.ClassOf("#region Parts"));
        Assert.Equal(C.Preprocessor, page.ClassOf("#if NEVER_DEFINED"));
        Assert.Equal(C.Preprocessor, page.ClassOf("#endregion"));
    }

    [Fact]
    public void Should_Classify_Raw_Strings_And_Extension_Methods()
    {
        // Given a raw string and an extension method called on an instance
        const string source = """"
            static class Words
            {
                public static int Twice(this int x) => x * 2;
                static int Use() => """raw "text" here""".Length.Twice();
            }
            """";

        // When it is highlighted
        var page = HighlightedPage.Of(source);

        // Then the raw string is one string and the reduced call is a method sharing the declaration's id
        Assert.Equal(C.String, page.ClassOf("\"\"\"raw \"text\" here\"\"\""));
        var declaration = page.All("Twice")[0];
        var call = page.All("Twice")[1];
        Assert.Equal(C.Method, call.ClassName);
        Assert.Equal(declaration.GetAttribute("data-sym"), call.GetAttribute("data-sym"));
    }
}
