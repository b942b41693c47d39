using AnnotatedNorm.Highlighting;

namespace AnnotatedNorm.Tests.Highlighting;

public class DeclarationTests
{
    private const string Source = """
        namespace Demo;

        /// <summary>Uses <see cref="Scale(float)"/> on a <see cref="Point"/>.</summary>
        public static class Geometry
        {
            public static float Scale(float factor)
            {
                var doubled = factor * 2;
                return doubled;
            }

            public static float Shift(Point p) => p.X + Scale(1);
        }

        public record Point(float X, float Y);
        """;

    private static readonly HighlightedPage Page = HighlightedPage.Of(Source);

    [Fact]
    public void Should_List_Members_With_Qualified_Names_And_Documentation_Ids()
    {
        // Given the source, declarations are collected when it is compiled
        var declarations = Page.Highlighter.Declarations;

        // When a method is looked up by documentation id
        var scale = Assert.Single(declarations, d => d.DocumentationId == "M:Demo.Geometry.Scale(System.Single)");

        // Then it carries its category, names and position
        Assert.Equal(SymbolCategory.Method, scale.Category);
        Assert.Equal("Scale", scale.Name);
        Assert.Equal("Demo.Geometry.Scale(float)", scale.DisplayName);
        Assert.Equal(("a.cs", 6, 25), (scale.Path, scale.Line, scale.Column));
        Assert.Contains(declarations, d => d.DocumentationId == "T:Demo.Geometry" && d.Line == 4);
    }

    [Fact]
    public void Should_List_Locals_And_Parameters_Without_Documentation_Ids()
    {
        // Given the source
        var declarations = Page.Highlighter.Declarations;

        // When the local and the parameter are looked up
        var doubled = Assert.Single(declarations, d => d.Name == "doubled");
        var factor = Assert.Single(declarations, d => d.Name == "factor");

        // Then they are listed with their category and line but no documentation id
        Assert.Equal((SymbolCategory.Local, 8, null), (doubled.Category, doubled.Line, doubled.DocumentationId));
        Assert.Equal((SymbolCategory.Parameter, 6, null), (factor.Category, factor.Line, factor.DocumentationId));
    }

    [Fact]
    public void Should_Declare_The_Property_Of_A_Positional_Record_Parameter()
    {
        // Given a positional record whose property X is used elsewhere
        var declarations = Page.Highlighter.Declarations;

        // When the use of X is read
        var use = Page.All("X")[0];

        // Then its id is declared, as a property, on the parameter's line
        var property = Assert.Single(declarations, d => d.SymbolId == use.GetAttribute("data-sym"));
        Assert.Equal((SymbolCategory.Property, 15), (property.Category, property.Line));
        Assert.Equal("#" + property.SymbolId, use.GetAttribute("href"));
    }

    [Fact]
    public void Should_Link_Cref_Names_In_Documentation_Comments()
    {
        // Given a doc comment that refers to a method and a type
        var scale = Page.Highlighter.Declarations.Single(d => d.Name == "Scale").SymbolId;
        var point = Page.Highlighter.Declarations.Single(d => d.DocumentationId == "T:Demo.Point").SymbolId;

        // When the names inside the crefs are read
        var crefScale = Page.All("Scale")[0];
        var crefPoint = Page.All("Point")[0];

        // Then they are linked like uses in code
        Assert.Equal(("#" + scale, HighlightClasses.Method), (crefScale.GetAttribute("href"), crefScale.ClassName));
        Assert.Equal(("#" + point, HighlightClasses.Type), (crefPoint.GetAttribute("href"), crefPoint.ClassName));
    }

    [Fact]
    public void Should_Count_Types_And_Members_As_Names_To_Search_But_Not_Locals_Or_Parameters()
    {
        // Given the declarations of the source
        var declarations = Page.Highlighter.Declarations;

        // When each is asked whether it is a type or a member
        string[] Named(bool member) => [.. declarations.Where(d => d.IsTypeOrMember == member).Select(d => d.Name).Distinct().Order(StringComparer.Ordinal)];

        // Then the classes, the record, its properties and the methods are; the local and the parameters are not
        Assert.Equal(["Geometry", "Point", "Scale", "Shift", "X", "Y"], Named(member: true));
        Assert.Equal(["X", "Y", "doubled", "factor", "p"], Named(member: false));
    }
}
