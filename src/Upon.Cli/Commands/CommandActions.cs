namespace Upon.Cli.Commands;

/// <summary>How a command is tied to its handler: a named method given the run and the command's options.</summary>
internal static class CommandActions
{
    /// <summary>
    /// Sets the action of <paramref name="command"/>: <paramref name="handler"/>, given each run and
    /// <paramref name="options"/>, the object holding the command's arguments and options (created once with the command).
    /// </summary>
    /// <typeparam name="TOptions">The type holding the command's arguments and options.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="options">Its arguments and options.</param>
    /// <param name="handler">The handler, returning the exit code (see <see cref="ExitCodes"/>).</param>
    public static void SetAction<TOptions>(this Command command, TOptions options, Func<CommandRun, TOptions, int> handler) =>
        command.SetAction(parseResult => handler(new CommandRun(parseResult), options));
}
