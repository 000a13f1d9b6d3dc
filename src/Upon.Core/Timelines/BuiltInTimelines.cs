namespace Upon.Core.Timelines;

/// <summary>
/// The programme years known from the sources (DOMAIN.md §1): Years 1 to 3 of the Aspirant Directors
/// programme and the 2021/22 New Directors sessions.
/// </summary>
/// <remarks>
/// <para>
/// Where the sources give only a month or a season, the date here is a plausible choice of this
/// library: the milestone or session is marked assumed, its note says what the sources say, and the
/// year's <see cref="ProgrammeYear.Notes"/> list every assumed date. docs/timelines.md lists them too.
/// </para>
/// <para>
/// Year 2 requires 8 taught days; the sources give no dates for them, so its eight taught days are
/// assumed (a Thursday a month, September 2021 to March 2022). No sessions of Years 1 and 3 are
/// published, so those years have none. Every built-in year validates against
/// <see cref="Calendars.WorkingDayCalendar.EnglandAndWales"/> without findings.
/// </para>
/// </remarks>
public static class BuiltInTimelines
{
    /// <summary>Gets Year 1 of the Aspirant Directors programme, 2020/21 (planned blended, delivered wholly virtually because of Covid-19).</summary>
    public static ProgrammeYear Aspirant2020To21 { get; } = WithAssumedDateNotes(new ProgrammeYear(
        "aspirant-2020-21",
        "Aspirant Directors programme, Year 1 (2020/21)",
        ProgrammeStrand.AspirantDirectors,
        new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30)),
        [
            new Milestone(MilestoneKind.ApplicationsOpen, new LocalDate(2020, 9, 14), Note: "Published: applications opened on 14 September 2020."),
            Milestone.Assumed(MilestoneKind.Selection, new LocalDate(2020, 10, 30), "The sources say selection was in October 2020; the last Friday of October is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeStart, new LocalDate(2020, 11, 23), "The sources say the programme started in late November 2020; Monday 23 November is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeEnd, new LocalDate(2021, 6, 30), "The sources say the programme ran to June 2021; the last day of June is assumed."),
        ],
        [],
        requiredTaughtDays: null,
        [
            "Up to 20 places (one source says 19 took part, another 20).",
            "Planned as blended; delivered wholly virtually because of Covid-19.",
            "No session dates are published for this year.",
        ]));

    /// <summary>Gets Year 2 of the Aspirant Directors programme, 2021/22: 8 taught days, blended subject to Covid restrictions.</summary>
    public static ProgrammeYear Aspirant2021To22 { get; } = WithAssumedDateNotes(new ProgrammeYear(
        "aspirant-2021-22",
        "Aspirant Directors programme, Year 2 (2021/22)",
        ProgrammeStrand.AspirantDirectors,
        new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 3, 31)),
        [
            Milestone.Assumed(MilestoneKind.ApplicationsOpen, new LocalDate(2021, 5, 4), "The sources say applications opened in spring 2021 and were open by May 2021; Tuesday 4 May, after the early May bank holiday, is assumed."),
            Milestone.Assumed(MilestoneKind.Selection, new LocalDate(2021, 7, 15), "The sources say selection was in summer 2021; 15 July is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeStart, new LocalDate(2021, 9, 1), "The sources say the programme started in September 2021; 1 September is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeEnd, new LocalDate(2022, 3, 31), "The sources say the programme ran to March 2022; 31 March is assumed."),
        ],
        [
            TaughtDay(1, new LocalDate(2021, 9, 16)),
            TaughtDay(2, new LocalDate(2021, 10, 14)),
            TaughtDay(3, new LocalDate(2021, 11, 11)),
            TaughtDay(4, new LocalDate(2021, 12, 9)),
            TaughtDay(5, new LocalDate(2022, 1, 13)),
            TaughtDay(6, new LocalDate(2022, 2, 10)),
            TaughtDay(7, new LocalDate(2022, 3, 3)),
            TaughtDay(8, new LocalDate(2022, 3, 24)),
        ],
        requiredTaughtDays: 8,
        [
            "35 places (another source says two cohorts of around 50).",
            "Content: 8 taught days, learning visits, action learning and leadership-challenge activities, tailored to the cohort; blended subject to Covid restrictions.",
            "The application process focused more on transferable skills to remove barriers for Black, Asian and minority-ethnic applicants.",
        ]));

    /// <summary>Gets Year 3 of the Aspirant Directors programme, 2022/23.</summary>
    public static ProgrammeYear Aspirant2022To23 { get; } = WithAssumedDateNotes(new ProgrammeYear(
        "aspirant-2022-23",
        "Aspirant Directors programme, Year 3 (2022/23)",
        ProgrammeStrand.AspirantDirectors,
        new DateInterval(new LocalDate(2022, 10, 3), new LocalDate(2023, 3, 31)),
        [
            Milestone.Assumed(MilestoneKind.ApplicationsOpen, new LocalDate(2022, 1, 10), "The sources say applications opened in early 2022; Monday 10 January is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeStart, new LocalDate(2022, 10, 3), "The sources say the programme started in autumn 2022; Monday 3 October is assumed."),
            Milestone.Assumed(MilestoneKind.ProgrammeEnd, new LocalDate(2023, 3, 31), "The sources say the programme ran to spring 2023; 31 March is assumed."),
        ],
        [],
        requiredTaughtDays: null,
        ["No selection date and no session dates are published for this year."]));

    /// <summary>Gets the 2021/22 New Directors sessions: four Friday-afternoon virtual workshops and a two-day face-to-face residential.</summary>
    public static ProgrammeYear NewDirectors2021To22 { get; } = WithAssumedDateNotes(new ProgrammeYear(
        "new-directors-2021-22",
        "New Directors programme, 2021/22",
        ProgrammeStrand.NewDirectors,
        new DateInterval(new LocalDate(2021, 9, 1), new LocalDate(2022, 8, 31)),
        [
            Milestone.Assumed(MilestoneKind.ProgrammeStart, new LocalDate(2021, 9, 1), "New directors join on appointment all year round; the window is assumed to be the academic year the published sessions fall in, from 1 September 2021."),
            Milestone.Assumed(MilestoneKind.ProgrammeEnd, new LocalDate(2022, 8, 31), "New directors join on appointment all year round; the window is assumed to be the academic year the published sessions fall in, to 31 August 2022."),
        ],
        [
            Workshop(1, new LocalDate(2021, 12, 10)),
            Workshop(2, new LocalDate(2022, 1, 14)),
            new Session(
                "residential",
                "New Directors residential",
                SessionKind.Residential,
                DeliveryMode.FaceToFace,
                new DateInterval(new LocalDate(2022, 2, 7), new LocalDate(2022, 2, 8))),
            Workshop(3, new LocalDate(2022, 3, 25)),
            Workshop(4, new LocalDate(2022, 4, 29)),
        ],
        requiredTaughtDays: null,
        [
            "A new DCS is enrolled automatically on appointment and supported for the first year in post.",
            "Session dates and times are published (UK local time); no times are published for the residential.",
        ]));

    /// <summary>Gets every built-in programme year, Aspirant Directors years first, in date order.</summary>
    public static ImmutableArray<ProgrammeYear> All { get; } = [Aspirant2020To21, Aspirant2021To22, Aspirant2022To23, NewDirectors2021To22];

    /// <summary>
    /// Finds a built-in year by its identifier (<c>aspirant-2021-22</c>) or an alias: the academic year
    /// (<c>2021/22</c> or <c>2021-22</c>) or <c>year-2</c> for the Aspirant Directors programme, and
    /// <c>new-directors-2021/22</c> for the New Directors programme. Matching ignores case.
    /// </summary>
    /// <param name="idOrAlias">The identifier or alias.</param>
    /// <param name="year">The year found, or null.</param>
    /// <returns>True when a year was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="idOrAlias"/> is null.</exception>
    public static bool TryFind(string idOrAlias, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProgrammeYear? year)
    {
        Guard.Against.Null(idOrAlias);
        return Aliases.TryGetValue(idOrAlias.Trim(), out year);
    }

    private static readonly Dictionary<string, ProgrammeYear> Aliases = CreateAliases();

    private static Dictionary<string, ProgrammeYear> CreateAliases()
    {
        Dictionary<string, ProgrammeYear> aliases = new(StringComparer.OrdinalIgnoreCase);
        (ProgrammeYear Year, string Academic, int Number)[] aspirant =
        [
            (Aspirant2020To21, "2020/21", 1),
            (Aspirant2021To22, "2021/22", 2),
            (Aspirant2022To23, "2022/23", 3),
        ];
        foreach ((ProgrammeYear year, string academic, int number) in aspirant)
        {
            aliases[year.Id] = year;
            aliases[academic] = year;
            aliases[academic.Replace('/', '-')] = year;
            aliases["year-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = year;
        }

        aliases[NewDirectors2021To22.Id] = NewDirectors2021To22;
        aliases["new-directors-2021/22"] = NewDirectors2021To22;
        return aliases;
    }

    private static Session TaughtDay(int number, LocalDate date) => new(
        "taught-day-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "Taught day " + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SessionKind.TaughtDay,
        DeliveryMode.Blended,
        new DateInterval(date, date),
        isAssumed: true,
        note: "The sources say Year 2 had 8 taught days between September 2021 and March 2022 but publish no dates; a Thursday a month is assumed.");

    private static Session Workshop(int number, LocalDate date) => new(
        "workshop-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "New Directors virtual workshop " + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SessionKind.VirtualWorkshop,
        DeliveryMode.Virtual,
        new DateInterval(date, date),
        new LocalTime(14, 0),
        new LocalTime(16, 0));

    /// <summary>The year with one note added per assumed milestone or session date, after its own notes.</summary>
    private static ProgrammeYear WithAssumedDateNotes(ProgrammeYear year)
    {
        ImmutableArray<string>.Builder all = ImmutableArray.CreateBuilder<string>();
        all.AddRange(year.Notes);
        foreach (Milestone milestone in year.Milestones)
        {
            if (milestone.IsAssumed)
            {
                all.Add($"Assumed date: {TimelineValidator.Describe(milestone.Kind)} {DateText.Format(milestone.Date)}. {milestone.Note}");
            }
        }

        foreach (Session session in year.Sessions)
        {
            if (session.IsAssumed)
            {
                all.Add($"Assumed date: {session.Title} {DateText.Format(session.Dates.Start)}. {session.Note}");
            }
        }

        return new ProgrammeYear(year.Id, year.Name, year.Strand, year.Window, year.Milestones, year.Sessions, year.RequiredTaughtDays, all.ToImmutable());
    }
}
