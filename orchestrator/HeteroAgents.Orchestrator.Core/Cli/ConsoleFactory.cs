using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Spectre consoles over the CLI's writers: interactive (colours, live bar) on a terminal, plain otherwise.</summary>
internal static class ConsoleFactory
{
    /// <summary>Width of tables written to files and pipes, wide enough that ids and paths are not wrapped.</summary>
    public const int PlainWidth = 240;

    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
