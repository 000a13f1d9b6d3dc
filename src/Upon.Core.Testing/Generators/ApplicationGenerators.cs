using System.Diagnostics;
using Upon.Core.Eligibility;

namespace Upon.Core.Testing;

/// <summary>The one criterion an application from <see cref="ApplicationGenerators.Ineligible"/> fails.</summary>
public enum IneligibilityReason
{
    /// <summary>Qualifying experience falls short of three years (<see cref="ReasonCodes.ExperienceInsufficient"/>).</summary>
    ExperienceInsufficient = 0,

    /// <summary>The readiness date is more than three years after the assessment (<see cref="ReasonCodes.ReadinessBeyondWindow"/>).</summary>
    ReadinessBeyondWindow = 1,

    /// <summary>The statement of moral purpose is over 500 words (<see cref="ReasonCodes.StatementTooLong"/>).</summary>
    StatementTooLong = 2,

    /// <summary>The assessors judged moral purpose not met (<see cref="ReasonCodes.AssessorNotMet"/>).</summary>
    AssessorNotMet = 3,
}

/// <summary>
/// Applications of known outcome under a built-in policy (Year 2, 2021/22, unless given): eligible, ineligible
/// for each <see cref="IneligibilityReason"/>, near misses one day short of three years, and incomplete; and roles
/// with overlaps and gaps. Each application is assessed on a date the policy governs, and its outcome is proven by
/// the policy itself when shrinking: every shrink keeps the outcome (and the failing criterion), so a failing
/// property shrinks to a small application of the same kind.
/// </summary>
/// <remarks>Thread-safe: the generators hold no state.</remarks>
public static class ApplicationGenerators
{
    private static readonly ImmutableArray<string> Words =
        ["children", "first", "every", "child", "deserves", "a", "champion", "outcomes", "equity", "families", "safe", "thrive"];

    /// <summary>Gets the policy used when none is given: <see cref="BuiltInPolicies.Year2"/>.</summary>
    public static EligibilityPolicy DefaultPolicy => BuiltInPolicies.Year2;

    /// <summary>
    /// Eligible applications: one to three full-time qualifying roles laid end to end (overlapping or current at
    /// times) that reach three years 0 to 2,000 days before the assessment, zero to two roles that do not
    /// qualify, a readiness date within three years, a statement of 1 to 120 words and moral purpose met or
    /// not yet judged.
    /// </summary>
    /// <param name="policy">The policy they are eligible under (one of <see cref="BuiltInPolicies.All"/>); <see cref="DefaultPolicy"/> when null.</param>
    /// <returns>The applications, shrinking to eligible ones with fewer roles and shorter statements.</returns>
    public static Arbitrary<Application> Eligible(EligibilityPolicy? policy = null)
    {
        EligibilityPolicy chosen = policy ?? DefaultPolicy;
        return Of(ApplicationGen(chosen, spareDays: Gen.Choose(0, 2000)), IsOutcome(chosen, EligibilityOutcome.Eligible));
    }

    /// <summary>Ineligible applications that fail exactly <paramref name="reason"/> and meet every other criterion.</summary>
    /// <param name="reason">The criterion they fail.</param>
    /// <param name="policy">The policy (one of <see cref="BuiltInPolicies.All"/>); <see cref="DefaultPolicy"/> when null.</param>
    /// <returns>The applications, shrinking to ones that still fail for the same reason alone.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static Arbitrary<Application> Ineligible(IneligibilityReason reason, EligibilityPolicy? policy = null)
    {
        EligibilityPolicy chosen = policy ?? DefaultPolicy;
        Gen<Application> gen = Defined(reason) switch
        {
            IneligibilityReason.ExperienceInsufficient => ApplicationGen(chosen, spareDays: Gen.Choose(-900, -1), qualifyingExtras: false),
            IneligibilityReason.ReadinessBeyondWindow => ApplicationGen(chosen, Gen.Choose(0, 2000), readyBeyond: true),
            IneligibilityReason.StatementTooLong => ApplicationGen(chosen, Gen.Choose(0, 2000), statementWords: Gen.Choose(501, 560)),
            IneligibilityReason.AssessorNotMet => ApplicationGen(chosen, Gen.Choose(0, 2000), moralPurpose: AssessorOutcome.NotMet),
            _ => throw new UnreachableException(),
        };
        string code = ReasonCode(reason);
        return Of(gen, a => FailsOnly(chosen.Decide(a), code));
    }

    /// <summary>
    /// Near misses: applications that meet every criterion except experience, which is exactly one day short of
    /// three years, in a qualifying role still current (they would be eligible if assessed a day later).
    /// </summary>
    /// <param name="policy">The policy (one of <see cref="BuiltInPolicies.All"/>); <see cref="DefaultPolicy"/> when null.</param>
    /// <returns>The applications, shrinking to near misses with fewer roles.</returns>
    public static Arbitrary<Application> NearMisses(EligibilityPolicy? policy = null)
    {
        EligibilityPolicy chosen = policy ?? DefaultPolicy;
        return Of(
            ApplicationGen(chosen, spareDays: Gen.Constant(-1), qualifyingExtras: false, current: true),
            a => FailsOnly(chosen.Decide(a), ReasonCodes.ExperienceInsufficient) && chosen.Decide(a, a.AssessedOn.PlusDays(1)).IsEligible);
    }

    /// <summary>Incomplete applications: otherwise eligible, but without a readiness date, without a statement, or with a blank one.</summary>
    /// <param name="policy">The policy (one of <see cref="BuiltInPolicies.All"/>); <see cref="DefaultPolicy"/> when null.</param>
    /// <returns>The applications, shrinking to incomplete ones with fewer roles.</returns>
    public static Arbitrary<Application> Incomplete(EligibilityPolicy? policy = null)
    {
        EligibilityPolicy chosen = policy ?? DefaultPolicy;
        Gen<Application> gen =
            from application in ApplicationGen(chosen, Gen.Choose(0, 2000))
            from missing in Gen.Elements(0, 1, 2)
            select missing switch
            {
                0 => Rebuild(application, readyBy: null, statement: application.MoralPurposeStatement),
                1 => Rebuild(application, application.ReadyBy, statement: null),
                _ => Rebuild(application, application.ReadyBy, statement: " \n\t"),
            };
        return Of(gen, IsOutcome(chosen, EligibilityOutcome.Incomplete));
    }

    /// <summary>
    /// Roles with overlaps and gaps: two to six roles from 2008, each starting 200 days before to 400 days after the
    /// previous one ended (so some overlap it and some leave a gap), any level and sector, the last sometimes current;
    /// with an assessment date from 2019 to 2023. Shrinks by dropping roles.
    /// </summary>
    /// <returns>The roles with their assessment date.</returns>
    public static Arbitrary<(ImmutableArray<Role> Roles, LocalDate AssessedOn)> RolesWithOverlapsAndGaps()
    {
        Gen<(ImmutableArray<Role>, LocalDate)> gen =
            from count in Gen.Choose(2, 6)
            from offsets in Gen.ArrayOf(Gen.Choose(-200, 400), count)
            from lengths in Gen.ArrayOf(Gen.Choose(250, 1500), count)
            from templates in Gen.ArrayOf(EligibilityGenerators.RoleGen(partTime: false), count)
            from current in Gen.Elements(false, true)
            from assessed in Gen.Choose(0, Period.DaysBetween(new LocalDate(2019, 1, 1), new LocalDate(2023, 12, 31)))
            select (Chain(templates, offsets, lengths, current), new LocalDate(2019, 1, 1).PlusDays(assessed));
        return Arb.From(
            gen,
            pair => Enumerable.Range(0, pair.Item1.Length).Where(_ => pair.Item1.Length > 2).Select(i => (pair.Item1.RemoveAt(i), pair.Item2)));

        static ImmutableArray<Role> Chain(Role[] templates, int[] offsets, int[] lengths, bool current)
        {
            ImmutableArray<Role>.Builder roles = ImmutableArray.CreateBuilder<Role>(templates.Length);
            LocalDate start = new(2008, 1, 1);
            for (int i = 0; i < templates.Length; i++)
            {
                LocalDate end = start.PlusDays(lengths[i] - 1);
                roles.Add(EligibilityGenerators.Copy(templates[i], start, current && i == templates.Length - 1 ? null : end));
                start = Max(new LocalDate(2008, 1, 1), end.PlusDays(1 + offsets[i]));
            }

            return roles.MoveToImmutable();
        }
    }

    /// <summary>Returns the reason code of the criterion <paramref name="reason"/> names.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>One of <see cref="ReasonCodes"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    public static string ReasonCode(IneligibilityReason reason) => Defined(reason) switch
    {
        IneligibilityReason.ExperienceInsufficient => ReasonCodes.ExperienceInsufficient,
        IneligibilityReason.ReadinessBeyondWindow => ReasonCodes.ReadinessBeyondWindow,
        IneligibilityReason.StatementTooLong => ReasonCodes.StatementTooLong,
        IneligibilityReason.AssessorNotMet => ReasonCodes.AssessorNotMet,
        _ => throw new UnreachableException(),
    };

    /// <summary>Returns <paramref name="reason"/>, checked to be one of the four reasons.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns><paramref name="reason"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    private static IneligibilityReason Defined(IneligibilityReason reason)
    {
        // Ardalis' own enum guard throws InvalidEnumArgumentException; its range guard keeps ArgumentOutOfRangeException.
        Guard.Against.OutOfRange((int)reason, nameof(reason), (int)IneligibilityReason.ExperienceInsufficient, (int)IneligibilityReason.AssessorNotMet, "Not a defined reason.");
        return reason;
    }

    private static Func<Application, bool> IsOutcome(EligibilityPolicy policy, EligibilityOutcome outcome) => a => policy.Decide(a).Outcome == outcome;

    /// <summary>Whether the decision is ineligible and the only failing leaf criterion has <paramref name="code"/>.</summary>
    private static bool FailsOnly(EligibilityDecision decision, string code)
    {
        if (decision.Outcome != EligibilityOutcome.Ineligible)
        {
            return false;
        }

        CriterionResult[] failedLeaves = [.. Flatten(decision.Explanation).Where(r => r.Results.IsEmpty && r.Outcome == CriterionOutcome.Fail)];
        return failedLeaves.Length > 0 && failedLeaves.All(r => r.Reason == code);
    }

    private static IEnumerable<CriterionResult> Flatten(CriterionResult result) => [result, .. result.Results.SelectMany(Flatten)];

    private static Arbitrary<Application> Of(Gen<Application> gen, Func<Application, bool> keeps) =>
        Arb.From(gen.Where(keeps), application => Shrink(application).Where(keeps));

    /// <summary>Simpler applications: a role dropped or simplified, a shorter statement, no assessor outcomes.</summary>
    private static IEnumerable<Application> Shrink(Application application)
    {
        foreach (Application simpler in EligibilityGenerators.ShrinkApplication(application))
        {
            yield return simpler;
        }

        if (application.MoralPurposeStatement is string statement && statement.Contains(' ', StringComparison.Ordinal))
        {
            string[] words = statement.Split(' ');
            yield return Rebuild(application, application.ReadyBy, string.Join(' ', words.Take(Math.Max(1, words.Length / 2))));
            yield return Rebuild(application, application.ReadyBy, string.Join(' ', words.Skip(1)));
        }

        if (application.AssessorOutcomes is not null)
        {
            yield return new Application(application.Id, application.ProgrammeYear, application.AssessedOn, application.Roles, application.ReadyBy, application.MoralPurposeStatement);
        }
    }

    private static Application Rebuild(Application application, LocalDate? readyBy, string? statement) =>
        new(application.Id, application.ProgrammeYear, application.AssessedOn, application.Roles, readyBy, statement, application.Sponsor, application.AssessorOutcomes);

    /// <summary>
    /// Applications assessed on a date <paramref name="policy"/> governs, whose full-time qualifying roles reach
    /// three years <paramref name="spareDays"/> days before the assessment date (negative: short by that many days).
    /// </summary>
    private static Gen<Application> ApplicationGen(
        EligibilityPolicy policy,
        Gen<int> spareDays,
        bool qualifyingExtras = true,
        bool? current = null,
        bool readyBeyond = false,
        Gen<int>? statementWords = null,
        AssessorOutcome? moralPurpose = null)
    {
        LocalDate first = policy.EffectiveFrom;
        LocalDate last = policy.EffectiveTo ?? first.PlusYears(1);
        Gen<AssessorOutcomes?> outcomes = moralPurpose is AssessorOutcome fixedOutcome
            ? Gen.Constant<AssessorOutcomes?>(new AssessorOutcomes(fixedOutcome))
            : Gen.Elements<AssessorOutcomes?>(null, new AssessorOutcomes(AssessorOutcome.Met), new AssessorOutcomes(AssessorOutcome.Met, AssessorOutcome.Met, AssessorOutcome.Met));
        return
            from assessedDay in Gen.Choose(0, Period.DaysBetween(first, last))
            let assessedOn = first.PlusDays(assessedDay)
            from spare in spareDays
            from pieces in Gen.Choose(1, 3)
            from cuts in Gen.ArrayOf(Gen.Choose(1, 1000), pieces - 1)
            from overlaps in Gen.ArrayOf(Gen.Choose(0, 60), pieces - 1)
            from template in EligibilityGenerators.RoleGen(qualifyingOnly: true, partTime: false, acting: false)
            from isCurrent in current is bool always ? Gen.Constant(always) : Gen.Elements(false, true)
            from extraCount in Gen.Choose(0, 2)
            from extras in Gen.ArrayOf(qualifyingExtras ? EligibilityGenerators.RoleGen(latestStart: assessedOn) : NonQualifyingRoleGen(assessedOn), extraCount)
            from readyDays in readyBeyond ? Gen.Choose(1, 1000) : Gen.Choose(0, 1095)
            from words in statementWords ?? Gen.Choose(1, 120)
            from chosenWords in Gen.ArrayOf(Gen.Elements(Words.AsEnumerable()), words)
            from outcome in outcomes
            from id in Gen.Choose(1, 99999)
            let start = assessedOn.PlusYears(-3).PlusDays(-spare)
            let core = Core(template, start, assessedOn.PlusDays(-1), cuts, overlaps, isCurrent)
            select new Application(
                "A-" + id,
                policy.ProgrammeYear,
                assessedOn,
                [.. extras, .. core],
                readyBeyond ? assessedOn.PlusYears(3).PlusDays(readyDays) : assessedOn.PlusDays(readyDays),
                string.Join(' ', chosenWords),
                null,
                outcome);
    }

    /// <summary>Roles that qualify under no built-in route: private-sector or below head of service, before the assessment.</summary>
    private static Gen<Role> NonQualifyingRoleGen(LocalDate assessedOn) =>
        from role in EligibilityGenerators.RoleGen(latestStart: assessedOn.PlusDays(-1))
        from privateSector in Gen.Elements(false, true)
        select privateSector
            ? new Role(role.Title, role.Organisation, OrganisationType.Private, Sector.Other, role.Level, role.Start, role.End, role.PartTimeFraction, role.IsActing)
            : new Role(role.Title, role.Organisation, role.OrganisationType, role.Sector, RoleLevel.TeamManager, role.Start, role.End, role.PartTimeFraction, role.IsActing);

    /// <summary>
    /// Full-time roles covering <paramref name="start"/> to <paramref name="end"/> exactly (the last one current when
    /// <paramref name="isCurrent"/>), cut in pieces that overlap the next by 0 to 60 days.
    /// </summary>
    private static IEnumerable<Role> Core(Role template, LocalDate start, LocalDate end, int[] cuts, int[] overlaps, bool isCurrent)
    {
        int span = Period.DaysBetween(start, end);
        int[] points = [.. cuts.Select(c => c % Math.Max(span, 1)).Where(c => c > 0).Distinct().Order()];
        LocalDate pieceStart = start;
        for (int i = 0; i < points.Length; i++)
        {
            LocalDate pieceEnd = start.PlusDays(points[i]);
            yield return EligibilityGenerators.Copy(template, pieceStart, Min(end, pieceEnd.PlusDays(overlaps[i])));
            pieceStart = pieceEnd.PlusDays(1);
        }

        yield return EligibilityGenerators.Copy(template, pieceStart, isCurrent ? null : end);
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
