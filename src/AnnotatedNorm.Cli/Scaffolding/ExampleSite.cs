namespace AnnotatedNorm.Cli.Scaffolding;

/// <summary>The example pages <c>init</c> writes into a folder without annotated sources, and their Japanese translation.</summary>
internal static class ExampleSite
{
    public const string SourceName = "RunningMean.cs";

    public const string ReadmeName = "readme.md";

    public const string Source = """
        // ---
        // title: Running mean
        // summary: An average that takes one value at a time, as an example of annotated source.
        // ---
        //
        // # Running mean
        //
        // Own-line `//` comments are Markdown. Each run of them explains the code below it, and the page sets the
        // two side by side.
        //
        // After $n$ values the mean is $\mu_n = \frac{1}{n}\sum_{i=1}^{n} x_i$. Keeping the sum can lose precision
        // when it grows large, so each new value moves the mean part of the way towards itself instead:
        //
        // $$\mu_n = \mu_{n-1} + \frac{x_n - \mu_{n-1}}{n}$$
        namespace Example;

        public sealed class RunningMean
        {
            private long count;

            public double Value { get; private set; }

            // Adding a value is the update above. A comment after code, like the one below, stays in the code.
            public void Add(double x)
            {
                count++;
                Value += (x - Value) / count;   // (x_n - mean) / n
            }
        }

        """;

    public static string Readme(string title) => $"""
        # {title}

        Annotated C# sources, with the commentary beside the code it explains. Start with
        [the running mean](RunningMean.html), a short example of how a source is written.

        - Own-line `//` comments are Markdown; a comment after code stays in the code.
        - Math between dollar signs is typeset with KaTeX when the site is built.
        - Run `annotatednorm build` to rebuild the site into `output/`, and `annotatednorm check` to verify its links.

        """;

    /// <summary>The Japanese of every commentary block above, by its English with whitespace collapsed.</summary>
    public static IReadOnlyDictionary<string, string> Japanese(string title) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [title] = title,
        ["Running mean"] = "移動平均",
        ["An average that takes one value at a time, as an example of annotated source."] = "値を 1 つずつ受け取る平均です。注釈付きソースの例として示します。",
        ["Own-line `//` comments are Markdown. Each run of them explains the code below it, and the page sets the two side by side."] =
            "単独の行に書いた `//` コメントは Markdown です。連続したコメントはその下のコードを説明し、ページでは両者が横に並びます。",
        ["After $n$ values the mean is $\\mu_n = \\frac{1}{n}\\sum_{i=1}^{n} x_i$. Keeping the sum can lose precision when it grows large, so each new value moves the mean part of the way towards itself instead:"] =
            "$n$ 個の値の平均は $\\mu_n = \\frac{1}{n}\\sum_{i=1}^{n} x_i$ です。合計を保持すると値が大きくなったときに精度が落ちることがあるため、代わりに新しい値が来るたびに平均をその値の方向へ少しだけ動かします。",
        ["$$\\mu_n = \\mu_{n-1} + \\frac{x_n - \\mu_{n-1}}{n}$$"] = "$$\\mu_n = \\mu_{n-1} + \\frac{x_n - \\mu_{n-1}}{n}$$",
        ["Adding a value is the update above. A comment after code, like the one below, stays in the code."] =
            "値の追加は上の更新式そのものです。下の行のようにコードの後ろに書いたコメントは、コードの側に残ります。",
        ["Annotated C# sources, with the commentary beside the code it explains. Start with [the running mean](RunningMean.html), a short example of how a source is written."] =
            "注釈付きの C# ソースを、説明するコードの横に解説を並べて公開しています。まずはソースの書き方を示す短い例、[移動平均](RunningMean.html) からどうぞ。",
        ["Own-line `//` comments are Markdown; a comment after code stays in the code."] =
            "単独の行に書いた `//` コメントは Markdown です。コードの後ろに書いたコメントはコードの側に残ります。",
        ["Math between dollar signs is typeset with KaTeX when the site is built."] =
            "ドル記号で囲んだ数式は、サイトのビルド時に KaTeX で組版されます。",
        ["Run `annotatednorm build` to rebuild the site into `output/`, and `annotatednorm check` to verify its links."] =
            "`annotatednorm build` でサイトを `output/` に再ビルドし、`annotatednorm check` でリンクを検証します。",
    };
}
