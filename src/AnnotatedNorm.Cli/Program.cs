using AnnotatedNorm.Cli;
using AnnotatedNorm.Cli.Commands;

return await Program.Commands(ownsProcess: true).RunAsync(args, Console.Out, Console.Error);

internal partial class Program
{
    /// <summary>The table of commands; each maps its options to the library and calls it.</summary>
    /// <param name="ownsProcess">
    /// Whether the commands run alone in this process and may tune it for one build (see <see cref="CollectionHold"/>);
    /// not when tests run them inside their own.
    /// </param>
    internal static CommandTable Commands(bool ownsProcess = false) => new(
    [
        new BuildCommand { OwnsProcess = ownsProcess },
        new CheckCommand { OwnsProcess = ownsProcess },
        new ServeCommand(),
        new CleanCommand(),
        new I18nCommand(),
        new PrecompileCommand(),
    ]);
}
