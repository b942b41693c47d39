using AnnotatedNorm.Cli;
using AnnotatedNorm.Cli.Commands;

return await Program.Commands().RunAsync(args, Console.Out, Console.Error);

internal partial class Program
{
    /// <summary>The table of commands; each maps its options to the library and calls it.</summary>
    internal static CommandTable Commands() => new(
    [
        new InitCommand(),
        new BuildCommand(),
        new CheckCommand(),
        new ServeCommand(),
        new CleanCommand(),
        new I18nCommand(),
        new ThemeCommand(),
        new PrecompileCommand(),
    ]);
}
