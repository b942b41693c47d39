using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

public class LinkingTests
{
    private const string Shapes = """
        namespace Demo;

        public sealed class Square
        {
            public Square(int side) { Side = side; }
            public Square() : this(1) { }
            public int Side { get; }
            public static int Area(int side) => side * side;
            public static int Area(Square square) => Area(square.Side);
        }
        """;

    private const string Garden = """
        namespace Demo;

        public static class Garden
        {
            public static int Plant() => Square.Area(new Square(2)) + Square.Area(3) + new Square().Side;
            public static string Name() => new System.Text.StringBuilder().ToString();
        }
        """;

    [Fact]
    public void Should_Link_A_Use_In_One_File_To_A_Type_Declared_In_Another()
    {
        // Given two files, the second using a type the first declares
        var highlighter = CodeHighlighter.Create([("Shapes.cs", Shapes), ("Garden.cs", Garden)], []);
        var squareId = highlighter.Declarations.Single(d => d.Name == "Square" && d.Category == SymbolCategory.Type).SymbolId;

        // When the second file is highlighted with a link function that knows the declaring page
        var source = highlighter.Highlight("Garden.cs", id => id == squareId ? "Shapes.html#section-1" : null);
        var page = HighlightedPage.Parse(source);

        // Then the type name used as a qualifier links to the declaring page
        var link = Assert.Single(page.QuerySelectorAll("a[href='Shapes.html#section-1']").Take(1));
        Assert.Equal("Square", link.TextContent);
        Assert.Equal(squareId, link.GetAttribute("data-sym"));
    }

    [Fact]
    public void Should_Share_One_Id_Among_Uses_And_Give_Overloads_Their_Own()
    {
        // Given the two files
        var page = HighlightedPage.Of(("Garden.cs", Garden), ("Shapes.cs", Shapes));
        var highlighter = page.Highlighter;
        var shapes = HighlightedPage.Parse(highlighter.Highlight("Shapes.cs", id => "#" + id));
        var areaBySquare = highlighter.Declarations.Single(d => d.DisplayName == "Demo.Square.Area(Demo.Square)").SymbolId;
        var areaByInt = highlighter.Declarations.Single(d => d.DisplayName == "Demo.Square.Area(int)").SymbolId;

        // When the calls to Area in both files are read
        var calls = page.All("Area").Concat(shapes.QuerySelectorAll("a").Where(a => a.TextContent == "Area"))
            .Select(e => e.GetAttribute("data-sym")).ToList();

        // Then each call carries the id of the overload it resolves to, the same in both files
        Assert.NotEqual(areaByInt, areaBySquare);
        Assert.Equal([areaBySquare, areaByInt, areaByInt], calls);
    }

    [Fact]
    public void Should_Mark_Declarations_As_Spans_And_Uses_As_Links()
    {
        // Given the two files
        var page = HighlightedPage.Of(("Shapes.cs", Shapes), ("Garden.cs", Garden));

        // When the occurrences of the parameter side are read
        var sides = page.All("side");

        // Then the parameter declaration is a span with decl, its use a link to its id
        Assert.Equal("SPAN", sides[0].TagName);
        Assert.Contains(HighlightClasses.Declaration, sides[0].ClassList);
        Assert.Null(sides[0].GetAttribute("href"));
        Assert.Equal("A", sides[1].TagName);
        Assert.Equal("#" + sides[0].GetAttribute("data-sym"), sides[1].GetAttribute("href"));
    }

    [Fact]
    public void Should_Bind_Object_Creation_To_The_Constructor_It_Calls()
    {
        // Given a type with two constructors and a framework type created with new
        var page = HighlightedPage.Of(("Garden.cs", Garden), ("Shapes.cs", Shapes));
        var declarations = page.Highlighter.Declarations;
        var byInt = declarations.Single(d => d.DisplayName == "Demo.Square.Square(int)").SymbolId;
        var bare = declarations.Single(d => d.DisplayName == "Demo.Square.Square()").SymbolId;
        var type = declarations.Single(d => d.DisplayName == "Demo.Square").SymbolId;

        // When the names after new are read
        var created = page.All("Square").Where(e => e.PreviousElementSibling?.TextContent == "new").ToList();
        var builder = page.Single("StringBuilder");

        // Then each links to its constructor, classified as the type; a framework type keeps a plain id
        Assert.Equal([byInt, bare], created.Select(e => e.GetAttribute("data-sym")));
        Assert.All(created, e => Assert.Equal(HighlightClasses.Type, e.ClassName));
        Assert.DoesNotContain(type, created.Select(e => e.GetAttribute("data-sym")));
        Assert.Equal("SPAN", builder.TagName);
        Assert.StartsWith("s", builder.GetAttribute("data-sym"));
    }

    [Fact]
    public void Should_Bind_Constructed_Generics_To_Their_Definition()
    {
        // Given a generic type used with two type arguments, beside a framework generic used likewise
        const string source = """
            class Box<T> { public T Value = default!; }
            class Use
            {
                Box<int> a = new();
                Box<string> b = new();
                System.Collections.Generic.List<int> c = new();
                System.Collections.Generic.List<string> d = new();
                int M() => a.Value + b.Value.Length;
            }
            """;

        // When it is highlighted
        var page = HighlightedPage.Of(source);
        string?[] IdsOf(string text) => [.. page.All(text).Select(e => e.GetAttribute("data-sym"))];

        // Then each generic and its member has one id for all constructions, linked to the source declaration
        Assert.Single(IdsOf("Box").Distinct());
        Assert.Single(IdsOf("List").Distinct());
        Assert.Single(IdsOf("Value").Distinct());
        Assert.Equal("#" + IdsOf("Box")[0], page.All("Box")[1].GetAttribute("href"));
    }

    [Fact]
    public void Should_Produce_The_Same_Ids_On_Every_Build()
    {
        // Given the same sources compiled twice, in different orders
        var first = CodeHighlighter.Create([("Shapes.cs", Shapes), ("Garden.cs", Garden)], []);
        var second = CodeHighlighter.Create([("Garden.cs", Garden), ("Shapes.cs", Shapes)], []);

        // When both highlight the same file
        var a = first.Highlight("Garden.cs", id => "#" + id);
        var b = second.Highlight("Garden.cs", id => "#" + id);

        // Then the HTML is identical
        Assert.Equal<string>(a.Lines, b.Lines);
    }
}
