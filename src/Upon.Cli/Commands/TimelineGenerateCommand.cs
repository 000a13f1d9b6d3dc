using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline generate</c>: a schedule of sessions on working days.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateGenerate() =>
        new GenerateOptions().CreateCommand("generate", "Generate the dates of N sessions between two dates, spread evenly on working days, avoiding blackouts. Exit 1 when they do not fit.", GenerateSchedule);

    /// <summary>Runs <c>upon timeline generate</c>.</summary>
    private static int GenerateSchedule(CommandRun run, GenerateOptions options)
    {
        LocalDate start = run.GetValue(options.From);
        LocalDate end = run.GetValue(options.To);
        int n = run.GetValue(options.Count);
        int minimumGap = run.GetValue(options.Gap);
        if (end < start || n < 1 || minimumGap < 1)
        {
            run.Error.WriteLine(end < start
                ? $"upon: --to ({Iso(end)}) is before --from ({Iso(start)})."
                : "upon: --count and --min-gap-days must be at least 1.");
            return ExitCodes.Usage;
        }

        WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
        DateInterval between = new(start, end);
        if (!calendar.Coverage.Contains(between))
        {
            return run.Usage($"the england-and-wales calendar covers {HolidaysCommand.Describe(calendar.Coverage)}; {Iso(start)} to {Iso(end)} is not wholly within it.");
        }

        ScheduleRequest request = new(
            run.GetValue(options.Kind),
            n,
            between,
            [.. run.GetValue(options.Weekdays) ?? []],
            [.. run.GetValue(options.Blackouts) ?? []],
            minimumGap);
        ScheduleResult result = SessionScheduler.Generate(request, calendar);
        if (!result.IsValid)
        {
            DocumentProblem problem = result.Problems[0];
            run.Error.WriteLine($"upon: {problem.Message} ({problem.Code})");
            return ExitCodes.InvalidInput;
        }

        run.WriteResult(
            options.Format,
            () => CliJson.Document(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(request.Kind.ToString()));
                writer.WriteStartArray("dates");
                foreach (LocalDate date in result.Dates)
                {
                    writer.WriteStringValue(Iso(date));
                }

                writer.WriteEndArray();
                writer.WriteNumber("availableDays", result.AvailableDays);
                writer.WriteEndObject();
            }),
            output => WriteDates(output, result, n),
            GenerateCsv);
        return ExitCodes.Success;
    }

    /// <summary>The CSV of <c>upon timeline generate</c>: a row per date chosen.</summary>
    internal static readonly CsvTable GenerateCsv = new("date", "dates", "date");

    private static void WriteDates(TextWriter output, ScheduleResult result, int n)
    {
        TextTable table = new("#", "Date", "Day");
        int number = 1;
        foreach (LocalDate date in result.Dates)
        {
            table.AddRow((number++).ToString(CultureInfo.InvariantCulture), Iso(date), date.ToString("ddd", CultureInfo.InvariantCulture));
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"{Count(n, "session")} chosen from {Count(result.AvailableDays, "available day")}");
    }

    private static SessionKind ParseKind(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        string key = text.Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (SessionKind value in Enum.GetValues<SessionKind>())
        {
            if (string.Equals(value.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        result.AddError($"'{text}' is not a session kind; use taughtDay, learningVisit, actionLearningSet, leadershipChallenge, virtualWorkshop or residential.");
        return default;
    }

    private static IsoDayOfWeek[] ParseWeekdays(ArgumentResult result)
    {
        List<IsoDayOfWeek> days = [];
        foreach (Token token in result.Tokens)
        {
            foreach (string part in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                IsoDayOfWeek? day = null;
                for (IsoDayOfWeek candidate = IsoDayOfWeek.Monday; candidate <= IsoDayOfWeek.Sunday; candidate++)
                {
                    string name = candidate.ToString();
                    if (string.Equals(name, part, StringComparison.OrdinalIgnoreCase) || string.Equals(name[..3], part, StringComparison.OrdinalIgnoreCase))
                    {
                        day = candidate;
                    }
                }

                if (day is null)
                {
                    result.AddError($"'{part}' is not a day of the week; use mon, tue, wed, thu, fri, sat or sun.");
                    return [];
                }

                days.Add(day.Value);
            }
        }

        return [.. days];
    }

    private static DateInterval[] ParseBlackouts(ArgumentResult result)
    {
        List<DateInterval> intervals = [];
        foreach (Token token in result.Tokens)
        {
            string[] parts = token.Value.Split("..");
            ParseResult<LocalDate>? start = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[0]) : null;
            ParseResult<LocalDate>? end = parts.Length == 2 ? LocalDatePattern.Iso.Parse(parts[1]) : null;
            if (start is not { Success: true } || end is not { Success: true } || end.Value < start.Value)
            {
                result.AddError($"'{token.Value}' is not a period FROM..TO of dates yyyy-MM-dd with TO not before FROM.");
                return [];
            }

            intervals.Add(new DateInterval(start.Value, end.Value));
        }

        return [.. intervals];
    }

    /// <summary>The arguments and options of <c>upon timeline generate</c>.</summary>
    private sealed class GenerateOptions : CommandOptions
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Kind, Count, From, To, Weekdays, Blackouts, Gap, Format];

        /// <summary>Gets <c>--kind</c>.</summary>
        public Option<SessionKind> Kind { get; } = new("--kind")
        {
            Description = "The kind of session: taughtDay, learningVisit, actionLearningSet, leadershipChallenge, virtualWorkshop or residential.",
            HelpName = "KIND",
            Required = true,
            CustomParser = ParseKind,
        };

        /// <summary>Gets <c>--count</c>.</summary>
        public Option<int> Count { get; } = new("--count") { Description = "How many sessions; at least 1.", HelpName = "N", Required = true };

        /// <summary>Gets <c>--from</c>.</summary>
        public Option<LocalDate> From { get; } = new("--from") { Description = "The first date allowed, as yyyy-MM-dd.", HelpName = "DATE", Required = true, CustomParser = ParseDateOption };

        /// <summary>Gets <c>--to</c>.</summary>
        public Option<LocalDate> To { get; } = new("--to") { Description = "The last date allowed, included, as yyyy-MM-dd.", HelpName = "DATE", Required = true, CustomParser = ParseDateOption };

        /// <summary>Gets <c>--weekday</c>.</summary>
        public Option<IsoDayOfWeek[]> Weekdays { get; } = new("--weekday")
        {
            Description = "A preferred day of the week (mon, tue, … or monday, …); repeat for several. Default: any working day.",
            HelpName = "DAY",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = ParseWeekdays,
        };

        /// <summary>Gets <c>--blackout</c>.</summary>
        public Option<DateInterval[]> Blackouts { get; } = new("--blackout")
        {
            Description = "A period with no sessions, FROM..TO (both included), e.g. 2021-12-18..2022-01-03; repeat for several.",
            HelpName = "FROM..TO",
            CustomParser = ParseBlackouts,
        };

        /// <summary>Gets <c>--min-gap-days</c>.</summary>
        public Option<int> Gap { get; } = new("--min-gap-days") { Description = "The least number of days between sessions; default 1.", HelpName = "G", DefaultValueFactory = _ => 1 };

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
