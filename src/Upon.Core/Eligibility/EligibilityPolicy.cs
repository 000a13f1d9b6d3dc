using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Upon.Core.Eligibility;

/// <summary>
/// A versioned, effective-dated definition of who is eligible for a programme year: a tree of rules,
/// with the interpretation choices it makes written down. Decides applications and explains why.
/// </summary>
/// <remarks>
/// <para>
/// A policy governs applications for its <see cref="ProgrammeYear"/> assessed from
/// <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>, both included (an open end when null);
/// <see cref="PolicyRegistry"/> picks the policy for an application. <see cref="Decide(Application)"/>
/// applies the policy whatever the application's year and date: choosing the policy is the caller's.
/// </para>
/// <para>
/// Rule codes are unique within a policy. The policy is compiled once, when constructed; deciding is
/// then free of shared state, so one policy can decide from many threads at once. Two policies are
/// equal when every member is equal (rules compared by value).
/// </para>
/// </remarks>
public sealed class EligibilityPolicy : IEquatable<EligibilityPolicy>
{
    /// <summary>Initializes a policy.</summary>
    /// <param name="id">The policy's identifier, for example <c>aspirant-2021-22</c>.</param>
    /// <param name="version">The version, 1 or more; a changed definition takes a new version.</param>
    /// <param name="programmeYear">The programme year governed, <c>yyyy/yy</c>.</param>
    /// <param name="effectiveFrom">The first assessment date governed.</param>
    /// <param name="effectiveTo">The last assessment date governed (included), or null for an open end.</param>
    /// <param name="title">A title for people.</param>
    /// <param name="rule">The top rule.</param>
    /// <param name="interpretation">The choices the policy makes in reading the published criteria, one sentence each.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A string is empty, the programme year is malformed, or two rules share a code.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 1 or <paramref name="effectiveTo"/> is before <paramref name="effectiveFrom"/>.</exception>
    public EligibilityPolicy(
        string id,
        int version,
        string programmeYear,
        LocalDate effectiveFrom,
        LocalDate? effectiveTo,
        string title,
        EligibilityRule rule,
        IEnumerable<string> interpretation)
    {
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.LessThan(version, 1);
        Guard.Against.NullOrWhiteSpace(title);
        Guard.Against.Null(rule);
        Guard.Against.Null(interpretation);
        Guard.Against.Invalid(!ProgrammeYears.IsValid(programmeYear), "A programme year is written yyyy/yy with consecutive years, for example 2021/22.", nameof(programmeYear));

        Guard.Against.NonIsoCalendar(effectiveFrom);
        Guard.Against.OutOfRange(effectiveTo < effectiveFrom, "A policy's last effective date cannot be before its first.", nameof(effectiveTo));

        bool duplicate = rule.DescendantsAndSelf().GroupBy(r => r.Code, StringComparer.Ordinal).Any(g => g.Count() > 1);
        Guard.Against.Invalid(duplicate, "Two rules of the policy share a code; codes must be unique within a policy.", nameof(rule));

        Id = id;
        Version = version;
        ProgrammeYear = programmeYear;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        Title = title;
        Rule = rule;
        Interpretation = [.. interpretation];
        ExperienceRules = rule.DescendantsAndSelf().Count(r => r is ExperienceRule);
    }

    /// <summary>The hash of the canonical form, once computed (see <see cref="ContentHash"/>).</summary>
    private string? contentHash;

    /// <summary>Gets the policy's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the version.</summary>
    public int Version { get; }

    /// <summary>Gets the programme year governed, <c>yyyy/yy</c>.</summary>
    public string ProgrammeYear { get; }

    /// <summary>Gets the first assessment date governed.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the last assessment date governed (included), or null for an open end.</summary>
    public LocalDate? EffectiveTo { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the top rule.</summary>
    public EligibilityRule Rule { get; }

    /// <summary>Gets the interpretation choices, one sentence each.</summary>
    public ImmutableArray<string> Interpretation { get; }

    /// <summary>Gets the number of experience rules in the tree.</summary>
    private int ExperienceRules { get; }

    private bool HasExperienceRule => ExperienceRules > 0;

    /// <summary>
    /// Gets the SHA-256 hash of the policy's canonical form (<see cref="DecisionFingerprint.HashPolicy"/>), computed on
    /// first use and then kept: from many threads at once it may be computed more than once, always to the same value.
    /// </summary>
    internal string ContentHash
    {
        get
        {
            string? hash = Volatile.Read(ref contentHash);
            if (hash is null)
            {
                hash = DecisionFingerprint.ComputePolicyHash(this);
                hash = Interlocked.CompareExchange(ref contentHash, hash, null) ?? hash;
            }

            return hash;
        }
    }

    /// <summary>
    /// Returns a copy whose last effective date is <paramref name="effectiveTo"/>: for example to close a
    /// version the day before the next one takes effect (<see cref="EligibilityPolicyBuilder.NextVersionOf"/>).
    /// The version is unchanged: the rules are the same, only the dates they govern.
    /// </summary>
    /// <param name="effectiveTo">The last assessment date governed (included), or null for an open end.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveTo"/> is before <see cref="EffectiveFrom"/>.</exception>
    public EligibilityPolicy WithEffectiveTo(LocalDate? effectiveTo) =>
        new(Id, Version, ProgrammeYear, EffectiveFrom, effectiveTo, Title, Rule, Interpretation);

    /// <summary>Determines whether the policy governs applications for <paramref name="programmeYear"/> assessed on <paramref name="assessedOn"/>.</summary>
    /// <param name="programmeYear">The programme year.</param>
    /// <param name="assessedOn">The assessment date.</param>
    /// <returns>True when the year matches and the date lies within the effective dates.</returns>
    public bool Governs(string programmeYear, LocalDate assessedOn) =>
        string.Equals(programmeYear, ProgrammeYear, StringComparison.Ordinal)
        && assessedOn >= EffectiveFrom
        && (EffectiveTo is not LocalDate to || assessedOn <= to);

    /// <summary>Decides <paramref name="application"/> as of its assessment date.</summary>
    /// <param name="application">The application.</param>
    /// <returns>The decision with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public EligibilityDecision Decide(Application application)
    {
        Guard.Against.Null(application);
        return Decide(application, application.AssessedOn);
    }

    /// <summary>Decides <paramref name="application"/> as of <paramref name="asOf"/> instead of its assessment date.</summary>
    /// <param name="application">The application.</param>
    /// <param name="asOf">The date to decide as of: experience counts the days before it, and the readiness window starts on it.</param>
    /// <returns>The decision with its explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="asOf"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityDecision Decide(Application application, LocalDate asOf)
    {
        Guard.Against.Null(application);
        EligibilityDates.Check(asOf);

        // The roles' days as of the date, worked out once and shared by every experience rule (Year 2 has two routes).
        int roles = HasExperienceRule ? application.Roles.Length : 0;
        Span<EffectiveExperience.RoleDays> days = roles <= 32 ? stackalloc EffectiveExperience.RoleDays[roles] : new EffectiveExperience.RoleDays[roles];
        EffectiveExperience.RoleDays.Of(application.Roles, asOf, days);
        Evaluation evaluation = new(application, days, asOf);
        CriterionResult explanation = Evaluate(Rule, ref evaluation);
        EligibilityOutcome outcome = EligibilityDecision.From(explanation.Outcome);
        LocalDate? eligibleFrom = outcome == EligibilityOutcome.Ineligible && HasExperienceRule ? FindEligibleFrom(explanation) : null;
        return new EligibilityDecision(application, this, outcome, asOf, explanation, eligibleFrom);
    }

    /// <inheritdoc />
    public bool Equals(EligibilityPolicy? other) =>
        other is not null
        && Id == other.Id && Version == other.Version && ProgrammeYear == other.ProgrammeYear
        && EffectiveFrom == other.EffectiveFrom && EffectiveTo == other.EffectiveTo && Title == other.Title
        && Rule.Equals(other.Rule) && Interpretation.SequenceEqual(other.Interpretation);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EligibilityPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version, ProgrammeYear, EffectiveFrom);

    /// <summary>Returns <c>id vversion (programme year, effective dates)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{Id} v{Version} ({ProgrammeYear}, from {DateText.Format(EffectiveFrom)}{(EffectiveTo is LocalDate to ? " to " + DateText.Format(to) : string.Empty)})";

    private static CriterionResult Evaluate(EligibilityRule rule, ref Evaluation evaluation)
    {
        switch (rule)
        {
            case AllRule all:
                return EvaluateCombined(rule, all.Rules, all: true, ref evaluation);
            case AnyRule any:
                return EvaluateCombined(rule, any.Rules, all: false, ref evaluation);
            case NotRule not:
                CriterionResult inner = Evaluate(not.Rule, ref evaluation);
                CriterionOutcome notOutcome = Negate(inner.Outcome);
                return new CriterionResult(rule, notOutcome, notOutcome switch
                {
                    CriterionOutcome.Pass => ReasonCodes.NotPassed,
                    CriterionOutcome.Fail => ReasonCodes.NotFailed,
                    _ => ReasonCodes.NotUndecided,
                })
                { Results = [inner] };
            case ExperienceRule experienceRule:
                return EvaluateExperience(experienceRule, ref evaluation);
            case ReadinessRule readiness:
                return EvaluateReadiness(readiness, evaluation.Application, evaluation.AsOf);
            case StatementRule statement:
                return EvaluateStatement(statement, evaluation.Application);
            case AssessorOutcomeRule assessor:
                return EvaluateAssessor(assessor, evaluation.Application);
            default:
                throw new UnreachableException($"Unknown rule type {rule.GetType().Name}.");
        }
    }

    /// <summary>Evaluates an all-rule or an any-rule: each rule under it, then the outcome they combine to and its reason.</summary>
    private static CriterionResult EvaluateCombined(EligibilityRule rule, ImmutableArray<EligibilityRule> rules, bool all, ref Evaluation evaluation)
    {
        ImmutableArray<CriterionResult> results = EvaluateEach(rules, ref evaluation);
        CriterionOutcome outcome = Combine(results, all);
        string reason = outcome switch
        {
            CriterionOutcome.Pass => all ? ReasonCodes.AllPassed : ReasonCodes.AnyPassed,
            CriterionOutcome.Fail => all ? ReasonCodes.AllFailed : ReasonCodes.AnyFailed,
            _ => all ? ReasonCodes.AllUndecided : ReasonCodes.AnyUndecided,
        };
        return new CriterionResult(rule, outcome, reason) { Results = results };
    }

    private static ImmutableArray<CriterionResult> EvaluateEach(ImmutableArray<EligibilityRule> rules, ref Evaluation evaluation)
    {
        CriterionResult[] results = new CriterionResult[rules.Length];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Evaluate(rules[i], ref evaluation);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(results);
    }

    private static CriterionResult EvaluateExperience(ExperienceRule rule, ref Evaluation evaluation)
    {
        // Two routes that treat every role alike measure the same experience: the second takes the first's.
        ImmutableArray<Role> roles = evaluation.Application.Roles;
        EffectiveExperience experience = evaluation.Measured is (ExperienceRule previous, EffectiveExperience earlier) && previous.TreatsAlike(rule, roles)
            ? earlier
            : EffectiveExperience.Measure(roles, evaluation.Days, evaluation.AsOf, rule);
        evaluation.Measured = (rule, experience);
        (bool met, LocalDate? metOn) = experience.Assess(rule.Minimum, ref evaluation.Terms);
        return new CriterionResult(
            rule,
            met ? CriterionOutcome.Pass : CriterionOutcome.Fail,
            met ? ReasonCodes.ExperienceSufficient : ReasonCodes.ExperienceInsufficient)
        {
            Required = rule.Minimum,
            MetOn = metOn,
            Experience = experience,
        }.WithExperienceFigures();
    }

    private static CriterionResult EvaluateReadiness(ReadinessRule rule, Application application, LocalDate asOf)
    {
        if (application.ReadyBy is not LocalDate readyBy)
        {
            return new CriterionResult(rule, CriterionOutcome.Undecided, ReasonCodes.ReadinessMissing)
            {
                Required = rule.Within,
            };
        }

        LocalDate limit = asOf.Plus(rule.Within);
        bool within = readyBy <= limit;
        return new CriterionResult(
            rule,
            within ? CriterionOutcome.Pass : CriterionOutcome.Fail,
            within ? ReasonCodes.ReadinessWithinWindow : ReasonCodes.ReadinessBeyondWindow)
        {
            Required = rule.Within,
        }.WithReadinessFigures(asOf, readyBy);
    }

    private static CriterionResult EvaluateStatement(StatementRule rule, Application application)
    {
        int words = application.StatementWords;
        (CriterionOutcome outcome, string reason) = words switch
        {
            0 => (CriterionOutcome.Undecided, ReasonCodes.StatementMissing),
            _ when words < rule.MinimumWords => (CriterionOutcome.Fail, ReasonCodes.StatementTooShort),
            _ when words > rule.MaximumWords => (CriterionOutcome.Fail, ReasonCodes.StatementTooLong),
            _ => (CriterionOutcome.Pass, ReasonCodes.StatementPresent),
        };
        return new CriterionResult(rule, outcome, reason)
        {
            Words = words,
            MinimumWords = rule.MinimumWords,
            MaximumWords = rule.MaximumWords,
        };
    }

    private static CriterionResult EvaluateAssessor(AssessorOutcomeRule rule, Application application)
    {
        (CriterionOutcome outcome, string reason) = rule.OutcomeIn(application.AssessorOutcomes) switch
        {
            AssessorOutcome.Met => (CriterionOutcome.Pass, ReasonCodes.AssessorMet),
            AssessorOutcome.NotMet => (CriterionOutcome.Fail, ReasonCodes.AssessorNotMet),
            _ when rule.RequireOutcome => (CriterionOutcome.Undecided, ReasonCodes.AssessorPending),
            _ => (CriterionOutcome.Pass, ReasonCodes.AssessorNotYetAssessed),
        };
        return new CriterionResult(rule, outcome, reason);
    }

    /// <summary>Three-valued logic: for all, a failure wins, then an undecided; for any, a pass wins, then an undecided.</summary>
    private static CriterionOutcome Combine(ImmutableArray<CriterionResult> results, bool all)
    {
        CriterionOutcome decisive = all ? CriterionOutcome.Fail : CriterionOutcome.Pass;
        bool undecided = false;
        foreach (CriterionResult result in results)
        {
            if (result.Outcome == decisive)
            {
                return decisive;
            }

            undecided |= result.Outcome == CriterionOutcome.Undecided;
        }

        return undecided ? CriterionOutcome.Undecided : (all ? CriterionOutcome.Pass : CriterionOutcome.Fail);
    }

    private static CriterionOutcome Negate(CriterionOutcome outcome) => outcome switch
    {
        CriterionOutcome.Pass => CriterionOutcome.Fail,
        CriterionOutcome.Fail => CriterionOutcome.Pass,
        _ => CriterionOutcome.Undecided,
    };

    /// <summary>
    /// The earliest date on which the rule tree would pass if only the experience results changed, each
    /// experience rule passing from its <see cref="CriterionResult.MetOn"/> date on. Candidates are those
    /// dates in order; null when none makes the tree pass (another rule fails, or no role is current).
    /// </summary>
    private LocalDate? FindEligibleFrom(CriterionResult explanation)
    {
        // At most one candidate per experience rule.
        Span<LocalDate> candidates = ExperienceRules <= 16 ? stackalloc LocalDate[ExperienceRules] : new LocalDate[ExperienceRules];
        int count = 0;
        Collect(explanation, candidates, ref count);
        candidates = candidates[..count];
        candidates.Sort();
        foreach (LocalDate candidate in candidates)
        {
            if (OutcomeOn(explanation, candidate) == CriterionOutcome.Pass)
            {
                return candidate;
            }
        }

        return null;

        static void Collect(CriterionResult result, Span<LocalDate> dates, ref int count)
        {
            if (result.Kind == RuleKind.Experience && result.Outcome == CriterionOutcome.Fail && result.MetOn is LocalDate on)
            {
                dates[count++] = on;
            }

            foreach (CriterionResult child in result.Results)
            {
                Collect(child, dates, ref count);
            }
        }

        static CriterionOutcome OutcomeOn(CriterionResult result, LocalDate date)
        {
            switch (result.Kind)
            {
                case RuleKind.Experience:
                    return result.MetOn is LocalDate on && on <= date ? CriterionOutcome.Pass : result.Outcome;
                case RuleKind.All:
                case RuleKind.Any:
                    CriterionOutcome decisive = result.Kind == RuleKind.All ? CriterionOutcome.Fail : CriterionOutcome.Pass;
                    bool undecided = false;
                    foreach (CriterionResult child in result.Results)
                    {
                        CriterionOutcome outcome = OutcomeOn(child, date);
                        if (outcome == decisive)
                        {
                            return decisive;
                        }

                        undecided |= outcome == CriterionOutcome.Undecided;
                    }

                    return undecided ? CriterionOutcome.Undecided : (result.Kind == RuleKind.All ? CriterionOutcome.Pass : CriterionOutcome.Fail);
                case RuleKind.Not:
                    return Negate(OutcomeOn(result.Results[0], date));
                default:
                    return result.Outcome;
            }
        }
    }

    /// <summary>
    /// What evaluating the rules of one decision shares: the application, the date, the roles' days as of it, the
    /// experience last measured and the rule that measured it, and the experience last compared in calendar terms (two
    /// routes often count the same roles, or at least the same days, and then share the figures).
    /// </summary>
    private ref struct Evaluation(Application application, ReadOnlySpan<EffectiveExperience.RoleDays> days, LocalDate asOf)
    {
        public readonly Application Application = application;
        public readonly ReadOnlySpan<EffectiveExperience.RoleDays> Days = days;
        public readonly LocalDate AsOf = asOf;
        public EffectiveExperience.CalendarTerms Terms;
        public (ExperienceRule Rule, EffectiveExperience Experience)? Measured;
    }
}
