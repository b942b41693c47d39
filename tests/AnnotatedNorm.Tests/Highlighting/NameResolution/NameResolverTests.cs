using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Highlighting.NameResolution;
using AnnotatedNorm.Tests.Site;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AnnotatedNorm.Tests.Highlighting.NameResolution;

/// <summary>
/// Names resolved by lookup must mean exactly what binding says they mean: every identifier of the real content
/// and of sources written to provoke the language's special rules is classified both ways and compared.
/// </summary>
public class NameResolverTests
{
    // Each construct here is one that a lookup could get wrong if it ignored a rule of the language.
    private const string Tricky = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Al = System.Collections.Generic.List<int>;
        using static System.Math;

        namespace Outer.Inner
        {
            using System.Text;

            public enum Color { Red, Green, Blue = Green + 1 }

            public class Palette
            {
                public Color Color { get; set; }
                public static Color Default => Color.Red;
                public Color Pick() => Color.Green;
                public int Count() => Color == Color.Red ? 1 : 2;
                public StringBuilder Builder = new();
            }

            public class Base
            {
                private int hidden = 1;
                protected int shared = 2;
                public int Field = 3;
                public virtual string Describe() => "base";
                public void Overloaded(int x) { }
                public static int Twice(int value) => value * 2;
                public int Hidden() => hidden;
            }

            public class Derived : Base
            {
                public new int Field = 4;
                public int hidden = 5;
                public override string Describe() => base.Describe() + Field + shared + hidden;
                public void Overloaded(string s) { }
                public void Calls()
                {
                    Overloaded(1);
                    Overloaded("one");
                    this.Overloaded(2);
                    var text = Describe();
                    var length = text.Length;
                    var d = new Derived();
                    d.Field = Twice(length);
                    Base b = d;
                    b.Field = d.Field;
                    System.Diagnostics.Debug.Assert(length > 0);
                    Console.WriteLine(Max(1, 2) + Sqrt(4.0) + Math.Max(1.5, 2.5) + Math.Max(length, 3) + Math.Abs(-1));
                    Console.WriteLine(string.Join(",", new[] { "a" }) + int.MaxValue + nameof(Calls) + nameof(Base.Field));
                    List<int> list = [1, 2];
                    list.Add(3);
                    var evens = list.Where(n => n % 2 == 0).Select(n => n * 2).ToList();
                    Al alias = list;
                    alias.Add(evens.Count);
                    IEnumerable<int> sequence = list;
                    sequence.Count();
                    int[] array = [1];
                    Console.WriteLine(array.Length + array.Rank + list.Count + length.CompareTo(2));
                    (int first, string second) tuple = (1, "x");
                    Console.WriteLine(tuple.first + tuple.second + tuple.Item1);
                    int? maybe = null;
                    Console.WriteLine(maybe.HasValue ? maybe.Value : 0);
                    dynamic anything = 1;
                    anything.Whatever();
                    object o = d;
                    if (o is Derived { Field: > 0 } matched && matched.Field > 1) Console.WriteLine(matched);
                    if (int.TryParse("1", out var parsed)) Console.WriteLine(parsed);
                    switch (length)
                    {
                        case 1:
                            var inSwitch = 1;
                            Console.WriteLine(inSwitch);
                            break;
                        default:
                            inSwitch = 2;
                            break;
                    }
                    for (var i = 0; i < length; i++) { var i2 = i; Console.WriteLine(i2); }
                    foreach (var item in list) Console.WriteLine(item);
                    foreach (var (key, value) in new Dictionary<int, int>()) Console.WriteLine(key + value);
                    using (var stream = new System.IO.MemoryStream()) Console.WriteLine(stream.Length);
                    try { } catch (InvalidOperationException e) when (e.Message.Length > 0) { Console.WriteLine(e.Message); }
                    var query = from x in list where x > 1 let y = x * 2 select y;
                    Func<int, int> f = Local;
                    Console.WriteLine(f(1) + Local(2) + Generic<int>(3) + Generic(4));
                    var anonymous = new { Name = "n", list.Count };
                    Console.WriteLine(anonymous.Name + anonymous.Count);
                    var point = new Point(1, 2) with { X = 3 };
                    Console.WriteLine(point.X + point.Y);
                    goto done;
                    done:
                    Console.WriteLine(new Palette { Color = Color.Blue }.Color);
                    static int Local(int x) => x + 1;
                }

                public T Generic<T>(T value) => value;
                public int this[int index] { get => index; set => Field = value; }
                public event EventHandler? Changed;
                public void Raise() => Changed?.Invoke(this, EventArgs.Empty);
                private const double Epsilon = 1e-5;
                public double Scaled(double x, double eps = Epsilon) => x * eps;
            }

            public class Mixed
            {
                private int parsed = 7;
                private int[] values = [1];
                public void Pick(int x) { }
                public static void Pick(long x) { }
                public void Put(int x) { }
                public static double Scale(double x) => x;
                public static double Scale(double x, double y) => x * y;
                public static int Scale(params int[] xs) => xs.Length;
                public static int Optional(int a, int b = 2) => a + b;
                public static int Optional(int a) => a;
                public void Shapes()
                {
                    Console.WriteLine(Scale(1.0, 2.0) + Scale(1, 2) + Scale(5) + Scale(1, 2, 3) + Optional(1) + Optional(1, 3));
                    Array.Fill(values, 1);
                    Array.Resize(ref values, 2);
                    Console.WriteLine(Math.Max(values[0], 1) + Math.Round(2.5) + Math.Round(2.5, 1));
                }
                public void Calls(Mixed other)
                {
                    Mixed.Pick(1);
                    other.Pick(1);
                    other.Put("text");
                    if (int.TryParse("2", out var parsed)) Console.WriteLine(parsed);
                    Console.WriteLine(this.parsed);
                    foreach (var values in values) Console.WriteLine(values);
                    try { } catch (Exception values) when (values.Data.Count > this.values.Length) { }
                }
            }

            public record Point(int X, int Y)
            {
                public int Sum => X + Y;
            }

            public class Primary(int seed)
            {
                public int Seed => seed;
            }

            public interface IShape { double Area { get; } double Twice() => Area * 2; }

            public static class Extensions
            {
                public static int Doubled(this int value) => value * 2;
                public static void Overloaded(this Derived d, double x) { }
                public static int Use(Derived d) { d.Overloaded(1.5); return 3.Doubled(); }
                public static void Put(this Mixed m, string s) { }
            }
        }
        """;

    [Fact]
    public void Should_Give_The_Same_Meaning_As_Binding_For_Every_Name_Of_The_Tricky_Source()
    {
        // Given: sources written around the rules a lookup could miss
        // When: every identifier is classified by lookup and by binding
        var (compared, resolved, differences) = Compare([("tricky.cs", Tricky)], []);

        // Then: both agree on all of them
        Assert.Empty(differences);
        Assert.True(compared > 200, $"only {compared} names compared");
        Assert.True(resolved > compared / 2, $"only {resolved} of {compared} resolved by lookup");
    }

    [Fact]
    public void Should_Give_The_Same_Meaning_As_Binding_For_Every_Name_Of_The_Real_Content()
    {
        // Given: the site's own annotated sources, which use TorchSharp
        var root = RepositoryRoot.Find();
        var sources = Directory.GetFiles(Path.Combine(root, "content"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(p)))
            .ToArray();

        // When: every identifier is classified by lookup and by binding
        var (compared, resolved, differences) = Compare(sources, [HighlightedPage.TorchSharpPath]);

        // Then: both agree, and lookup answers most of them
        Assert.Empty(differences);
        Assert.True(compared > 1000, $"only {compared} names compared");
        Assert.True(resolved > compared * 8 / 10, $"only {resolved} of {compared} resolved by lookup");
    }

    [Fact]
    public void Should_Give_Locals_The_Same_Ids_Whether_Or_Not_The_Build_Keyed_Their_Files_First()
    {
        // Given: the tricky source compiled twice, once with its trees hashed for the bindings key (the walk that
        // also notes where tokens start), once without
        var options = CodeHighlighterOptions.Default;
        var plain = SourceCompiler.Parse([("tricky.cs", Tricky)], options);
        var keyed = SourceCompiler.Parse([("tricky.cs", Tricky)], options);
        _ = SemanticKey.Of(keyed, options);
        var (plainModel, keyedModel) = (SourceCompiler.Compile(plain, options).GetSemanticModel(plain[0]), SourceCompiler.Compile(keyed, options).GetSemanticModel(keyed[0]));

        // When: every identifier of both is bound
        var (a, b) = (new SemanticBinder(plainModel, new SymbolIdentity()), new SemanticBinder(keyedModel, new SymbolIdentity()));
        var pairs = plain[0].GetRoot().DescendantTokens().Zip(keyed[0].GetRoot().DescendantTokens())
            .Where(p => p.First.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken))
            .Select(p => (Plain: a.Bind(p.First), Keyed: b.Bind(p.Second), p.First.Text))
            .ToList();

        // Then: each gets the same id both ways, the locals' ids (counted in tokens) among them
        Assert.All(pairs, p => Assert.True(p.Plain.SymbolId == p.Keyed.SymbolId, $"{p.Text}: {p.Plain.SymbolId} vs {p.Keyed.SymbolId}"));
        Assert.True(pairs.Count(p => p.Plain.IsDeclaration && p.Plain.Declares.Any(d => d.Category == SymbolCategory.Local)) >= 5);
    }

    private static string Describe(BoundIdentifier bound) =>
        $"{bound.CssClass} {bound.SymbolId} {(bound.IsDeclaration ? "declares " + string.Join(", ", bound.Declares) : "")}";

    /// <returns>How many names were compared, how many of them lookup resolved, and every disagreement.</returns>
    private static (int Names, int Resolved, List<string> Differences) Compare((string Path, string Text)[] sources, string[] references)
    {
        var options = CodeHighlighterOptions.Default with { ReferencePaths = [.. references] };
        var trees = SourceCompiler.Parse(sources, options);
        var compilation = SourceCompiler.Compile(trees, options);
        var differences = new List<string>();
        int resolved = 0, names = 0;
        foreach (var tree in trees)
        {
            var lookedUp = new SemanticBinder(compilation.GetSemanticModel(tree), new SymbolIdentity());
            var bound = new SemanticBinder(compilation.GetSemanticModel(tree), new SymbolIdentity(), bindEveryName: true);
            var resolver = new NameResolver(compilation.GetSemanticModel(tree), new CompilationIndex(compilation));
            foreach (var token in tree.GetRoot().DescendantTokens(descendIntoTrivia: true))
            {
                if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)) continue;
                if (token.Parent is SimpleNameSyntax name)
                {
                    names++;
                    if (resolver.TryResolve(name, out _)) resolved++;
                }
                var (a, b) = (lookedUp.Bind(token), bound.Bind(token));
                if (a.CssClass != b.CssClass || a.SymbolId != b.SymbolId || a.IsDeclaration != b.IsDeclaration || a.IsInSource != b.IsInSource
                    || !a.Declares.SequenceEqual(b.Declares))
                {
                    var line = token.GetLocation().GetLineSpan().StartLinePosition;
                    differences.Add($"{Path.GetFileName(tree.FilePath)}({line.Line + 1},{line.Character + 1}) {token.Text}: lookup {Describe(a)}, binding {Describe(b)}");
                }
            }
        }
        return (names, resolved, differences);
    }
}
