using System.Globalization;
using System.Text;

namespace SiteBenchmark;

/// <summary>Writes a deterministic content folder of annotated C# files, the same bytes for the same count on every machine.</summary>
/// <remarks>
/// Files sit ten to a folder, two folder levels deep, each about 150 lines: YAML front matter, a block-comment
/// docstring with display math, <c>//</c> commentary with inline math, lists and Japanese words, XML doc comments with
/// <c>cref</c>s, and string literals that contain <c>//</c>. Most formulas come from a shared pool (as on a real site,
/// where the same notation recurs); one per file is unique to it.
/// </remarks>
internal static class CorpusGenerator
{
    public const int FilesPerFolder = 10;
    public const int FoldersPerGroup = 10;

    private static readonly string[] Symbols = ["x", "y", "z", "h", "u", "v", "w", "a"];
    private static readonly string[] Operators = [@"\mu", @"\sigma", @"\gamma", @"\beta", @"\epsilon", @"\lambda"];
    private static readonly string[] Topics = ["scaling", "centering", "running statistics", "gradient flow", "numerical stability", "affine parameters"];
    private static readonly string[] Japanese = ["正規化", "平均", "分散", "勾配", "数値安定性", "スケール"];

    public static string RelativePath(int index) =>
        $"group{index / (FilesPerFolder * FoldersPerGroup):00}/part{index / FilesPerFolder % FoldersPerGroup}/Layer{index:0000}.cs";

    public static void Write(string contentRoot, int count, IReadOnlyList<string> languages)
    {
        if (Directory.Exists(contentRoot)) Directory.Delete(contentRoot, recursive: true);
        Directory.CreateDirectory(contentRoot);
        File.WriteAllText(Path.Combine(contentRoot, "site.json"), $$"""
            {
              "title": "Benchmark corpus",
              "description": "Generated annotated sources for timing the site build.",
              "baseUrl": "https://example.org/bench/",
              "languages": [{{string.Join(", ", languages.Select(l => $"\"{l}\""))}}],
              "references": [],
              "mathMacros": { "\\E": "\\mathbb{E}" }
            }
            """);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(contentRoot, RelativePath(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Source(i), new UTF8Encoding(false));
            if (i % (FilesPerFolder * FoldersPerGroup) == 0)
                File.WriteAllText(Path.Combine(contentRoot, $"group{i / (FilesPerFolder * FoldersPerGroup):00}", "readme.md"), Readme(i));
        }
    }

    private static string Readme(int index) => $"""
        ---
        title: Group {index / (FilesPerFolder * FoldersPerGroup)}
        summary: Layers {index} and the ones after it.
        ---

        # Group {index / (FilesPerFolder * FoldersPerGroup)}

        Each page of this group explains one layer. The first is [Layer{index:0000}](part0/Layer{index:0000}.cs).

        """;

    private static string Pick(string[] pool, int seed) => pool[(seed % pool.Length + pool.Length) % pool.Length];

    /// <summary>A formula from the shared pool: a few hundred distinct ones over the whole corpus.</summary>
    private static string Shared(int seed) =>
        $@"{Pick(Symbols, seed)}_{{{seed % 7}}} = \frac{{{Pick(Symbols, seed / 7)} - {Pick(Operators, seed / 3)}}}{{\sqrt{{{Pick(Operators, seed / 5)}^2 + \epsilon}}}}";

    private static string Source(int i)
    {
        var ns = $"Bench.Group{i / (FilesPerFolder * FoldersPerGroup):00}.Part{i / FilesPerFolder % FoldersPerGroup}";
        var name = $"Layer{i:0000}";
        var topic = Pick(Topics, i);
        var word = Pick(Japanese, i);
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $$"""
            /*
            ---
            title: {{name}}, {{topic}}
            summary: A generated layer that explains {{topic}} with $y = {{Pick(Symbols, i)}} \cdot \gamma + \beta$.
            ---

            # {{name}}

            This page belongs to the benchmark corpus. It describes {{topic}} ({{word}}) for a vector
            $x \in \mathbb{R}^{{{i % 97 + 2}}}$ and keeps every formula short.

            $$
            {{Shared(i)}}
            $$

            The layer applies the transformation per feature, then rescales it.
            */
            using System;
            using System.Collections.Generic;

            namespace {{ns}};

            /// <summary>
            /// Layer number {{i}} of the corpus: normalizes its input with <c>Normalize</c> and then
            /// scales it; see <see cref="{{name}}.Forward"/>.
            /// </summary>
            /// <remarks>Rows are independent, so the work splits over rows.</remarks>
            public sealed class {{name}}
            {
                // The default epsilon keeps $\sqrt{\sigma^2 + \epsilon}$ away from zero
                // even when every input is equal.
                private const double DefaultEpsilon = 1e-5;

                // A note kept in the code: the URL below contains `//`, which is not a comment.
                private const string Reference = "https://example.org//layers/{{i}}";

                private readonly double epsilon;
                private readonly double[] gamma;
                private readonly double[] beta;

                /// <summary>Creates the layer for <paramref name="features"/> inputs.</summary>
                /// <param name="features">Length of each input vector.</param>
                /// <param name="epsilon">Added to the variance before the square root.</param>
                public {{name}}(int features, double epsilon = DefaultEpsilon)
                {
                    this.epsilon = epsilon;
                    gamma = new double[features];
                    beta = new double[features];
                    Array.Fill(gamma, 1.0);
                }

            """);
        for (var m = 0; m < 3; m++)
        {
            var seed = i * 4 + m;
            s.Append(CultureInfo.InvariantCulture, $$"""
                    // ## Step {{m + 1}}: {{Pick(Topics, seed)}}
                    //
                    // We compute ${{Shared(seed % 251)}}$ for each element. Points to keep in mind:
                    //
                    // * the mean $\E[{{Pick(Symbols, seed)}}]$ is taken over the features,
                    // * the variance uses the same mean ({{Pick(Japanese, seed)}}),
                    // * the result has `Length` elements.
                    //
                    // Over the whole vector this is $$\sum_{k=1}^{n} {{Pick(Symbols, seed / 3)}}_k = n \cdot {{Pick(Operators, seed)}}$$ as
                    // expected.
                    public double[] Step{{m}}(double[] input)
                    {
                        var output = new double[input.Length];
                        var mean = 0.0;
                        foreach (var value in input) mean += value;
                        mean /= Math.Max(1, input.Length);
                        var note = "step {{m}} // not a comment";
                        for (var k = 0; k < input.Length; k++)
                        {
                            var centered = input[k] - mean; // trailing comment stays in the code
                            output[k] = centered * gamma[k % gamma.Length] + beta[k % beta.Length];
                        }
                        return note.Length > 0 ? output : input;
                    }


                """);
        }
        s.Append(CultureInfo.InvariantCulture, $$"""
                /// <summary>Normalizes <paramref name="input"/> to zero mean and unit variance.</summary>
                /// <returns>A new array; the input is not changed.</returns>
                public double[] Normalize(double[] input)
                {
                    var mean = 0.0;
                    foreach (var value in input) mean += value;
                    mean /= Math.Max(1, input.Length);
                    var variance = 0.0;
                    foreach (var value in input) variance += (value - mean) * (value - mean);
                    variance /= Math.Max(1, input.Length);
                    var scale = 1.0 / Math.Sqrt(variance + epsilon);
                    var result = new double[input.Length];
                    for (var k = 0; k < input.Length; k++) result[k] = (input[k] - mean) * scale;
                    return result;
                }

                // Forward runs every step in order, see `Normalize` for the core.
                // The steps are:
                //
                // 1. normalize,
                // 2. step through the three transformations,
                // 3. return the result of the last one.
                public double[] Forward(double[] input)
                {
                    var x = Normalize(input);
                    x = Step0(x);
                    x = Step1(x);
                    x = Step2(x);
                    return x;
                }

                /* The weights as a list, for inspection in tests; $\gamma$ first. */
                public IReadOnlyList<double> Weights() => [.. gamma, .. beta];

                public override string ToString() => $"{nameof({{name}})} {Reference}";
            }

            """);
        return s.ToString();
    }
}
