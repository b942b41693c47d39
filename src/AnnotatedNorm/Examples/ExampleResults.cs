using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace AnnotatedNorm.Examples;

/// <summary>The examples of the site and what each returned (a JSON array of outputs, by example id).</summary>
public sealed record ExampleResults(ImmutableArray<ExampleDeclaration> Declarations, ImmutableDictionary<string, string> Outputs)
{
    public static ExampleResults None { get; } = new([], ImmutableDictionary<string, string>.Empty);

    /// <summary>The examples declared in section <paramref name="section"/> of <paramref name="page"/> that have results, in source order.</summary>
    public IEnumerable<(ExampleDeclaration Example, string Outputs)> For(string page, int section) =>
        Declarations.Where(d => d.Section == section && d.Page == page && Outputs.ContainsKey(d.Id)).Select(d => (d, Outputs[d.Id]));

    /// <summary>What the results of one page are made of, for keys of caches that hold rendered pages.</summary>
    public string DigestOf(string page)
    {
        var text = new StringBuilder();
        foreach (var d in Declarations.Where(d => d.Page == page))
            text.Append(d).Append(Outputs.GetValueOrDefault(d.Id)).Append('\n');
        return text.Length == 0 ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
