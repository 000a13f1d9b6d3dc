using Upon.Core.Timelines;

namespace Upon.Cli.Commands;

/// <summary><c>upon timeline show</c>: a programme year's milestones, sessions and notes.</summary>
internal static partial class TimelineCommand
{
    private static Command CreateShow() =>
        new ShowOptions().CreateCommand("show", "Show a programme year: its window, milestones, sessions and notes (every assumed date is listed).", WithYear<ShowOptions>(ShowYear));

    /// <summary>Runs <c>upon timeline show</c>.</summary>
    private static int ShowYear(CommandRun run, ShowOptions options, ProgrammeYear programme)
    {
        run.WriteResult(
            options.Format,
            () =>
            {
                using MemoryStream buffer = new();
                ProgrammeYearDocument.Write(buffer, programme, indented: true);
                return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            },
            output => WriteYear(output, programme),
            ShowCsv);
        return ExitCodes.Success;
    }

    /// <summary>The CSV of <c>upon timeline show</c>: a row per milestone, then a row per session, as the document lists them.</summary>
    internal static readonly CsvTable[] ShowCsv =
    [
        new("milestone", "milestones", "kind", "date", "isAssumed", "note"),
        new("session", "sessions", "id", "title", "kind", "mode", "dates.start", "dates.end", "startTime", "endTime", "group", "allowNonWorkingDay", "isAssumed", "note"),
    ];

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

    /// <summary>The arguments and options of <c>upon timeline show</c>.</summary>
    private sealed class ShowOptions() : YearOptions(YearArgument(fileToo: true), builtIn: true)
    {
        /// <inheritdoc/>
        public override IEnumerable<Symbol> Symbols => [Year, Format];

        /// <summary>Gets <c>--format</c>.</summary>
        public Option<string> Format { get; } = CommonOptions.Format();
    }
}
