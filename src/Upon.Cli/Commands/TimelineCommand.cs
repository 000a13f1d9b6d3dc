using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline show|validate|progress|ics|generate</c>: programme timelines.</summary>
internal static class TimelineCommand
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

    private static Command CreateShow()
    {
        Argument<string> year = YearArgument(fileToo: true);
        Option<string> format = CommonOptions.Format();
        Command command = new("show", "Show a programme year: its window, milestones, sessions and notes (every assumed date is listed).") { year, format };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            (ProgrammeYear? programme, int exitCode) = LoadYear(parseResult.GetValue(year)!, error);
            if (programme is null)
            {
                return exitCode;
            }

            if (parseResult.GetValue(format) == CommonOptions.Json)
            {
                output.WriteLine(UponJson.Serialize(programme, writeIndented: true));
            }
            else
            {
                WriteYear(output, programme);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateValidate()
    {
        Argument<string> file = new("file") { Description = "A programme-year JSON file (docs/schemas/programme-year.schema.json); '-' reads standard input.", HelpName = "FILE|-" };
        Option<string> format = CommonOptions.Format();
        Command command = new("validate", "Validate a programme-year file: its shape, then the timeline rules against the England and Wales working-day calendar. Exit 1 when there is an error; warnings alone exit 0.") { file, format };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            (ProgrammeYear? programme, int exitCode) = ReadFile(parseResult.GetValue(file)!, error);
            if (programme is null)
            {
                return exitCode;
            }

            TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
            if (parseResult.GetValue(format) == CommonOptions.Json)
            {
                output.WriteLine(UponJson.Serialize(report, writeIndented: true));
            }
            else
            {
                output.WriteLine($"{CliText.Escape(programme.Id)}: {(report.IsValid ? "valid" : "not valid")}, {Count(report.Errors.Length, "error")}, {Count(report.Warnings.Length, "warning")}");
                if (!report.Findings.IsEmpty)
                {
                    output.WriteLine();
                    TextTable table = new("Severity", "Code", "Location", "Message");
                    foreach (TimelineFinding finding in report.Findings)
                    {
                        table.AddRow(finding.Severity == FindingSeverity.Error ? "error" : "warning", finding.Code, finding.Location, finding.Message);
                    }

                    table.Write(output);
                }
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }

    private static Command CreateProgress()
    {
        Argument<string> year = YearArgument(fileToo: true);
        Option<LocalDate> asOf = new("--as-of")
        {
            Description = "The date to measure at, as yyyy-MM-dd: progress at the start of that day in Europe/London.",
            HelpName = "DATE",
            Required = true,
            CustomParser = ParseDateOption,
        };
        Option<string> format = CommonOptions.Format();
        Command command = new("progress", "Where a programme year stands on a date: stage, next milestone and session, sessions done and left, days to go.") { year, asOf, format };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            (ProgrammeYear? programme, int exitCode) = LoadYear(parseResult.GetValue(year)!, error);
            if (programme is null)
            {
                return exitCode;
            }

            ProgrammeProgress progress = ProgrammeProgress.Of(programme, parseResult.GetValue(asOf));
            WriteProgress(output, programme, progress, parseResult.GetValue(format) == CommonOptions.Json);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes where a programme year stands on a date, as a table or as JSON.</summary>
    internal static void WriteProgress(TextWriter output, ProgrammeYear programme, ProgrammeProgress progress, bool json)
    {
        if (json)
        {
            WriteJson(output, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("programme", programme.Id);
                writer.WriteString("asOf", Iso(progress.Date));
                writer.WriteString("stage", JsonNamingPolicy.CamelCase.ConvertName(progress.Stage.ToString()));
                if (progress.NextMilestone is Milestone milestone)
                {
                    writer.WriteStartObject("nextMilestone");
                    writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(milestone.Kind.ToString()));
                    writer.WriteString("date", Iso(milestone.Date));
                    writer.WriteEndObject();
                }

                if (progress.NextSession is Session next)
                {
                    writer.WriteString("nextSession", next.Id);
                }

                writer.WriteStartArray("done");
                progress.Done.ToList().ForEach(s => writer.WriteStringValue(s.Id));
                writer.WriteEndArray();
                writer.WriteStartArray("left");
                progress.Left.ToList().ForEach(s => writer.WriteStringValue(s.Id));
                writer.WriteEndArray();
                writer.WriteNumber("daysToGo", progress.DaysToGo);
                writer.WriteEndObject();
            });
        }
        else
        {
            output.WriteLine($"{programme.Id} as of {Iso(progress.Date)}");
            output.WriteLine();
            TextTable table = new("Item", "Value");
            table.AddRow("Stage", Words(progress.Stage.ToString()));
            table.AddRow("Next milestone", progress.NextMilestone is Milestone m ? $"{Words(m.Kind.ToString())}, {Iso(m.Date)}{(m.IsAssumed ? " (assumed)" : string.Empty)}" : "none");
            table.AddRow("Next session", progress.NextSession is Session s ? $"{s.Title}, {DescribeDates(s)}" : "none");
            table.AddRow("Sessions done", progress.Done.Length.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Sessions left", progress.Left.Length.ToString(CultureInfo.InvariantCulture));
            table.AddRow("Days to go", progress.DaysToGo.ToString(CultureInfo.InvariantCulture));
            table.Write(output);
        }
    }

    private static Command CreateIcs()
    {
        Argument<string> year = YearArgument(fileToo: true);
        Option<string> outputFile = new("--output", "-o") { Description = "The .ics file to write: written whole to a temporary file beside it, then moved into place.", HelpName = "OUT.ics", Required = true };
        Option<Instant?> stamp = new("--stamp")
        {
            Description = "The DTSTAMP of every event, as an ISO 8601 UTC instant such as 2026-11-22T09:00:00Z. Default: now.",
            HelpName = "INSTANT",
            CustomParser = ParseInstantOption,
        };
        Command command = new("ics", "Export a programme year's sessions to an iCalendar (RFC 5545) file that calendar clients import.") { year, outputFile, stamp };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            (ProgrammeYear? programme, int exitCode) = LoadYear(parseResult.GetValue(year)!, error);
            if (programme is null)
            {
                return exitCode;
            }

            TimelineReport report = programme.Validate(WorkingDayCalendar.EnglandAndWales);
            TimelineFinding[] timeErrors = [.. report.Findings.Where(f => f.Code == TimelineFindingCodes.SessionEndBeforeStart)];
            if (timeErrors.Length > 0)
            {
                error.WriteLine($"upon: {CliText.Escape(programme.Id)} cannot be exported:");
                foreach (TimelineFinding finding in timeErrors)
                {
                    error.WriteLine($"  {CliText.Escape(finding.ToString())}");
                }

                return ExitCodes.InvalidInput;
            }

            Instant when = parseResult.GetValue(stamp) ?? SystemClock.Instance.GetCurrentInstant();
            string file = parseResult.GetValue(outputFile)!;
            if (!OutputFile.Write(file, stream => IcsExport.Write(programme, stream, when), error))
            {
                return ExitCodes.Failure;
            }

            output.WriteLine($"Wrote {Count(programme.Sessions.Length, "event")} to {CliText.FileName(file)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateGenerate()
    {
        Option<SessionKind> kind = new("--kind")
        {
            Description = "The kind of session: taughtDay, learningVisit, actionLearningSet, leadershipChallenge, virtualWorkshop or residential.",
            HelpName = "KIND",
            Required = true,
            CustomParser = ParseKind,
        };
        Option<int> count = new("--count") { Description = "How many sessions; at least 1.", HelpName = "N", Required = true };
        Option<LocalDate> from = new("--from") { Description = "The first date allowed, as yyyy-MM-dd.", HelpName = "DATE", Required = true, CustomParser = ParseDateOption };
        Option<LocalDate> to = new("--to") { Description = "The last date allowed, included, as yyyy-MM-dd.", HelpName = "DATE", Required = true, CustomParser = ParseDateOption };
        Option<IsoDayOfWeek[]> weekdays = new("--weekday")
        {
            Description = "A preferred day of the week (mon, tue, … or monday, …); repeat for several. Default: any working day.",
            HelpName = "DAY",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = ParseWeekdays,
        };
        Option<DateInterval[]> blackouts = new("--blackout")
        {
            Description = "A period with no sessions, FROM..TO (both included), e.g. 2021-12-18..2022-01-03; repeat for several.",
            HelpName = "FROM..TO",
            CustomParser = ParseBlackouts,
        };
        Option<int> gap = new("--min-gap-days") { Description = "The least number of days between sessions; default 1.", HelpName = "G", DefaultValueFactory = _ => 1 };
        Option<string> format = CommonOptions.Format();
        Command command = new("generate", "Generate the dates of N sessions between two dates, spread evenly on working days, avoiding blackouts. Exit 1 when they do not fit.")
        {
            kind, count, from, to, weekdays, blackouts, gap, format,
        };
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter error = parseResult.InvocationConfiguration.Error;
            LocalDate start = parseResult.GetValue(from);
            LocalDate end = parseResult.GetValue(to);
            int n = parseResult.GetValue(count);
            int minimumGap = parseResult.GetValue(gap);
            if (end < start || n < 1 || minimumGap < 1)
            {
                error.WriteLine(end < start
                    ? $"upon: --to ({Iso(end)}) is before --from ({Iso(start)})."
                    : "upon: --count and --min-gap-days must be at least 1.");
                return ExitCodes.Usage;
            }

            WorkingDayCalendar calendar = WorkingDayCalendar.EnglandAndWales;
            DateInterval between = new(start, end);
            if (!calendar.Coverage.Contains(between))
            {
                error.WriteLine($"upon: the england-and-wales calendar covers {HolidaysCommand.Describe(calendar.Coverage)}; {Iso(start)} to {Iso(end)} is not wholly within it.");
                return ExitCodes.Usage;
            }

            ScheduleRequest request = new(
                parseResult.GetValue(kind),
                n,
                between,
                [.. parseResult.GetValue(weekdays) ?? []],
                [.. parseResult.GetValue(blackouts) ?? []],
                minimumGap);
            ScheduleResult result = SessionScheduler.Generate(request, calendar);
            if (!result.IsSuccess)
            {
                error.WriteLine($"upon: {result.FailureMessage} ({result.FailureCode})");
                return ExitCodes.InvalidInput;
            }

            if (parseResult.GetValue(format) == CommonOptions.Json)
            {
                WriteJson(output, writer =>
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
                });
            }
            else
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

            return ExitCodes.Success;
        });
        return command;
    }

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

    /// <summary>Writes a programme year's milestones, sessions and (unless told not to) notes as tables.</summary>
    internal static void WriteYear(TextWriter output, ProgrammeYear programme, bool notes = true)
    {
        output.WriteLine(CliText.Escape($"{programme.Id}: {programme.Name}"));
        output.WriteLine($"{Words(programme.Strand.ToString())}; runs {Iso(programme.Window.Start)} to {Iso(programme.Window.End)}; {(programme.RequiredTaughtDays is int days ? Count(days, "taught day") + " required" : "taught days not stated")}");
        output.WriteLine();
        output.WriteLine("Milestones");
        TextTable milestones = new("Date", "Milestone", "Assumed");
        foreach (Milestone milestone in programme.Milestones.OrderBy(m => m.Date).ThenBy(m => m.Kind))
        {
            milestones.AddRow(Iso(milestone.Date), Words(milestone.Kind.ToString()), milestone.IsAssumed ? "yes" : "no");
        }

        milestones.Write(output);
        output.WriteLine();
        output.WriteLine("Sessions");
        if (programme.Sessions.IsEmpty)
        {
            output.WriteLine("none published");
        }
        else
        {
            TextTable sessions = new("Id", "Dates", "Time", "Kind", "Mode", "Group", "Assumed");
            foreach (Session session in programme.GetSessionsInOrder())
            {
                sessions.AddRow(
                    session.Id,
                    DescribeDates(session),
                    session.HasTimes ? $"{session.StartTime!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}-{session.EndTime!.Value.ToString("HH:mm", CultureInfo.InvariantCulture)}" : "all day",
                    Words(session.Kind.ToString()),
                    Words(session.Mode.ToString()),
                    session.Group ?? "everyone",
                    session.IsAssumed ? "yes" : "no");
            }

            sessions.Write(output);
        }

        if (notes && !programme.Notes.IsEmpty)
        {
            output.WriteLine();
            output.WriteLine("Notes");
            foreach (string note in programme.Notes)
            {
                output.WriteLine("- " + CliText.Escape(note));
            }
        }
    }

    private static string DescribeDates(Session session) =>
        session.Dates.Length == 1 ? Iso(session.Dates.Start) : $"{Iso(session.Dates.Start)} to {Iso(session.Dates.End)}";

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Words(string pascal) => CliText.Words(pascal);

    private static string Count(int n, string noun) => CliText.Count(n, noun);

    private static string Iso(LocalDate date) => CliText.Iso(date);

    private static LocalDate ParseDateOption(ArgumentResult result) =>
        CliText.TryParseDate(result, " (for example 2022-02-07)", out LocalDate date) ? date : default;

    private static Instant? ParseInstantOption(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        ParseResult<Instant> parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            result.AddError($"'{text}' is not a UTC instant in the form yyyy-MM-ddTHH:mm:ssZ.");
            return null;
        }

        return parsed.Value;
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
}
