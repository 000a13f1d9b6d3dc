using Upon.Core.Timelines;

namespace Upon.Core.Testing;

/// <summary>
/// FsCheck generators for programme timelines. Sessions cluster around the 2022 clock changes in
/// Europe/London (27 March and 30 October) and around weekends and holidays, and include times in the
/// skipped and repeated hours, so that every validation rule fires often.
/// </summary>
public static class TimelineGenerators
{
    /// <summary>The window of the generated programme years: the calendar year 2022.</summary>
    public static readonly DateInterval Window = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static readonly LocalTime[] Times =
    [
        new(0, 30), new(1, 0), new(1, 30), new(2, 0), new(2, 30), new(3, 30), new(9, 0), new(14, 0), new(16, 0), new(23, 30),
    ];

    private static readonly string?[] Groups = [null, "A", "B", "C"];

    /// <summary>Titles that need iCalendar escaping and folding: commas, semicolons, backslashes, newlines, accents, emoji, long text.</summary>
    private static readonly string[] Titles =
    [
        "Session",
        "Taught day: leadership, finance; partnerships",
        "Back\\slash and \"quotes\"",
        "Two\nlines\r\nand three",
        "Résumé café — naïve façade ",
        "Celebration 🎉🎉🎉 with a long title that goes on well past seventy-five octets of UTF-8 text ✓✓✓✓✓",
        new string('é', 120),
    ];

    /// <summary>Local dates from a week before to a week after <see cref="Window"/>, half of them within three days of a clock change.</summary>
    public static Gen<LocalDate> SessionDates() =>
        Gen.Frequency(
            (2, Gen.Choose(-7, Window.Length + 6).Select(Window.Start.PlusDays)),
            (1, Gen.Choose(-3, 3).Select(new LocalDate(2022, 3, 27).PlusDays)),
            (1, Gen.Choose(-3, 3).Select(new LocalDate(2022, 10, 30).PlusDays)));

    /// <summary>Sessions with the identifier <paramref name="id"/>: any kind, mode and group, one to three days, with or without times.</summary>
    public static Gen<Session> Sessions(string id) =>
        from start in SessionDates()
        from length in Gen.Choose(1, 3)
        from kind in Gen.Elements(Enum.GetValues<SessionKind>())
        from mode in Gen.Elements(Enum.GetValues<DeliveryMode>())
        from timed in Gen.Elements(true, true, false)
        from startTime in Gen.Elements(Times)
        from endTime in Gen.Elements(Times)
        from groupName in Gen.Elements(Groups)
        from allow in Gen.Elements(false, false, true)
        from title in Gen.Elements(Titles)
        from assumed in Gen.Elements(false, true)
        select new Session(
            id,
            title + " " + id,
            kind,
            mode,
            new DateInterval(start, start.PlusDays(length - 1)),
            timed ? startTime : null,
            timed ? endTime : null,
            groupName,
            allow,
            assumed,
            assumed ? "Assumed for the test." : null);

    /// <summary>Milestones of any kind on dates from September 2021 to December 2022 (some kinds repeated, some missing).</summary>
    public static Gen<Milestone> Milestones() =>
        from kind in Gen.Elements(Enum.GetValues<MilestoneKind>())
        from day in Gen.Choose(0, 480)
        from assumed in Gen.Elements(false, true)
        select new Milestone(kind, new LocalDate(2021, 9, 1).PlusDays(day), assumed, assumed ? "Assumed." : null);

    /// <summary>Programme years over <see cref="Window"/> with up to 6 milestones and up to 25 sessions with unique identifiers.</summary>
    public static Arbitrary<ProgrammeYear> BuiltInTimelines() =>
        Arb.From(
            from milestoneCount in Gen.Choose(0, 6)
            from milestones in Gen.ArrayOf(Milestones(), milestoneCount)
            from sessionCount in Gen.Choose(0, 25)
            from sessions in Gen.CollectToArray(Enumerable.Range(0, sessionCount).Select(i => Sessions("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            from required in Gen.Elements<int?>(null, 0, 1, 2, 4)
            from strand in Gen.Elements(Enum.GetValues<ProgrammeStrand>())
            select new ProgrammeYear(
                "generated",
                "Generated year",
                strand,
                Window,
                [.. milestones],
                [.. sessions],
                required,
                ["A generated year."]),
            Shrink);

    /// <summary>A programme year paired with a permutation of its sessions (<c>permutation[i]</c> is the original index of the session now at <c>i</c>).</summary>
    public static Arbitrary<(ProgrammeYear Year, int[] Permutation)> ProgrammeYearsWithPermutation() =>
        Arb.From(
            from year in BuiltInTimelines().Generator
            from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), year.Sessions.Length)
            select (year, Enumerable.Range(0, year.Sessions.Length).OrderBy(i => keys[i]).ThenBy(i => i).ToArray()));

    /// <summary>
    /// Programme years the document reader accepts: as <see cref="BuiltInTimelines"/>, with at least one
    /// milestone and without one-day sessions whose end time is not after their start time.
    /// </summary>
    public static Arbitrary<ProgrammeYear> DocumentProgrammeYears() =>
        Arb.From(
            from year in BuiltInTimelines().Generator
            from extra in Milestones()
            select new ProgrammeYear(
                year.Id,
                year.Name,
                year.Strand,
                year.Window,
                year.Milestones.IsEmpty ? [extra] : year.Milestones,
                [.. year.Sessions.Where(s => !(s.HasTimes && s.Dates.Length == 1 && s.EndTime <= s.StartTime))],
                year.RequiredTaughtDays,
                year.Notes));

    /// <summary>
    /// Schedule requests from 2022 to 2024: 7 to 400 days, 1 to 15 sessions, any preferred days (often none),
    /// up to three blackouts inside the period, gaps of 1 to 30 days.
    /// </summary>
    public static Arbitrary<ScheduleRequest> ScheduleRequests() =>
        Arb.From(
            from startDay in Gen.Choose(0, 700)
            from length in Gen.Choose(7, 400)
            let between = new DateInterval(new LocalDate(2022, 1, 1).PlusDays(startDay), new LocalDate(2022, 1, 1).PlusDays(startDay + length - 1))
            from count in Gen.Frequency((3, Gen.Choose(1, 8)), (1, Gen.Choose(9, 15)))
            from dayMask in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 127)))
            from blackoutCount in Gen.Choose(0, 3)
            from blackoutStarts in Gen.ArrayOf(Gen.Choose(0, length - 1), blackoutCount)
            from blackoutLengths in Gen.ArrayOf(Gen.Choose(1, 60), blackoutCount)
            from gap in Gen.Frequency((2, Gen.Choose(1, 7)), (1, Gen.Choose(8, 30)))
            from kind in Gen.Elements(Enum.GetValues<SessionKind>())
            select new ScheduleRequest(
                kind,
                count,
                between,
                [.. Enumerable.Range(0, 7).Where(bit => (dayMask & (1 << bit)) != 0).Select(bit => (IsoDayOfWeek)(bit + 1))],
                [.. blackoutStarts.Zip(blackoutLengths, (start, days) => new DateInterval(between.Start.PlusDays(start), between.Start.PlusDays(start + days - 1)))],
                gap));

    /// <summary>Instants from 2020 to 2023, when the built-in years run.</summary>
    public static Gen<Instant> Instants2020To2023() =>
        Gen.Choose(0, 4 * 366 * 24 * 4).Select(quarterHours => Instant.FromUtc(2020, 1, 1, 0, 0).Plus(Duration.FromMinutes(15L * quarterHours)));

    /// <summary>Returns the year with its sessions in the order of <paramref name="permutation"/>.</summary>
    public static ProgrammeYear Permute(ProgrammeYear year, int[] permutation) =>
        year.WithSessions([.. permutation.Select(i => year.Sessions[i])]);

    private static System.Collections.Generic.IEnumerable<ProgrammeYear> Shrink(ProgrammeYear year)
    {
        for (int i = 0; i < year.Sessions.Length; i++)
        {
            yield return year.WithSessions(year.Sessions.RemoveAt(i));
        }
    }
}
