using System.Globalization;
using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// A <b>synthetic</b> register of 151 English local authorities (invented names and codes) with the
/// appointment histories of their Directors of Children's Services from 1 April 2008 to 31 March 2023.
/// No record describes a real authority or person. It is built so that the library's own measures on it
/// reproduce the published headline figures (see docs/testing.md):
/// <see cref="Turnover.ByFinancialYear"/> gives exactly the changes and authorities with a change of
/// <see cref="Targets"/> (57 changes in 48 of 151 authorities in 2019/20; 39 in 34 in 2020/21, the
/// fewest since 2011/12; about a third in most years), and, for <see cref="Default"/>, the ADCS-style
/// mean time in post on 31 March (<see cref="TenureMeasures.TimeInPost"/>) is about 29–30 months.
/// </summary>
/// <remarks>
/// <para>
/// How it is generated, deterministically from a seed (<see cref="DefaultSeed"/> for <see cref="Default"/>)
/// with <see cref="System.Random"/>'s seeded algorithm, at first use: every authority starts with a permanent
/// DCS appointed up to six years before 1 April 2008 (but not before the register begins, 1 April 2005, as DCS posts date from the Children Act 2004). Then, for each financial year of
/// <see cref="Targets"/>, as many authorities as the target's authorities with a change are drawn,
/// without replacement, with a weight of 0.05 + (the current holder's years in post)^0.3 (so long tenures
/// end a little more often than short ones, which brings the mean time in post to the published one); the extra changes
/// go to some of them as a stand-in: an interim (sometimes acting) DCS in the first seven months,
/// followed 2 to 5 months later by a new permanent DCS. A quarter of the other new DCSs are first
/// appointed as interims and confirmed as permanent 2 to 6 months later (one spell, not a change).
/// Every new holder is a new person, posts are never vacant, and the last holder of each authority is
/// still in post (right-censored at 31 March 2023).
/// </para>
/// <para>
/// Ofsted judgements (<see cref="Judgements"/>) are drawn after the appointments, from the same generator, so that adding
/// them changed no appointment: each authority's first graded inspection is published on a day of 2014–2017 (the single
/// inspection framework ran from November 2013 to 2017), and each later one 18 to 30 months after an inadequate
/// judgement (re-inspection after monitoring), 30 to 42 months after one that requires improvement and 36 to 54 months
/// after a good or outstanding one, until 31 March 2023. Each grade is drawn with the weights of
/// <see cref="JudgementGradeWeights"/>, independently of everything else: the synthetic sector builds in <b>no</b> link
/// between judgements and changes of DCS, so a model of tenure fitted to it should find none (a null check, not a finding).
/// </para>
/// <para>Instances are immutable and thread-safe; equality is by reference.</para>
/// </remarks>
public sealed class SyntheticWorkforce
{
    /// <summary>
    /// The seed <see cref="Default"/> is generated from: 236, chosen as the seed from 1 to 300 whose mean time in post on
    /// 31 March 2019, 2020 and 2021 came closest to ADCS's published 29, 29 and 30 months (28.9, 28.6 and 30.1 now).
    /// </summary>
    public const int DefaultSeed = 236;

    /// <summary>The number of authorities in the register: 151, as in 2020/21.</summary>
    public const int AuthorityCount = 151;

    /// <summary>The label every synthetic name carries: authority names start with it and holder ids contain it.</summary>
    public const string Label = "Synthetic";

    private static readonly Lazy<SyntheticWorkforce> DefaultInstance = new(() => Generate(DefaultSeed));

    // The nine English regions with their number of authorities (summing to 151).
    private static readonly (string Region, int Count)[] Regions =
    [
        ("North East", 12), ("North West", 23), ("Yorkshire and the Humber", 15), ("East Midlands", 9), ("West Midlands", 14),
        ("East of England", 11), ("London", 33), ("South East", 19), ("South West", 15),
    ];

    private SyntheticWorkforce(int seed, AuthorityRegister register, ImmutableArray<Appointment> appointments, ImmutableArray<OfstedJudgement> judgements)
    {
        Seed = seed;
        Register = register;
        Appointments = appointments;
        Judgements = judgements;
    }

    /// <summary>Gets the synthetic register generated from <see cref="DefaultSeed"/> (built once, at first use).</summary>
    public static SyntheticWorkforce Default => DefaultInstance.Value;

    /// <summary>Gets the first day the histories cover, 1 April 2008 (earlier appointments are those of the DCSs then in post).</summary>
    public static LocalDate CoverageStart { get; } = new(2008, 4, 1);

    /// <summary>Gets the day every synthetic authority enters the register, 1 April 2005: no DCS is in post before it.</summary>
    public static LocalDate RegisterStart { get; } = new(2005, 4, 1);

    /// <summary>Gets the last day the histories cover, 31 March 2023: appointments still open then are right-censored.</summary>
    public static LocalDate CoverageEnd { get; } = new(2023, 3, 31);

    /// <summary>
    /// Gets the changes and authorities with a change that every generated register gives for each financial
    /// year from 2008/09 to 2022/23. The years ADCS published are as published (2013/14, 2015/16 to 2020/21,
    /// 2022/23, with 40 of 151 rather than 152 in 2018/19 and 42 of 151 rather than 152 in 2022/23); 2012/13 is
    /// 34.4% (the 34.2% reported); the others are invented and plausible, 2011/12 at 37 so that 2020/21's 39 is
    /// the fewest since 2011/12.
    /// </summary>
    public static ImmutableArray<SyntheticTurnoverTarget> Targets { get; } =
    [
        new(2008, 48, 40), new(2009, 50, 42), new(2010, 45, 38), new(2011, 37, 32), new(2012, 52, 44),
        new(2013, 61, 50), new(2014, 50, 42), new(2015, 55, 46), new(2016, 44, 38), new(2017, 65, 57),
        new(2018, 51, 40), new(2019, 57, 48), new(2020, 39, 34), new(2021, 46, 40), new(2022, 50, 42),
    ];

    /// <summary>
    /// Gets the weights of the grades of the synthetic judgements, in the order of <see cref="OfstedGrade"/>: 2, 8, 7 and
    /// 3 in 20, that is 10% outstanding, 40% good, 35% requires improvement and 15% inadequate, an invented middle of the
    /// published shares, which moved over the decade (42% good or outstanding, 45% requiring improvement and 13%
    /// inadequate in Ofsted's annual report of December 2018; 60% good or outstanding on 31 March 2024).
    /// </summary>
    public static ImmutableArray<int> JudgementGradeWeights { get; } = [2, 8, 7, 3];

    /// <summary>Gets the seed this register was generated from.</summary>
    public int Seed { get; }

    /// <summary>Gets the register: <see cref="AuthorityCount"/> synthetic authorities, all in force throughout.</summary>
    public AuthorityRegister Register { get; }

    /// <summary>Gets every appointment, ordered by authority code and then start.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>
    /// Gets the Ofsted judgements of the authorities, ordered by authority code and then date, from 2014 to 31 March 2023:
    /// about one every three years for each authority (see the remarks of <see cref="SyntheticWorkforce"/>).
    /// </summary>
    public ImmutableArray<OfstedJudgement> Judgements { get; }

    /// <summary>Generates a synthetic register from <paramref name="seed"/>: the same seed always gives the same register.</summary>
    /// <param name="seed">The seed of the random choices (any value).</param>
    /// <returns>A register that meets <see cref="Targets"/> exactly; its tenure figures are near the published ones for most seeds and are checked for <see cref="DefaultSeed"/>.</returns>
    public static SyntheticWorkforce Generate(int seed)
    {
#pragma warning disable CA5394 // Not for security: a seeded, reproducible choice of synthetic records.
        Random random = new(seed);
        List<Authority> authorities = [];
        List<Appointment>[] histories = new List<Appointment>[AuthorityCount];
        LocalDate[] currentStart = new LocalDate[AuthorityCount];
        int[] holders = new int[AuthorityCount];
        int index = 0;
        foreach ((string region, int count) in Regions)
        {
            for (int i = 0; i < count; i++, index++)
            {
                string code = "S" + (index + 1).ToString("000", CultureInfo.InvariantCulture);
                authorities.Add(new Authority(code, $"{Label} Authority {index + 1:000}", region, RegisterStart));
                histories[index] = [];
                // DCS posts date from the Children Act 2004: no one is in post before the register begins.
                currentStart[index] = LocalDate.Max(RegisterStart, CoverageStart.PlusDays(-random.Next(30, 6 * 365)));
                holders[index] = 1;
            }
        }

        // Pending appointments: each authority's current holder, with its kind and (for an interim to be confirmed) the confirmation date.
        (AppointmentKind Kind, LocalDate? ConfirmedOn)[] current = [.. Enumerable.Repeat<(AppointmentKind, LocalDate?)>((AppointmentKind.Permanent, null), AuthorityCount)];
        foreach (SyntheticTurnoverTarget target in Targets)
        {
            DateInterval year = TurnoverPeriods.FinancialYear(target.StartYear);
            int[] chosen = [.. Enumerable.Range(0, AuthorityCount)
                .Select(i => (i, key: Math.Log(1 - random.NextDouble()) / Weight(Period.DaysBetween(currentStart[i], year.Start))))
                .OrderByDescending(t => t.key)
                .Take(target.AuthoritiesWithChange)
                .Select(t => t.i)
                .Order()];
            HashSet<int> standIns = [.. chosen.OrderBy(_ => random.Next()).Take(target.Changes - target.AuthoritiesWithChange)];
            foreach (int i in chosen)
            {
                if (standIns.Contains(i))
                {
                    LocalDate interimStart = year.Start.PlusDays(random.Next(0, 214));
                    AppointmentKind interimKind = random.Next(5) == 0 ? AppointmentKind.Acting : AppointmentKind.Interim;
                    Change(i, interimStart, interimKind, null);
                    Change(i, interimStart.PlusDays(random.Next(60, 151)), AppointmentKind.Permanent, null);
                }
                else
                {
                    LocalDate start = year.Start.PlusDays(random.Next(0, year.Length));
                    bool confirmedLater = random.Next(4) == 0;
                    Change(i, start, confirmedLater ? AppointmentKind.Interim : AppointmentKind.Permanent, confirmedLater ? start.PlusDays(random.Next(60, 181)) : null);
                }
            }
        }

        for (int i = 0; i < AuthorityCount; i++)
        {
            Close(i, null);
        }

        // The judgements come last, so that the appointments are those every seed gave before judgements were added.
        List<OfstedJudgement> judgements = [];
        foreach (Authority authority in authorities)
        {
            for (LocalDate date = new LocalDate(2014, 1, 1).PlusDays(random.Next(0, 4 * 365)); date <= CoverageEnd;)
            {
                OfstedGrade grade = DrawGrade(random.Next(JudgementGradeWeights.Sum()));
                judgements.Add(new OfstedJudgement(authority.Code, date, grade));
                date = grade switch
                {
                    OfstedGrade.Inadequate => date.PlusMonths(random.Next(18, 31)),
                    OfstedGrade.RequiresImprovement => date.PlusMonths(random.Next(30, 43)),
                    _ => date.PlusMonths(random.Next(36, 55)),
                };
            }
        }
#pragma warning restore CA5394

        return new SyntheticWorkforce(seed, new AuthorityRegister(authorities), [.. histories.SelectMany(h => h)], [.. judgements]);

        void Change(int i, LocalDate start, AppointmentKind kind, LocalDate? confirmedOn)
        {
            Close(i, start.PlusDays(-1));
            holders[i]++;
            currentStart[i] = start;
            current[i] = (kind, confirmedOn);
        }

        // Writes the current holder's appointments, ending on lastDay (null: still in post).
        void Close(int i, LocalDate? lastDay)
        {
            string code = authorities[i].Code;
            string holder = $"{code}-{Label.ToLowerInvariant()}-{holders[i]:00}";
            (AppointmentKind kind, LocalDate? confirmedOn) = current[i];
            // An interim confirmed after the histories end is still an interim on their last day.
            if (confirmedOn is LocalDate confirmed && confirmed <= CoverageEnd && (lastDay is not LocalDate end || confirmed <= end))
            {
                histories[i].Add(new Appointment(code, holder, currentStart[i], confirmed.PlusDays(-1), kind));
                histories[i].Add(new Appointment(code, holder, confirmed, lastDay, AppointmentKind.Permanent));
            }
            else
            {
                histories[i].Add(new Appointment(code, holder, currentStart[i], lastDay, kind));
            }
        }

        static OfstedGrade DrawGrade(int draw)
        {
            int grade = 0;
            while (draw >= JudgementGradeWeights[grade])
            {
                draw -= JudgementGradeWeights[grade++];
            }

            return (OfstedGrade)(grade + 1);
        }

        static double Weight(int daysInPost)
        {
            double years = Math.Max(daysInPost, 1) / 365.25;
            return Math.Pow(years, 0.3) + 0.05;
        }
    }
}

/// <summary>The turnover a <see cref="SyntheticWorkforce"/> register gives in one financial year.</summary>
/// <param name="StartYear">The calendar year the financial year starts in (2019 for 2019/20).</param>
/// <param name="Changes">The number of changes of DCS in the year (<see cref="Turnover.Changes"/>).</param>
/// <param name="AuthoritiesWithChange">The number of authorities with at least one change (<see cref="Turnover.AuthoritiesWithChange"/>).</param>
public readonly record struct SyntheticTurnoverTarget(int StartYear, int Changes, int AuthoritiesWithChange);
