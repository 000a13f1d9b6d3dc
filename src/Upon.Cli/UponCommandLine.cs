using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using Upon.Cli.Commands;

namespace Upon.Cli;

/// <summary>The <c>upon</c> command line: builds the command tree and runs it against the given writers.</summary>
internal static class UponCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand Build()
    {
        RootCommand root = new("upon: the command-line tool of Upon.Core, for England's programme for aspiring and new Directors of Children's Services.");
        root.Add(HolidaysCommand.Create());
        root.Add(WorkdaysCommand.Create());
        root.Add(EligibilityCommand.Create());
        root.Add(TimelineCommand.Create());
        root.Add(TurnoverCommand.Create());
        root.Add(TenureCommand.Create());
        root.Add(CohortCommand.Create());
        root.Add(DemoCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Where results and help go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        ParseResult parseResult = Build().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (ParseError parseError in parseResult.Errors)
            {
                error.WriteLine($"upon: {parseError.Message}");
            }

            error.WriteLine("Run 'upon --help' for usage.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
