using System.Globalization;
using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// A <b>synthetic</b> register of English local authorities (invented names and codes) with the appointment histories
/// of their Directors of Children's Services from 1 April 2008 to 31 March 2024. No record describes a real authority
/// or person. It is built so that the library's own measures on it reproduce the published figures of DOMAIN.md §4
/// (see docs/workforce.md, "The synthetic sector against the published figures"): for every financial year of
/// <see cref="Targets"/>, <see cref="Turnover.ByFinancialYear"/> gives exactly its changes, authorities with a change
/// (over 152, 151 or 153 authorities, as the register changes), new permanent DCSs and interim appointments; the
/// rolling years of <see cref="RollingTargets"/> give CYP Now's figures; and, for <see cref="Default"/>, the ADCS-style
/// mean time in post on 31 March (<see cref="TenureMeasures.TimeInPost"/>) rounds to the published months.
/// </summary>
/// <remarks>
/// <para>
/// <b>The register.</b> 152 authorities (<c>S001</c> to <c>S152</c>, in nine regions) are in force from 1 April 2005
/// (DCS posts date from the Children Act 2004). On 1 April 2019 two councils become one (<c>S151</c> and <c>S152</c> end on
/// 31 March 2019 and <c>S153</c> begins): 151 authorities. On 1 April 2022 a county becomes two (<c>S060</c> ends;
/// <c>S154</c> and <c>S155</c> begin): 152. On 1 April 2023 another does (<c>S035</c> ends; <c>S156</c> and <c>S157</c>
/// begin): 153. So the counts ADCS gives hold: 152 in 2012/13 and 2018/19, 151 in 2019/20 and 2020/21, 152 in
/// 2022/23 and 153 in 2023/24. The successor's first DCS is the predecessor's (a move); a split's second authority starts
/// with an interim DCS. Those first appointments are changes of their year, as ADCS counts a new post-holder.
/// </para>
/// <para>
/// <b>Each year's changes.</b> Every authority starts with a permanent DCS appointed up to six years before 1 April 2008
/// (not before 1 April 2005). For each financial year, as many authorities as the target's authorities with a change
/// are drawn without replacement, each with a weight exp(β × the current holder's years in post), three times that
/// while an interim holder is in post; β is 0.15 in years without a published mean time in post, and in years with one
/// it is the value (on a grid from −2 to 4, with up to 40 fresh draws) that brings the mean time in post on the next
/// 31 March to the published whole month. The extra changes (changes − authorities with a change) go to chosen
/// authorities as a stand-in: an interim (one in five acting) DCS followed 60 to 150 days later by a new permanent DCS.
/// Of the other chosen authorities, enough start with an interim or acting DCS to give the year's interim
/// appointments; a quarter of those are confirmed in post 60 to 180 days later unless replaced first (one spell, not a
/// change, and not a new permanent DCS). The rest start with a permanent DCS.
/// </para>
/// <para>
/// <b>Who is appointed</b> (where the new DCS comes from, <see cref="ChangeOrigin"/>). Of the changes that start with a
/// permanent DCS, the target's new permanent DCSs are first-time DCSs (new people); the others are experienced DCSs
/// from the pool of people who have held a DCS post and are not in post. Interim DCSs come from that pool too (the
/// interim market), except acting DCSs (a deputy acting up: a first-time DCS) and one interim in seven. A DCS drawn from
/// the pool returns to an authority they led before (<see cref="ChangeOrigin.Return"/>) one time in ten when there is
/// one, else moves (<see cref="ChangeOrigin.Move"/>); people whose last post ended recently are likelier to be drawn
/// (weight exp(−days out of post / 180)). So, over 2013/14 to 2023/24, about 42% of changes are first-time DCSs (the share
/// the cohort-sizing model assumes), about half are moves and a few percent returns; in 2008/09, before anyone has
/// left a post, the pool is empty and every new DCS is first-time.
/// </para>
/// <para>
/// <b>Dates.</b> Changes fall on any day of the year except where the rolling years need otherwise: in 2019/20 exactly
/// three changes (the merger's included) fall from April to June and in 2020/21 exactly three, so that the twelve
/// months to 30 June 2020 have 2019/20's 57 changes; in 2020/21 every authority with a change after June has all its
/// changes there, and in 2021/22 six other authorities change from April to June, so that 37 of 151 authorities change
/// in the twelve months to 30 June 2021. A holder is in post at least 30 days.
/// </para>
/// <para>
/// <b>Why tenures end</b> (<see cref="Appointment.ExitReason"/>): a stand-in's spell <c>spell-ended</c>; a DCS whose
/// authority ends <c>restructure</c>, or <c>moved</c> when they lead the successor; a DCS who starts another DCS post within
/// 400 days <c>moved</c>; otherwise retired (35%), left local government (25%) or unknown (40%), except that half of
/// those who leave within a year of an inadequate judgement left after it (below). Every holder is one person across
/// authorities (holder ids <c>synthetic-0001</c> and on), posts are never vacant, and each authority's last holder is still in post (right-censored at 31 March 2024).
/// </para>
/// <para>
/// <b>Ofsted judgements</b> (<see cref="Judgements"/>) are drawn after the appointments, from the same generator, so that
/// they change no appointment: each authority's first graded inspection is published on a day of 2014–2017 (the single
/// inspection framework ran from November 2013 to 2017), or 12 to 24 months after a new authority begins, and each later
/// one 18 to 30 months after an inadequate judgement (re-inspection after monitoring), 30 to 42 months after one that
/// requires improvement and 36 to 54 months after a good or outstanding one, while the authority is in force, until
/// 31 March 2024. Grades come in the shares of <see cref="JudgementGradeWeights"/>, with <b>one planted link</b>: a
/// judgement is more often inadequate when its authority's DCS leaves by choice in the
/// <see cref="InadequateJudgementWindowMonths"/> months after it, so that the hazard of leaving while an inadequate
/// judgement is that recent is about <see cref="InadequateJudgementHazardRatio"/> times the hazard otherwise. A Cox model of
/// tenure (<see cref="TenureMeasures.CoxRecords"/> with <see cref="TenureCovariate.RecentJudgement"/>) recovers it
/// within its confidence interval; nothing else about judgements is linked to tenure. Half of the DCSs who leave by
/// choice in such a window are recorded as having left after the inadequate judgement, and no other DCS is.
/// </para>
/// <para>
/// Figures two sources give that cannot both hold are settled in <see cref="Targets"/>' remarks. Generation is
/// deterministic from a seed (<see cref="DefaultSeed"/> for <see cref="Default"/>) with <see cref="System.Random"/>'s
/// seeded algorithm. Instances are immutable and thread-safe; equality is by reference.
/// </para>
/// </remarks>
public sealed class SyntheticWorkforce
{
    /// <summary>The seed <see cref="Default"/> is generated from.</summary>
    public const int DefaultSeed = 236;

    /// <summary>The number of authorities in force in 2020/21: 151 (the register holds 157 over its history).</summary>
    public const int AuthorityCount = 151;

    /// <summary>The label every synthetic name carries: authority names start with it and holder ids contain it in lower case.</summary>
    public const string Label = "Synthetic";

    private static readonly Lazy<SyntheticWorkforce> DefaultInstance = new(() => Generate(DefaultSeed));

    // The nine English regions with their number of authorities from 2005 (summing to 152).
    private static readonly (string Region, int Count)[] Regions =
    [
        ("North East", 12), ("North West", 23), ("Yorkshire and the Humber", 15), ("East Midlands", 10), ("West Midlands", 14),
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

    /// <summary>Gets the day the first 152 synthetic authorities enter the register, 1 April 2005: no DCS is in post before it.</summary>
    public static LocalDate RegisterStart { get; } = new(2005, 4, 1);

    /// <summary>Gets the last day the histories cover, 31 March 2024: appointments still open then are right-censored.</summary>
    public static LocalDate CoverageEnd { get; } = new(2024, 3, 31);

    /// <summary>
    /// Gets what every generated register gives for each financial year from 2008/09 to 2023/24: changes, authorities
    /// with a change, new permanent DCSs, interim appointments and the authorities in force (every seed), and the mean
    /// time in post on the next 31 March in whole months (<see cref="Default"/>; null where ADCS published none).
    /// </summary>
    /// <remarks>
    /// The years ADCS published are as published (DOMAIN.md §4; <see cref="SectorFigures.AdcsTurnover"/>), read the way
    /// <see cref="Turnover"/> documents: a new permanent DCS is a change that starts with a first-time DCS's permanent
    /// appointment, and an interim appointment a change that starts with an interim or acting one. Figures ADCS did not
    /// publish are invented and plausible: 2011/12 has 37 changes so that 2020/21's 39 is the fewest since 2011/12
    /// (DCS Update); 2012/13 has 52 changes of 152, the 34.2% reported. Where two figures cannot both hold, one wins:
    /// ADCS's 2017/18 mean of 37 months for permanent DCSs beside 26 for all is not a target, since with 152 authorities
    /// it needs at least 45 interim DCSs in post on 31 March 2018 (152 × 11 ÷ 37), more than 2017/18's 27 interim
    /// appointments and the year before's allow once the other figures hold; the all-holders mean, the one ADCS publishes
    /// every year, wins.
    /// </remarks>
    public static ImmutableArray<SyntheticTurnoverTarget> Targets { get; } =
    [
        new(2008, 48, 40, 18, 18, 152, null), new(2009, 50, 42, 19, 19, 152, null), new(2010, 45, 38, 17, 17, 152, null),
        new(2011, 37, 32, 14, 14, 152, null), new(2012, 52, 44, 20, 20, 152, null), new(2013, 61, 50, 23, 24, 152, null),
        new(2014, 50, 42, 19, 19, 152, null), new(2015, 55, 46, 29, 21, 152, null), new(2016, 44, 38, 16, 18, 152, null),
        new(2017, 65, 57, 27, 27, 152, 26), new(2018, 51, 40, 17, 20, 152, 29), new(2019, 57, 48, 24, 22, 151, 29),
        new(2020, 39, 34, 12, 17, 151, 30), new(2021, 46, 40, 18, 18, 151, null), new(2022, 50, 42, 21, 20, 152, null),
        new(2023, 62, 49, 21, 28, 153, 33),
    ];

    /// <summary>
    /// Gets the rolling-year figures the sources quote, each with the reading taken of it, which every generated
    /// register gives.
    /// </summary>
    public static ImmutableArray<SyntheticRollingTarget> RollingTargets { get; } =
    [
        new(
            TurnoverPeriods.Rolling12Months(new LocalDate(2021, 6, 30)),
            null,
            SectorFigures.AuthoritiesChangingDcsInYearToMid2021,
            151,
            "CYP Now (mid-2021): 37 of 151 authorities changed DCS in the last 12 months.",
            "The twelve months 1 July 2020 to 30 June 2021; authorities with at least one change of post-holder, over the authorities in force."),
        new(
            TurnoverPeriods.Rolling12Months(new LocalDate(2020, 6, 30)),
            SectorFigures.ChangesInPreviousYearToMid2020,
            null,
            151,
            "CYP Now (mid-2021): against 57 changes the year before.",
            "The twelve months before those, 1 July 2019 to 30 June 2020; every change of post-holder. (2019/20, the financial year, also has 57: both readings hold.)"),
    ];

    /// <summary>
    /// Gets the weights of the grades of the synthetic judgements, in the order of <see cref="OfstedGrade"/>: 2, 8, 7 and
    /// 3 in 20, that is 10% outstanding, 40% good, 35% requires improvement and 15% inadequate, an invented middle of the
    /// published shares, which moved over the decade (42% good or outstanding, 45% requiring improvement and 13%
    /// inadequate in Ofsted's annual report of December 2018; 60% good or outstanding on 31 March 2024).
    /// </summary>
    public static ImmutableArray<int> JudgementGradeWeights { get; } = [2, 8, 7, 3];

    /// <summary>The hazard ratio of leaving planted in the sector for a DCS whose authority had an inadequate judgement in the last <see cref="InadequateJudgementWindowMonths"/> months: 2.</summary>
    public const double InadequateJudgementHazardRatio = 2;

    /// <summary>How long after an inadequate judgement the planted effect lasts: 12 months, from the day of publication.</summary>
    public const int InadequateJudgementWindowMonths = 12;

    /// <summary>Gets the seed this register was generated from.</summary>
    public int Seed { get; }

    /// <summary>Gets the register: 157 synthetic authorities over its history, 151 to 153 in force at once.</summary>
    public AuthorityRegister Register { get; }

    /// <summary>Gets every appointment, ordered by authority code and then start.</summary>
    public ImmutableArray<Appointment> Appointments { get; }

    /// <summary>
    /// Gets the Ofsted judgements of the authorities, ordered by authority code and then date, from 2014 to 31 March 2024:
    /// about one every three years for each authority while it is in force (see the remarks of <see cref="SyntheticWorkforce"/>).
    /// </summary>
    public ImmutableArray<OfstedJudgement> Judgements { get; }

    /// <summary>Generates a synthetic register from <paramref name="seed"/>: the same seed always gives the same register.</summary>
    /// <param name="seed">The seed of the random choices (any value).</param>
    /// <returns>
    /// A register that meets <see cref="Targets"/>' counts and <see cref="RollingTargets"/> exactly; its mean times in post
    /// are near the published ones for most seeds and are checked for <see cref="DefaultSeed"/>.
    /// </returns>
    public static SyntheticWorkforce Generate(int seed)
    {
        SyntheticSector sector = new(seed);
        (AuthorityRegister register, ImmutableArray<Appointment> appointments, ImmutableArray<OfstedJudgement> judgements) = sector.Run();
        return new SyntheticWorkforce(seed, register, appointments, judgements);
    }

    /// <summary>The authorities, as generated: the first 152, then the successors.</summary>
    internal static (string Code, string Region, LocalDate From, LocalDate? To)[] AuthorityPlan()
    {
        List<(string Code, string Region, LocalDate From, LocalDate? To)> plan = [];
        int number = 0;
        foreach ((string region, int count) in Regions)
        {
            for (int i = 0; i < count; i++)
            {
                number++;
                plan.Add((Code(number), region, RegisterStart, null));
            }
        }

        foreach (SyntheticRegisterChange change in RegisterChanges)
        {
            foreach (string ended in change.Ended)
            {
                int index = plan.FindIndex(a => a.Code == ended);
                plan[index] = plan[index] with { To = change.Date.PlusDays(-1) };
            }

            string region = plan.Single(a => a.Code == change.Ended[0]).Region;
            foreach (string begun in change.Begun)
            {
                plan.Add((begun, region, change.Date, null));
            }
        }

        return [.. plan];
    }

    /// <summary>Gets the synthetic code of authority <paramref name="number"/>: S and three digits.</summary>
    internal static string Code(int number) => "S" + number.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>Gets the mergers and splits of the register, in date order.</summary>
    internal static ImmutableArray<SyntheticRegisterChange> RegisterChanges { get; } =
    [
        new(new LocalDate(2019, 4, 1), ["S151", "S152"], ["S153"]),
        new(new LocalDate(2022, 4, 1), ["S060"], ["S154", "S155"]),
        new(new LocalDate(2023, 4, 1), ["S035"], ["S156", "S157"]),
    ];
}

/// <summary>What a <see cref="SyntheticWorkforce"/> register gives in one financial year.</summary>
/// <param name="StartYear">The calendar year the financial year starts in (2019 for 2019/20).</param>
/// <param name="Changes">The number of changes of DCS in the year (<see cref="Turnover.Changes"/>).</param>
/// <param name="AuthoritiesWithChange">The number of authorities with at least one change (<see cref="Turnover.AuthoritiesWithChange"/>).</param>
/// <param name="NewPermanent">The new permanent DCSs (<see cref="Turnover.NewPermanent"/>).</param>
/// <param name="InterimAppointments">The interim appointments (<see cref="Turnover.InterimAppointments"/>).</param>
/// <param name="AuthorityCount">The authorities in force during the year (<see cref="Turnover.AuthorityCount"/>).</param>
/// <param name="MeanTenureMonths">
/// The mean time in post of the DCSs in post on the next 31 March, rounded to whole months
/// (<see cref="TenureMeasures.TimeInPost"/>), for <see cref="SyntheticWorkforce.Default"/>; null where none is aimed at.
/// </param>
public readonly record struct SyntheticTurnoverTarget(int StartYear, int Changes, int AuthoritiesWithChange, int NewPermanent, int InterimAppointments, int AuthorityCount, int? MeanTenureMonths);

/// <summary>A rolling-year figure a source quotes, which every <see cref="SyntheticWorkforce"/> register gives.</summary>
/// <param name="Period">The twelve months, both ends included.</param>
/// <param name="Changes">The changes of post-holder in them, where quoted.</param>
/// <param name="AuthoritiesWithChange">The authorities with at least one change, where quoted.</param>
/// <param name="AuthorityCount">The authorities in force on at least one day of them.</param>
/// <param name="Quote">What the source says.</param>
/// <param name="Reading">The reading taken of it.</param>
public sealed record SyntheticRollingTarget(DateInterval Period, int? Changes, int? AuthoritiesWithChange, int AuthorityCount, string Quote, string Reading);

/// <summary>A merger or split in the synthetic register.</summary>
/// <param name="Date">The first day of the new authorities (the old ones end the day before).</param>
/// <param name="Ended">The codes of the authorities that end.</param>
/// <param name="Begun">The codes of the authorities that begin.</param>
internal sealed record SyntheticRegisterChange(LocalDate Date, string[] Ended, string[] Begun);
