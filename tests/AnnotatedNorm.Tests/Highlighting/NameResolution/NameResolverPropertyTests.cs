using AnnotatedNorm.Highlighting;
using AnnotatedNorm.Highlighting.NameResolution;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AnnotatedNorm.Tests.Highlighting.NameResolution;

/// <summary>
/// The resolver against Roslyn on generated programs: overloads (with and without priorities), generics, extension
/// methods, lambdas, patterns, <c>using static</c>, aliases, nested types and partial classes. Every identifier that
/// the compiler binds without error must get the same class, symbol and declaration both ways.
/// </summary>
public class NameResolverPropertyTests
{
    private static readonly string[] ParameterTypes = ["int", "long", "double", "string", "object", "bool", "int?"];
    private static readonly string[] Arguments = ["1", "2L", "1.5", "\"s\"", "true", "null", "'c'", "n", "text", "flag", "(object)1"];

    /// <summary>One overload of <c>M</c>: parameter types, whether the last one is optional, a priority, and whether it is static.</summary>
    private static readonly Gen<string> Overload =
        Gen.Select(Gen.OneOf<string>(ParameterTypes).Array[0, 2], Gen.Bool, Gen.Int[-1, 2], Gen.Bool, (types, optional, priority, isStatic) =>
        {
            var parameters = types.Select((t, i) => $"{t} p{i}" + (optional && i == types.Length - 1 ? " = default" : ""));
            var attribute = priority == 0 ? "" : $"[OverloadResolutionPriority({priority})] ";
            return $"    {attribute}public {(isStatic ? "static " : "")}int M({string.Join(", ", parameters)}) => {types.Length};";
        });

    /// <summary>A call of <c>M</c> with some arguments, through one of the receivers a name can have.</summary>
    private static readonly Gen<string> Call =
        Gen.Select(Gen.OneOf<string>("", "this.", "Holder.", "new Holder()."), Gen.OneOf<string>(Arguments).Array[0, 2],
            (receiver, arguments) => $"        total += {receiver}M({string.Join(", ", arguments)});");

    /// <summary>Statements each built around one rule of the language.</summary>
    private static readonly Gen<string> Statement = Gen.OneOf<string>(
        "        total += n.Twice() + text.Twice().Length;",
        "        total += Ext.Twice(n) + Max(n, 2) + (int)Sqrt(4.0) + Abs(-n);",
        "        Alias list = [1, 2, n]; list.Add(3); total += list.Count + list.Where(x => x > 1).Select(x => x.Twice()).Sum();",
        "        Func<int, int> twice = x => x * 2; total += twice(n) + new List<int> { 1 }.Select(twice).First();",
        "        object o = n; if (o is int i && i > 0) total += i; total += o switch { int k => k, string s => s.Length, _ => 0 };",
        "        total += Id(n) + Id<string>(text).Length + new Box<int>(n).Value + new Box<string>(text).Get().Length;",
        "        total += Nested.Outer.Inner.Value + Nested.Outer.Make().Count + new Nested.Outer.Inner().Self().Field;",
        "        total += Part() + OtherPart(n) + (flag ? 1 : 0);",
        "        var pair = (first: n, second: text); total += pair.first + pair.second.Length + pair.Item1;",
        "        foreach (var (key, value) in new Dictionary<string, int> { [text] = n }) total += key.Length + value;",
        "        total += Enumerable.Range(0, n).Aggregate(0, (acc, x) => acc + x) + text?.Length ?? 0;",
        "        Action<string> print = Console.WriteLine; print(text); total += nameof(Holder).Length + nameof(M).Length;");

    private static readonly Gen<string> Program =
        Gen.Select(Overload.Array[1, 4], Call.Array[1, 5], Statement.Array[1, 5], (overloads, calls, statements) => $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using static System.Math;
            using Alias = System.Collections.Generic.List<int>;

            namespace Generated;

            public static class Ext
            {
                public static int Twice(this int x) => x * 2;
                public static string Twice(this string s) => s + s;
            }

            public sealed class Box<T>(T value)
            {
                public T Value => value;
                public T Get() => value;
            }

            public static class Nested
            {
                public sealed class Outer
                {
                    public static List<int> Make() => [1];
                    public sealed class Inner
                    {
                        public const int Value = 2;
                        public int Field = 3;
                        public Inner Self() => this;
                    }
                }
            }

            public partial class Holder
            {
                private static int OtherPart(int x) => x;
            }

            public partial class Holder
            {
            {{string.Join("\n", overloads)}}

                private int Part() => 1;
                private static T Id<T>(T x) => x;

                public int Run(int n, string text, bool flag)
                {
                    var total = 0;
            {{string.Join("\n", calls)}}
            {{string.Join("\n", statements)}}
                    return total;
                }
            }
            """);

    [Fact]
    public void Should_Agree_With_Binding_On_Every_Name_Of_Generated_Programs()
    {
        Program.Sample(source => Differences(source).Count == 0, iter: 25, threads: 1,
            print: source => source + "\n" + string.Join("\n", Differences(source)));
    }

    private static List<string> Differences(string source)
    {
        var options = CodeHighlighterOptions.Default;
        var trees = SourceCompiler.Parse([("generated.cs", source)], options);
        return Differences(SourceCompiler.Compile(trees, options), trees[0]);
    }

    [Fact]
    public void Should_Bind_A_Call_To_The_Overload_Of_Highest_Priority()
    {
        // Given an exact match of lower priority than an overload with an optional parameter
        const string source = """
            using System.Runtime.CompilerServices;
            public static class C
            {
                public static void Check(bool condition) { }
                [OverloadResolutionPriority(1)] public static void Check(bool condition, string? message = null) { }
                public static void Use(bool flag) => Check(flag);
            }
            """;
        var options = CodeHighlighterOptions.Default;
        var trees = SourceCompiler.Parse([("c.cs", source)], options);
        var compilation = SourceCompiler.Compile(trees, options);

        // When the call is resolved by lookup
        var differences = Differences(compilation, trees[0]);

        // Then it agrees with the compiler, which calls the two-parameter overload
        Assert.Empty(differences);
    }

    /// <summary>Every identifier outside the compiler's errors on which lookup and binding disagree.</summary>
    private static List<string> Differences(CSharpCompilation compilation, SyntaxTree tree)
    {
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree == tree)
            .Select(d => d.Location.SourceSpan)
            .ToList();
        var model = compilation.GetSemanticModel(tree);
        var lookedUp = new SemanticBinder(compilation.GetSemanticModel(tree), new SymbolIdentity());
        var bound = new SemanticBinder(compilation.GetSemanticModel(tree), new SymbolIdentity(), bindEveryName: true);
        var differences = new List<string>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || errors.Any(e => e.IntersectsWith(token.Span))) continue;
            // A name the compiler binds only with an error (no applicable overload, an ambiguity) has candidates, no symbol.
            if (token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax name && model.GetSymbolInfo(name).CandidateReason != CandidateReason.None) continue;
            var (a, b) = (lookedUp.Bind(token), bound.Bind(token));
            if (a.CssClass != b.CssClass || a.SymbolId != b.SymbolId || a.IsDeclaration != b.IsDeclaration || a.IsInSource != b.IsInSource
                || !a.Declares.SequenceEqual(b.Declares))
            {
                var line = token.GetLocation().GetLineSpan().StartLinePosition;
                differences.Add($"({line.Line + 1},{line.Character + 1}) {token.Text}: lookup {a.CssClass} {a.SymbolId}, binding {b.CssClass} {b.SymbolId}");
            }
        }
        return differences;
    }
}
