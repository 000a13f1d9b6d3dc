using Upon.Core.Cohorts;
using Upon.Core.Eligibility;
using Upon.Core.Timelines;

namespace Upon.Core.Testing;

/// <summary>
/// The programme as published, as data for tests: the timelines and eligibility policies of Years 1 to 3
/// and the New Directors sessions (the library's built-ins), the places offered and the Year 1 cohort's
/// composition, figures kept exactly as the sources give them (see DOMAIN.md §1 and §3).
/// </summary>
/// <remarks>Every member is immutable and safe to share between threads.</remarks>
public static class ProgrammeFixtures
{
    /// <summary>The dimension name of <see cref="Year1ByProfessionalBackground"/>: "professional background".</summary>
    public const string ProfessionalBackground = "professional background";

    /// <summary>The dimension name of <see cref="Year1ByEthnicity"/>: "ethnicity".</summary>
    public const string Ethnicity = "ethnicity";

    /// <summary>The places Year 1 (2020/21) offered: "up to 20".</summary>
    public const int Year1Places = 20;

    /// <summary>The number said to have taken part in Year 1: 19 (another source says 20; the professional backgrounds sum to 20).</summary>
    public const int Year1StatedParticipants = 19;

    /// <summary>The places Year 2 (2021/22) offered: 35 (another source speaks of "two cohorts of around 50").</summary>
    public const int Year2Places = 35;

    /// <summary>Gets the Year 1 (2020/21) Aspirant Directors timeline (<see cref="BuiltInTimelines.Aspirant2020To21"/>).</summary>
    public static ProgrammeYear Year1Timeline => BuiltInTimelines.Aspirant2020To21;

    /// <summary>Gets the Year 2 (2021/22) Aspirant Directors timeline (<see cref="BuiltInTimelines.Aspirant2021To22"/>).</summary>
    public static ProgrammeYear Year2Timeline => BuiltInTimelines.Aspirant2021To22;

    /// <summary>Gets the Year 3 (2022/23) Aspirant Directors timeline (<see cref="BuiltInTimelines.Aspirant2022To23"/>).</summary>
    public static ProgrammeYear Year3Timeline => BuiltInTimelines.Aspirant2022To23;

    /// <summary>Gets the New Directors 2021/22 sessions: four Friday workshops and a two-day residential (<see cref="BuiltInTimelines.NewDirectors2021To22"/>).</summary>
    public static ProgrammeYear NewDirectorsTimeline => BuiltInTimelines.NewDirectors2021To22;

    /// <summary>Gets the Year 1 (2020/21) eligibility policy (<see cref="BuiltInPolicies.Year1"/>).</summary>
    public static EligibilityPolicy Year1Policy => BuiltInPolicies.Year1;

    /// <summary>Gets the Year 2 (2021/22) eligibility policy, with the transferable-skills route (<see cref="BuiltInPolicies.Year2"/>).</summary>
    public static EligibilityPolicy Year2Policy => BuiltInPolicies.Year2;

    /// <summary>Gets the Year 3 (2022/23) eligibility policy (<see cref="BuiltInPolicies.Year3"/>).</summary>
    public static EligibilityPolicy Year3Policy => BuiltInPolicies.Year3;

    /// <summary>
    /// Gets the Year 1 cohort by professional background as published: children's social care 14, education 3,
    /// adult social care 1, commissioning 1, inclusion 1. They sum to 20 while the same article says 19 took part.
    /// </summary>
    public static ImmutableArray<CategoryCount> Year1ProfessionalBackgrounds { get; } =
    [
        new("children's social care", 14),
        new("education", 3),
        new("adult social care", 1),
        new("commissioning", 1),
        new("inclusion", 1),
    ];

    /// <summary>Gets the Year 1 cohort by ethnicity as published: British 14, Irish 3, African 2 (19); none identified as disabled.</summary>
    public static ImmutableArray<CategoryCount> Year1Ethnicities { get; } =
    [
        new("British", 14),
        new("Irish", 3),
        new("African", 2),
    ];

    /// <summary>
    /// Gets the Year 1 professional backgrounds as a breakdown checked against the stated 19 participants: its
    /// <see cref="CompositionBreakdown.Total"/> is 20 and <see cref="CompositionBreakdown.MatchesStatedTotal"/> is false.
    /// </summary>
    public static CompositionBreakdown Year1ByProfessionalBackground { get; } =
        CompositionBreakdown.Create(ProfessionalBackground, Year1ProfessionalBackgrounds, Year1StatedParticipants);

    /// <summary>
    /// Gets the Year 1 ethnicities as a breakdown checked against the stated 19 participants (they match), with
    /// serving DCSs' 80% white British as the reference share of "British".
    /// </summary>
    public static CompositionBreakdown Year1ByEthnicity { get; } = CompositionBreakdown.Create(
        Ethnicity,
        Year1Ethnicities,
        Year1StatedParticipants,
        new Dictionary<string, decimal> { ["British"] = SectorFigures.ServingDcsWhiteBritishShare });
}
