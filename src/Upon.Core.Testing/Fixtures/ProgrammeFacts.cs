using System.Globalization;

namespace Upon.Core.Testing;

/// <summary>Where a published fact comes from: the publisher, the piece, its author and date.</summary>
/// <param name="Publisher">Who published it, for example "CYP Now".</param>
/// <param name="Title">The title of the piece or page.</param>
/// <param name="Author">The author, or null for a page without one.</param>
/// <param name="Published">The date of publication, or null when the page carries none.</param>
public sealed record FactSource(string Publisher, string Title, string? Author, LocalDate? Published)
{
    /// <summary>Returns "Publisher, “Title” (Author, yyyy-MM-dd)", leaving out what is not known.</summary>
    /// <returns>The citation.</returns>
    public override string ToString()
    {
        string by = string.Join(", ", new[] { Author, Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(p => p is not null));
        return $"{Publisher}, \u201C{Title}\u201D" + (by.Length > 0 ? $" ({by})" : string.Empty);
    }
}

/// <summary>
/// One published fact or figure about the programme or the DCS workforce, as one source gives it.
/// </summary>
/// <param name="Topic">
/// A stable key for what the fact is about, for example <c>year1.participants</c>. Two facts on one topic come from
/// different sources; when their values differ, the sources disagree (<see cref="ProgrammeFacts.Disagreements"/>).
/// </param>
/// <param name="Value">The value as published, in words or figures, for example "19" or "£3m".</param>
/// <param name="Number">The value as a number when it is one (a count, a share as a fraction, an amount in pounds), else null.</param>
/// <param name="Quote">The words of the source that state it, verbatim (typographic quotes and apostrophes as published), or null when the source is summarised rather than quoted.</param>
/// <param name="Source">Where it comes from.</param>
public sealed record ProgrammeFact(string Topic, string Value, decimal? Number, string? Quote, FactSource Source);

/// <summary>
/// Every fact and figure of the source articles about upon and the DCS workforce (DOMAIN.md §1 to §4), each with its
/// source and date and, where the source is an article, its words: the programme's funding, partners, strands and
/// delivery, places and cohort sizes with the sources that disagree, dates, the eligibility criteria as worded, and the
/// workforce figures the articles quote. Tests, the docs and the demo take facts from here rather than typing them
/// again; <see cref="ProgrammeFixtures"/> and <see cref="SectorFigures"/> hold the same figures as typed values, and a
/// test checks that they agree with these.
/// </summary>
/// <remarks>Every member is immutable and safe to share between threads.</remarks>
public static class ProgrammeFacts
{
    /// <summary>Gets CYP Now, "DCS retention scheme to launch second phase" (Neil Puffett, 2021-05-17).</summary>
    public static FactSource SecondPhaseArticle { get; } = new("CYP Now", "DCS retention scheme to launch second phase", "Neil Puffett", new LocalDate(2021, 5, 17));

    /// <summary>Gets CYP Now, "Programme prepares the future leaders of children’s services" (Fiona Simpson, 2021-06-29).</summary>
    public static FactSource FutureLeadersArticle { get; } = new("CYP Now", "Programme prepares the future leaders of children\u2019s services", "Fiona Simpson", new LocalDate(2021, 6, 29));

    /// <summary>Gets the programme's own public pages, summarised (no date on the pages).</summary>
    public static FactSource ProgrammePages { get; } = new("The Staff College", "upon programme pages", null, null);

    /// <summary>Gets DfE's funding of the programme: £3m.</summary>
    public static ProgrammeFact Funding { get; } = new("funding", "£3m", 3_000_000m, "the Department for Education ploughed £3m into the Staff College\u2019s Upon programme for aspiring DCSs", FutureLeadersArticle);

    /// <summary>Gets the four partners of the consortium that delivers the programme, as the second-phase article names them.</summary>
    public static ProgrammeFact Partners { get; } = new("partners", "The Staff College, Institute of Public Care, Skills for Care and GatenbySanderson", 4m, "led by a consortium formed between The Staff College, Institute of Public Care, Skills for Care and GatenbySanderson", SecondPhaseArticle);

    /// <summary>Gets the consortium's four partners, each once: The Staff College, Institute of Public Care, Skills for Care, GatenbySanderson.</summary>
    public static ImmutableArray<string> PartnerNames { get; } = ["The Staff College", "Institute of Public Care", "Skills for Care", "GatenbySanderson"];

    /// <summary>Gets the New Directors strand: a new DCS is enrolled automatically and supported for the first year in post.</summary>
    public static ProgrammeFact NewDirectorsStrand { get; } = new("strands.new-directors", "automatic enrolment of new DCSs, wraparound support for the first year in post", null, "new DCSs are automatically enrolled on the Staff College\u2019s new directors programme which provides wraparound support for the first year in post", FutureLeadersArticle);

    /// <summary>Gets the eligibility criterion on experience, as worded.</summary>
    public static ProgrammeFact ExperienceCriterion { get; } = new("criteria.experience", "at least three years’ effective senior strategic leadership and management experience", 3m, "Applicants must have at least three years\u2019 effective senior strategic leadership and management experience in local government children\u2019s services or related fields and sectors", FutureLeadersArticle);

    /// <summary>Gets the eligibility criterion on readiness, as worded.</summary>
    public static ProgrammeFact ReadinessCriterion { get; } = new("criteria.readiness", "ready to make the move to DCS within the next three years", 3m, "be ready to make the move to DCS within the next three years", FutureLeadersArticle);

    /// <summary>Gets the eligibility criterion on moral purpose, as worded.</summary>
    public static ProgrammeFact MoralPurposeCriterion { get; } = new("criteria.moral-purpose", "a strong moral purpose and passion to champion children and young people and their outcomes", null, "\u201Ca strong moral purpose and passion to champion children and young people and their outcomes\u201D", FutureLeadersArticle);

    /// <summary>Gets the number that took part in Year 1 by the June article: 19 (the May article says 20).</summary>
    public static ProgrammeFact Year1ParticipantsJune { get; } = new("year1.participants", "19", 19m, "worked with 19 aspirant directors", FutureLeadersArticle);

    /// <summary>Gets the number that took part in Year 1 by the May article: 20 (the June article says 19).</summary>
    public static ProgrammeFact Year1ParticipantsMay { get; } = new("year1.participants", "20", 20m, "the first Upon Programme has been working with 20 aspirant directors", SecondPhaseArticle);

    /// <summary>Gets Year 1's dates: late November 2020 to June 2021.</summary>
    public static ProgrammeFact Year1Dates { get; } = new("year1.dates", "late November 2020 to June 2021", null, "Starting in late November 2020 and running until June 2021", SecondPhaseArticle);

    /// <summary>Gets Year 1's delivery: planned blended, made wholly virtual by Covid-19.</summary>
    public static ProgrammeFact Year1Delivery { get; } = new("year1.delivery", "wholly virtual (planned blended)", null, "was forced to become wholly virtual due to the Covid-19 pandemic", FutureLeadersArticle);

    /// <summary>Gets the places Year 2 offered by the May article: 35.</summary>
    public static ProgrammeFact Year2PlacesMay { get; } = new("year2.places", "35", 35m, "is now looking to take on 35 candidates in the second phase", SecondPhaseArticle);

    /// <summary>Gets the places Year 2 was hoped to offer by the June article: two cohorts of around 50 (the May article says 35).</summary>
    public static ProgrammeFact Year2PlacesJune { get; } = new("year2.places", "two cohorts of around 50", 100m, "expand to two cohorts of around 50 aspiring directors", FutureLeadersArticle);

    /// <summary>Gets Year 2's dates: September 2021 to March 2022.</summary>
    public static ProgrammeFact Year2Dates { get; } = new("year2.dates", "September 2021 to March 2022", null, "which will begin in September and run until March 2022", SecondPhaseArticle);

    /// <summary>Gets Year 2's content: eight taught days, learning visits, action learning and leadership-challenge activities.</summary>
    public static ProgrammeFact Year2Content { get; } = new("year2.content", "8 taught days, learning visits, action learning, leadership-challenge activities", 8m, "As well as eight \u201Ctaught\u201D days, candidates will take part in learning visits, action learning and leadership challenge activities", SecondPhaseArticle);

    /// <summary>Gets Year 2's delivery: blended, subject to Covid restrictions.</summary>
    public static ProgrammeFact Year2Delivery { get; } = new("year2.delivery", "blended, subject to Covid restrictions", null, "Sessions will a blend of virtual and face-to-face learning \u2013 subject to Covid restrictions", SecondPhaseArticle);

    /// <summary>Gets the change to Year 2's application process: to remove barriers, with more weight on transferable skills.</summary>
    public static ProgrammeFact Year2TransferableSkills { get; } = new("year2.application-process", "more focus on transferable skills, to remove barriers for Black, Asian and minority-ethnic applicants", null, "a greater focus on transferable skills during the application process", FutureLeadersArticle);

    /// <summary>Gets the date Year 1's applications opened (the programme's pages): 14 September 2020.</summary>
    public static ProgrammeFact Year1ApplicationsOpen { get; } = new("year1.applications-open", "2020-09-14", null, null, ProgrammePages);

    /// <summary>Gets the Year 1 cohort by professional background, as published: 14, 3, 1, 1, 1 (20, against 19 said to have taken part).</summary>
    public static ProgrammeFact Year1Backgrounds { get; } = new("year1.backgrounds", "children’s social care 14, education 3, adult social care 1, commissioning 1, inclusion 1", 20m, "14 had a background in children\u2019s social care, three in education, one in adult\u2019s social care, one in commissioning and one in inclusion", FutureLeadersArticle);

    /// <summary>Gets the Year 1 cohort by ethnicity, as published: British 14, Irish 3, African 2; none disabled.</summary>
    public static ProgrammeFact Year1Ethnicities { get; } = new("year1.ethnicities", "British 14, Irish 3, African 2; none disabled", 19m, "14 participants identifying as British, three as Irish and two as African while none identified as disabled", FutureLeadersArticle);

    /// <summary>Gets the share of serving DCSs who identify as white British (ADCS's DCS Update): 80%.</summary>
    public static ProgrammeFact ServingDcsWhiteBritish { get; } = new("workforce.white-british-share", "80 per cent", 0.80m, "80 per cent of current DCSs identify as white British and none currently identify as disabled", FutureLeadersArticle);

    /// <summary>Gets ADCS's average tenure of a DCS, quoted in the June article: 30 months.</summary>
    public static ProgrammeFact AdcsAverageTenure { get; } = new("workforce.average-tenure", "30 months (ADCS)", 30m, "the average tenure of a DCS lasting just 30 months", FutureLeadersArticle);

    /// <summary>Gets the average tenure given on the programme's pages: 47 months (computed another way than ADCS's 30).</summary>
    public static ProgrammeFact ProgrammeAverageTenure { get; } = new("workforce.average-tenure", "47 months (programme pages)", 47m, null, ProgrammePages);

    /// <summary>Gets "around a third of DCS posts change hands" in most years (ADCS, in the June article).</summary>
    public static ProgrammeFact AboutAThird { get; } = new("workforce.yearly-change-share", "around a third", 1m / 3m, "In most years, around a third of director of children\u2019s services (DCS) posts will change hands", FutureLeadersArticle);

    /// <summary>Gets the authorities that changed DCS in the 12 months to mid-2021: 37 of 151.</summary>
    public static ProgrammeFact ChangesToMid2021 { get; } = new("workforce.authorities-changing-to-mid-2021", "37 of 151", 37m, "with just 37 of 151 local authorities experiencing a change in leadership", FutureLeadersArticle);

    /// <summary>Gets the changes in the year before that: 57.</summary>
    public static ProgrammeFact ChangesToMid2020 { get; } = new("workforce.changes-to-mid-2020", "57", 57m, "compared with 57 changes the previous year", FutureLeadersArticle);

    /// <summary>Gets the changes of DCS in 2020/21 (the DCS Update, in the May article): 39 across 151 authorities, the fewest since 2011/12.</summary>
    public static ProgrammeFact Changes2020To21 { get; } = new("workforce.changes-2020-21", "39 across 151 authorities", 39m, "There were just 39 changes of director of children\u2019s services (DCS) in 2020/21 across all 151 local authorities \u2013 the lowest level since 2011/12", SecondPhaseArticle);

    /// <summary>Gets the claim that authorities that keep their DCS do better at Ofsted inspection (CYP Now analysis, 2014).</summary>
    public static ProgrammeFact KeepingDcsAndOfsted { get; } = new("inspection.keeping-dcs", "authorities that keep their DCS perform better in Ofsted inspections", null, "local authorities that keep hold of their directors of children's services (DCS) perform better in Ofsted inspections than those that change regularly", SecondPhaseArticle);

    /// <summary>Gets the claim that many DCSs do not survive an "inadequate" Ofsted judgement.</summary>
    public static ProgrammeFact InadequateJudgement { get; } = new("inspection.inadequate", "many DCSs don’t survive an ‘inadequate’ Ofsted judgment", null, "many DCSs don\u2019t survive an \u2018inadequate\u2019 Ofsted judgment", FutureLeadersArticle);

    /// <summary>Gets the share of serving DCSs who had completed the aspirant programme (the partners' figure, programme pages): 48%.</summary>
    public static ProgrammeFact CompletedAspirantShare { get; } = new("outcomes.serving-dcs-completed-aspirant", "48%", 0.48m, null, ProgrammePages);

    /// <summary>Gets the share of those on the programme since 2020 already appointed DCS (the partners' figure, programme pages): 11%.</summary>
    public static ProgrammeFact AppointedShare { get; } = new("outcomes.appointed-dcs", "11%", 0.11m, null, ProgrammePages);

    /// <summary>Gets the share of authorities with an (unplanned) change of DCS in 2018/19 (programme pages): over 25%.</summary>
    public static ProgrammeFact UnplannedChange2018To19 { get; } = new("workforce.unplanned-change-2018-19", "over 25%", 0.25m, null, ProgrammePages);

    /// <summary>Gets every fact above, in the order declared.</summary>
    public static ImmutableArray<ProgrammeFact> All { get; } =
    [
        Funding, Partners, NewDirectorsStrand, ExperienceCriterion, ReadinessCriterion, MoralPurposeCriterion,
        Year1ParticipantsJune, Year1ParticipantsMay, Year1Dates, Year1Delivery, Year1ApplicationsOpen, Year1Backgrounds, Year1Ethnicities,
        Year2PlacesMay, Year2PlacesJune, Year2Dates, Year2Content, Year2Delivery, Year2TransferableSkills,
        ServingDcsWhiteBritish, AdcsAverageTenure, ProgrammeAverageTenure, AboutAThird, ChangesToMid2021, ChangesToMid2020, Changes2020To21,
        KeepingDcsAndOfsted, InadequateJudgement, CompletedAspirantShare, AppointedShare, UnplannedChange2018To19,
    ];

    /// <summary>
    /// Gets the topics on which the sources disagree, each with its facts (one per source): Year 1's participants (19 or
    /// 20), Year 2's places (35 or two cohorts of around 50) and the average tenure (30 or 47 months, measured differently).
    /// The library makes each of these a parameter rather than choose.
    /// </summary>
    public static ImmutableArray<ImmutableArray<ProgrammeFact>> Disagreements { get; } =
    [
        .. All.GroupBy(f => f.Topic, StringComparer.Ordinal)
            .Where(g => g.Select(f => f.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => g.ToImmutableArray()),
    ];

    /// <summary>Gets the facts on <paramref name="topic"/>, one per source.</summary>
    /// <param name="topic">The topic, for example <c>year1.participants</c>.</param>
    /// <returns>The facts, in the order declared; empty for an unknown topic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="topic"/> is null.</exception>
    public static ImmutableArray<ProgrammeFact> About(string topic)
    {
        Guard.Against.Null(topic);
        return [.. All.Where(f => string.Equals(f.Topic, topic, StringComparison.Ordinal))];
    }
}
