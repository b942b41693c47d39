namespace AnnotatedNorm.Cli;

/// <summary>Parsed <c>--flag</c> and <c>--name value</c> options of one command; anything unknown is a usage error.</summary>
internal sealed class CommandOptions
{
    private readonly HashSet<string> flags = [];
    private readonly Dictionary<string, string> values = [];

    public IReadOnlyList<string> Arguments { get; private init; } = [];

    public static CommandOptions Parse(ReadOnlySpan<string> args, IReadOnlySet<string> knownFlags, IReadOnlySet<string> knownValues)
    {
        var options = new CommandOptions();
        var arguments = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? inline = null;
            if (name.IndexOf('=') is var eq and >= 0) (name, inline) = (name[..eq], name[(eq + 1)..]);
            if (knownFlags.Contains(name) && inline is null)
                options.flags.Add(name);
            else if (knownValues.Contains(name))
                options.values[name] = inline ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? args[++i]
                    : throw new UsageException($"option '--{name}' needs a value"));
            else
                throw new UsageException($"unknown option '{arg}'");
        }
        return new CommandOptions { Arguments = arguments }.With(options);
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string Value(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    private CommandOptions With(CommandOptions parsed)
    {
        flags.UnionWith(parsed.flags);
        foreach (var (k, v) in parsed.values) values[k] = v;
        return this;
    }
}
