using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Programme timelines. Targets (issue 6): validate 10,000 sessions in under 10 ms; generate a year's
/// schedule in under 1 ms; export 10,000 events to iCalendar in under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private const int SessionCount = 10_000;

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly DateInterval Window = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));
    private static readonly ProgrammeYear TenThousandSessions = BuildYear(SessionCount);
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 22, 9, 0);

    private static readonly ScheduleRequest YearOfTaughtDays = new(
        SessionKind.TaughtDay,
        8,
        new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 7, 22)),
        [IsoDayOfWeek.Tuesday, IsoDayOfWeek.Thursday],
        [new DateInterval(new LocalDate(2021, 10, 25), new LocalDate(2021, 10, 29)), new DateInterval(new LocalDate(2021, 12, 18), new LocalDate(2022, 1, 3)), new DateInterval(new LocalDate(2022, 4, 9), new LocalDate(2022, 4, 24))],
        minimumGapDays: 21);

    /// <summary>Validates a year of 10,000 sessions: 40 groups, each with a two-hour action-learning set on each of the 250 working days of 2022.</summary>
    [Benchmark]
    public TimelineReport Validate10000Sessions() => TimelineValidator.Validate(TenThousandSessions, Calendar);

    /// <summary>Generates eight taught days over an academic year on Tuesdays or Thursdays, three weeks apart, avoiding three holidays.</summary>
    [Benchmark]
    public ScheduleResult GenerateYearSchedule() => SessionScheduler.Generate(YearOfTaughtDays, Calendar);

    /// <summary>Exports 10,000 events to iCalendar text in a reused buffer.</summary>
    [Benchmark]
    public long Export10000Events()
    {
        using MemoryStream stream = new(4 * 1024 * 1024);
        IcsExport.Write(TenThousandSessions, stream, Stamp);
        return stream.Length;
    }

    private static ProgrammeYear BuildYear(int count)
    {
        ImmutableArray<LocalDate> days = Calendar.GetWorkingDays(Window);
        ImmutableArray<Session>.Builder sessions = ImmutableArray.CreateBuilder<Session>(count);
        for (int i = 0; i < count; i++)
        {
            int group = i % 40;
            LocalDate date = days[i / 40 % days.Length];
            string id = "s" + i.ToString(CultureInfo.InvariantCulture);
            sessions.Add(new Session(
                id,
                "Action-learning set, group " + group.ToString(CultureInfo.InvariantCulture) + "; meeting " + (i / 40).ToString(CultureInfo.InvariantCulture),
                SessionKind.ActionLearningSet,
                DeliveryMode.Virtual,
                new DateInterval(date, date),
                new LocalTime(10, 0),
                new LocalTime(12, 0),
                "group-" + group.ToString(CultureInfo.InvariantCulture)));
        }

        return new ProgrammeYear(
            "benchmark",
            "Benchmark year",
            ProgrammeStrand.AspirantDirectors,
            Window,
            [new Milestone(MilestoneKind.ProgrammeStart, Window.Start), new Milestone(MilestoneKind.ProgrammeEnd, Window.End)],
            sessions.MoveToImmutable());
    }
}
