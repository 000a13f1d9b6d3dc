using Upon.Cli.Commands;

namespace Upon.Cli;

/// <summary>The <c>upon</c> command line: builds the command tree and runs it against the given writers.</summary>
internal static partial class UponCommandLine
{
    /// <summary>The name of <c>--quiet</c>, an option of every command.</summary>
    public const string QuietName = "--quiet";

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand Build()
    {
        RootCommand root = new("upon: the command-line tool of Upon.Core, for England's programme for aspiring and new Directors of Children's Services.");
        root.Add(new Option<bool>(QuietName, "-q")
        {
            Description = "Print only results and errors: no notes on standard error (such as the as-of date taken from the records, or the summary line of jsonl and csv) and no progress display.",
            Recursive = true,
        });
        root.Add(HolidaysCommand.Create());
        root.Add(WorkdaysCommand.Create());
        root.Add(EligibilityCommand.Create());
        root.Add(TimelineCommand.Create());
        root.Add(TurnoverCommand.Create());
        root.Add(TenureCommand.Create());
        root.Add(CohortCommand.Create());
        root.Add(ServeCommand.Create());
        root.Add(DemoCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>
    /// The exit code (see <see cref="ExitCodes"/>). An I/O failure that escapes a command (a file or standard output
    /// that cannot be written or read) is one line on <paramref name="error"/> and exit 1, never a stack trace; any
    /// other exception is a bug in upon, reported as one on <paramref name="error"/>, with its stack, and exit 1.
    /// </returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        ParseResult parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (string message in UsageErrors(parseResult))
            {
                error.WriteLine($"upon: {CliText.Escape(message)}");
            }

            error.WriteLine(HelpHint(parseResult.CommandResult));
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The safety net: a file or standard output that fails where no command said why is one line, exit 1.
            return Report(error, $"upon: {InputFile.Reason(exception)}.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Anything else is a bug in upon: said to be one, with its stack on standard error for the report.
            return Report(error, $"upon: internal error (a bug in upon; please report it): {exception.GetType().FullName}: {InputFile.Reason(exception)}.", exception.StackTrace);
        }
    }

    /// <summary>
    /// The parser's errors, said for people: a word upon does not know is the error (not also the command it left
    /// missing), and a value of the wrong type is named as a kind of value, not a .NET type.
    /// </summary>
    private static IEnumerable<string> UsageErrors(ParseResult parseResult)
    {
        IReadOnlyList<string> unmatched = parseResult.UnmatchedTokens;
        foreach (ParseError parseError in parseResult.Errors)
        {
            if (unmatched.Count > 0 && !unmatched.Any(token => parseError.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return ExpectedType().Replace(parseError.Message, match => "as " + match.Groups[1].Value switch
            {
                "System.Int32" or "System.Int64" => "a whole number",
                "System.Decimal" or "System.Double" => "a number",
                "System.Boolean" => "true or false",
                _ => "a value of its kind",
            });
        }
    }

    /// <summary>Where to read the usage of <paramref name="command"/>: <c>Run 'upon cohort split --help' for usage.</c></summary>
    public static string HelpHint(CommandResult command) => $"Run '{CommandPath(command)} --help' for usage.";

    /// <summary>The command line that names <paramref name="command"/>, such as <c>upon cohort split</c>.</summary>
    private static string CommandPath(CommandResult command)
    {
        List<string> names = [];
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
        {
            names.Insert(0, current.Command.Name);
        }

        names[0] = "upon";
        return string.Join(' ', names);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"as expected type '([\w.`\[\]]+)'")]
    private static partial System.Text.RegularExpressions.Regex ExpectedType();

    /// <summary>Writes <paramref name="line"/> (and a bug's stack) on standard error, if it can still be written, and returns exit code 1.</summary>
    private static int Report(TextWriter error, string line, string? stack = null)
    {
        try
        {
            error.WriteLine(line);
            if (stack is not null)
            {
                error.WriteLine(stack);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            // Standard error cannot be written either (a full disk, a limit on file size): the exit code says it.
        }

        return ExitCodes.Failure;
    }
}
