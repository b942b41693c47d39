using AnnotatedNorm.Cli;
using AnnotatedNorm.Cli.Commands;

// The table of commands; each maps its options to the library and calls it.
var commands = new CommandTable(
[
    new BuildCommand(),
    new CheckCommand(),
    new ServeCommand(),
    new CleanCommand(),
    new I18nCommand(),
]);
return await commands.RunAsync(args, Console.Out, Console.Error);
