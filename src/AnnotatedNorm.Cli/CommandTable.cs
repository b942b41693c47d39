namespace AnnotatedNorm.Cli;

/// <summary>Dispatches the first argument to a command and turns usage errors into exit code 2.</summary>
internal sealed class CommandTable(IReadOnlyList<ICommand> commands)
{
    public const int Success = 0;
    public const int BuildErrors = 1;
    public const int BadUsage = 2;

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            var topic = args.Length > 1 ? commands.FirstOrDefault(c => c.Name == args[1]) : null;
            output.Write(topic is null ? Usage() : topic.Help);
            return args.Length == 0 ? BadUsage : Success;
        }
        if (args[0] == "--version")
        {
            output.WriteLine(GeneratorVersion.Current);
            return Success;
        }
        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"annotatednorm: unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Where(c => c.Listed).Select(c => c.Name))}.");
            return BadUsage;
        }
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            output.Write(command.Help);
            return Success;
        }
        try
        {
            var options = CommandOptions.Parse(args.AsSpan(1), command.Flags, command.Values);
            return await command.RunAsync(options, output, error);
        }
        catch (UsageException e)
        {
            error.WriteLine($"annotatednorm {command.Name}: {e.Message}");
            error.WriteLine($"Run 'annotatednorm {command.Name} --help' for its options.");
            return BadUsage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure no stage turned into a diagnostic is a defect of the tool: one line, never a stack trace.
            error.WriteLine($"annotatednorm {command.Name}: internal error: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
            return BuildErrors;
        }
    }

    private string Usage() =>
        "Usage: annotatednorm <command> [options]\n\nCommands:\n"
        + string.Concat(commands.Where(c => c.Listed).Select(c => $"  {c.Name,-8}  {c.Summary}\n"))
        + "\nRun 'annotatednorm <command> --help' for a command's options, 'annotatednorm --version' for the version.\n";
}

/// <summary>One command of the command line.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    string Help { get; }

    IReadOnlySet<string> Flags { get; }

    IReadOnlySet<string> Values { get; }

    /// <summary>Whether the usage text names the command; one only the tool's own build runs is not.</summary>
    bool Listed => true;

    Task<int> RunAsync(CommandOptions options, TextWriter output, TextWriter error);
}

/// <summary>A mistake in how the tool was called.</summary>
internal sealed class UsageException(string message) : Exception(message);
