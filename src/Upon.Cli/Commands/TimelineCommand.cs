using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline show|validate|progress|ics|generate</c>: programme timelines. Each subcommand is in a file of its own; this one holds what they share.</summary>
internal static partial class TimelineCommand
{
    /// <summary>Creates the command and its subcommands.</summary>
    public static Command Create()
    {
        Command command = new("timeline", "Programme timelines: show a year, validate a timeline file, measure progress, export to iCalendar, generate a schedule.")
        {
            CreateShow(),
            CreateValidate(),
            CreateProgress(),
            CreateIcs(),
            CreateGenerate(),
        };
        return command;
    }

    private static Argument<string> YearArgument(bool fileToo) => new("year")
    {
        Description = fileToo
            ? "A built-in year (aspirant-2021-22, 2021/22, year-2, new-directors-2021-22) or a programme-year JSON file; '-' reads standard input."
            : "A built-in year: aspirant-2020-21, aspirant-2021-22, aspirant-2022-23 or new-directors-2021-22; or an alias such as 2021/22 or year-2.",
        HelpName = fileToo ? "YEAR|FILE" : "YEAR",
    };

    /// <summary>Finds a built-in year, or reads a file; on failure writes why and returns the exit code.</summary>
    private static (ProgrammeYear? Year, int ExitCode) LoadYear(string yearOrFile, TextWriter error)
    {
        if (BuiltInTimelines.TryFind(yearOrFile, out ProgrammeYear? builtIn))
        {
            return (builtIn, ExitCodes.Success);
        }

        // A name with an extension (year2.json), standard input, or anything that exists is meant as a file, so
        // that a file that cannot be read exits 1 like every other command's; "2019/20" is an unknown year.
        if (InputFile.IsStandardInput(yearOrFile) || Path.HasExtension(yearOrFile) || Path.Exists(yearOrFile))
        {
            return ReadFile(yearOrFile, error);
        }

        error.WriteLine($"upon: '{CliText.Escape(yearOrFile)}' is neither a built-in year ({string.Join(", ", BuiltInTimelines.All.Select(y => y.Id))}) nor a file.");
        return (null, ExitCodes.Usage);
    }

    private static (ProgrammeYear? Year, int ExitCode) ReadFile(string path, TextWriter error)
    {
        DocumentResult<ProgrammeYear> result;
        using (Stream? stream = InputFile.Open(path, "file", error))
        {
            if (stream is null)
            {
                return (null, ExitCodes.Failure);
            }

            result = ProgrammeYearDocument.Read(stream);
        }

        if (result.IsValid)
        {
            return (result.Value, ExitCodes.Success);
        }

        error.WriteLine($"upon: the programme-year file '{CliText.FileName(path)}' is not valid:");
        foreach (DocumentProblem problem in result.Problems)
        {
            error.WriteLine($"  {CliText.Describe(problem)}");
        }

        return (null, ExitCodes.InvalidInput);
    }

    /// <summary>
    /// A command's handler that finds or reads the programme year the options name and passes it to
    /// <paramref name="handler"/>; when they name none, <paramref name="handler"/> is not run and the command exits after saying why.
    /// </summary>
    private static Func<CommandRun, TOptions, int> WithYear<TOptions>(Func<CommandRun, TOptions, ProgrammeYear, int> handler)
        where TOptions : YearOptions =>
        (run, options) =>
        {
            (ProgrammeYear? programme, int exitCode) = options.Load(run);
            return programme is null ? exitCode : handler(run, options, programme);
        };

    private static string DescribeDates(Session session) =>
        session.Dates.Length == 1 ? Iso(session.Dates.Start) : $"{Iso(session.Dates.Start)} to {Iso(session.Dates.End)}";

    private static string Words(string pascal) => CliText.Words(pascal);

    private static string Count(int n, string noun) => CliText.Count(n, noun);

    private static string Iso(LocalDate date) => CliText.Iso(date);

    private static LocalDate ParseDateOption(ArgumentResult result) =>
        CliText.TryParseDate(result, " (for example 2022-02-07)", out LocalDate date) ? date : default;

    /// <summary>The options of a subcommand that works on one programme year, named by its first argument.</summary>
    /// <param name="year">The argument naming the year.</param>
    /// <param name="builtIn">Whether the argument may name a built-in year as well as a file.</param>
    private abstract class YearOptions(Argument<string> year, bool builtIn) : CommandOptions
    {
        /// <summary>Gets the argument naming the year.</summary>
        public Argument<string> Year { get; } = year;

        /// <summary>Finds the built-in year or reads the file the argument names; on failure writes why and returns the exit code.</summary>
        public (ProgrammeYear? Year, int ExitCode) Load(CommandRun run) =>
            builtIn ? LoadYear(run.GetValue(Year)!, run.Error) : ReadFile(run.GetValue(Year)!, run.Error);
    }
}
