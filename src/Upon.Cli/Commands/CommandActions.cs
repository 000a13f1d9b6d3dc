namespace Upon.Cli.Commands;

/// <summary>How a command is made from its options object and tied to its handler, a named method.</summary>
internal static class CommandActions
{
    /// <summary>
    /// Creates the command <paramref name="name"/> with the arguments and options of <paramref name="options"/>,
    /// whose action is <paramref name="handler"/>, given each run and <paramref name="options"/>.
    /// </summary>
    /// <typeparam name="TOptions">The type holding the command's arguments and options.</typeparam>
    /// <param name="options">The command's arguments and options.</param>
    /// <param name="name">The command's name.</param>
    /// <param name="description">What it does, for its help.</param>
    /// <param name="handler">The handler, returning the exit code (see <see cref="ExitCodes"/>).</param>
    /// <returns>The command.</returns>
    public static Command CreateCommand<TOptions>(this TOptions options, string name, string description, Func<CommandRun, TOptions, int> handler)
        where TOptions : CommandOptions
    {
        Command command = new(name, description);
        foreach (Symbol symbol in options.Symbols)
        {
            if (symbol is Argument argument)
            {
                command.Add(argument);
            }
            else
            {
                command.Add((Option)symbol);
            }
        }

        command.SetAction(parseResult => handler(new CommandRun(parseResult), options));
        return command;
    }
}
