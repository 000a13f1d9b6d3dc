using Upon.Core.Calendars;
using Upon.Core.Timelines;

namespace Upon.Core.Testing;

/// <summary>
/// Programme timelines known to be valid or invalid under the England and Wales working-day calendar: valid years
/// are the built-in years moved by whole weeks (so sessions stay on their weekday) and kept only when the validator
/// finds no error; invalid ones come from <see cref="TimelineGenerators.BuiltInTimelines"/>, kept only when it finds
/// at least one. Both shrink by dropping sessions while keeping their validity.
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class ProgrammeYearGenerators
{
    /// <summary>Valid programme years: a built-in year (Years 1 to 3 or New Directors) moved by −52 to 52 weeks, with some sessions dropped.</summary>
    /// <returns>Years whose <see cref="TimelineReport.IsValid"/> is true.</returns>
    public static Arbitrary<ProgrammeYear> Valid()
    {
        Gen<ProgrammeYear> gen =
            from year in Gen.Elements(BuiltInTimelines.All.AsEnumerable())
            from weeks in Gen.Choose(-52, 52)
            from keep in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false))), year.Sessions.Length)
            let moved = Move(year, weeks * 7)
            select moved.WithSessions([.. moved.Sessions.Where((_, i) => keep[i])]);
        return Arb.From(gen.Where(IsValid), year => DropSessions(year).Where(IsValid));
    }

    /// <summary>Invalid programme years: generated years with at least one error finding (sessions on bank holidays or weekends, in skipped hours, outside the window…).</summary>
    /// <returns>Years whose <see cref="TimelineReport.IsValid"/> is false.</returns>
    public static Arbitrary<ProgrammeYear> Invalid() =>
        Arb.From(TimelineGenerators.BuiltInTimelines().Generator.Where(year => !IsValid(year)), year => DropSessions(year).Where(y => !IsValid(y)));

    /// <summary>Returns <paramref name="year"/> with every date (window, milestones, sessions) moved by <paramref name="days"/>.</summary>
    /// <param name="year">The year.</param>
    /// <param name="days">The number of days to move by (negative: earlier).</param>
    /// <returns>The moved year.</returns>
    public static ProgrammeYear Move(ProgrammeYear year, int days)
    {
        Guard.Against.Null(year);
        return new ProgrammeYear(
            year.Id,
            year.Name,
            year.Strand,
            new DateInterval(year.Window.Start.PlusDays(days), year.Window.End.PlusDays(days)),
            [.. year.Milestones.Select(m => m with { Date = m.Date.PlusDays(days) })],
            [.. year.Sessions.Select(s => new Session(s.Id, s.Title, s.Kind, s.Mode, new DateInterval(s.Dates.Start.PlusDays(days), s.Dates.End.PlusDays(days)), s.StartTime, s.EndTime, s.Group, s.AllowNonWorkingDay, s.IsAssumed, s.Note))],
            year.RequiredTaughtDays,
            year.Notes);
    }

    private static bool IsValid(ProgrammeYear year) => year.Validate(WorkingDayCalendar.EnglandAndWales).IsValid;

    private static IEnumerable<ProgrammeYear> DropSessions(ProgrammeYear year) =>
        Enumerable.Range(0, year.Sessions.Length).Select(i => year.WithSessions(year.Sessions.RemoveAt(i)));
}
