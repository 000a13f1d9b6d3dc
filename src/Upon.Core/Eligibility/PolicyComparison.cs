namespace Upon.Core.Eligibility;

/// <summary>
/// Two policies compared on the same applications: each application decided under both, the applications whose
/// decision differs with both explanations side by side, and how many moved from each outcome to each other.
/// </summary>
/// <remarks>
/// <para>
/// A decision differs (<see cref="PolicyComparisonRow.Change"/>) when its outcome, its eligible-from date or its
/// deciding reasons differ (see <see cref="DecidingReasons"/>): reason codes such as <c>experience.insufficient</c>
/// are the same in every policy, so two policies whose rules are arranged differently are compared by what decided,
/// not by how their rules are named.
/// </para>
/// <para>
/// An application carries no equality-monitoring answers, so none can touch a comparison. Instances are immutable and
/// safe to share between threads.
/// </para>
/// </remarks>
public sealed class PolicyComparison
{
    private PolicyComparison(EligibilityPolicy from, EligibilityPolicy to, int applications, ImmutableArray<PolicyComparisonRow> changed, ImmutableArray<OutcomeChange> totals)
    {
        From = from;
        To = to;
        Applications = applications;
        Changed = changed;
        Totals = totals;
    }

    /// <summary>Gets the policy compared from (the one in force, or the older).</summary>
    public EligibilityPolicy From { get; }

    /// <summary>Gets the policy compared to (the one proposed, or the newer).</summary>
    public EligibilityPolicy To { get; }

    /// <summary>Gets the number of applications decided under both.</summary>
    public int Applications { get; }

    /// <summary>Gets the applications whose decision differs, in the order given, each with both decisions.</summary>
    public ImmutableArray<PolicyComparisonRow> Changed { get; }

    /// <summary>
    /// Gets how many applications had each pair of outcomes (from, to), the unchanged pairs too, ordered by the
    /// outcome from and then to (eligible, ineligible, incomplete); pairs no application had are left out. The counts
    /// add up to <see cref="Applications"/>.
    /// </summary>
    public ImmutableArray<OutcomeChange> Totals { get; }

    /// <summary>Gets the number of applications whose outcome moved to eligible from any other.</summary>
    public int LetIn => Totals.Where(t => t.To == EligibilityOutcome.Eligible && t.From != EligibilityOutcome.Eligible).Sum(t => t.Count);

    /// <summary>Gets the number of applications whose outcome moved from eligible to any other.</summary>
    public int KeptOut => Totals.Where(t => t.From == EligibilityOutcome.Eligible && t.To != EligibilityOutcome.Eligible).Sum(t => t.Count);

    /// <summary>
    /// Decides every application under <paramref name="from"/> and under <paramref name="to"/>, as of
    /// <paramref name="asOf"/> or else each application's assessment date, and compares the decisions.
    /// </summary>
    /// <param name="applications">The applications; enumerated once.</param>
    /// <param name="from">The policy compared from.</param>
    /// <param name="to">The policy compared to.</param>
    /// <param name="asOf">The date to decide every application as of, or null for each one's assessment date.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="asOf"/> is null, or an application is.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public static PolicyComparison Compare(IEnumerable<Application> applications, EligibilityPolicy from, EligibilityPolicy to, LocalDate? asOf = null)
    {
        Guard.Against.Null(applications);
        Guard.Against.Null(from);
        Guard.Against.Null(to);
        if (asOf is LocalDate date)
        {
            EligibilityDates.Check(date);
        }

        Builder builder = new(from, to);
        foreach (Application application in applications)
        {
            Guard.Against.Null(application, nameof(applications));
            builder.Add(Row(application, from, to, asOf));
        }

        return builder.Build();
    }

    /// <summary>
    /// The reasons that decided <paramref name="decision"/>: none for an eligible one; otherwise the reason of every
    /// rule with the decision's outcome that has no rule under it with that outcome (the failing or undecided rules at
    /// the bottom of the explanation), in order, each once.
    /// </summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The deciding reasons, such as <c>experience.insufficient</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static ImmutableArray<string> DecidingReasons(EligibilityDecision decision)
    {
        Guard.Against.Null(decision);
        if (decision.Outcome == EligibilityOutcome.Eligible)
        {
            return [];
        }

        List<string> reasons = [];
        Collect(decision.Explanation, decision.Explanation.Outcome, reasons);
        return [.. reasons];
    }

    /// <summary>Decides one application under both policies and says what differs.</summary>
    internal static PolicyComparisonRow Row(Application application, EligibilityPolicy from, EligibilityPolicy to, LocalDate? asOf)
    {
        LocalDate date = asOf ?? application.AssessedOn;
        EligibilityDecision before = from.Decide(application, date);
        EligibilityDecision after = to.Decide(application, date);
        DecisionChanges change = DecisionChanges.None;
        if (before.Outcome != after.Outcome)
        {
            change |= DecisionChanges.Outcome;
        }

        if (before.EligibleFrom != after.EligibleFrom)
        {
            change |= DecisionChanges.EligibleFrom;
        }

        if (!DecidingReasons(before).SequenceEqual(DecidingReasons(after), StringComparer.Ordinal))
        {
            change |= DecisionChanges.Reasons;
        }

        return new PolicyComparisonRow(application.Id, before, after, change);
    }

    private static void Collect(CriterionResult result, CriterionOutcome outcome, List<string> reasons)
    {
        bool below = false;
        foreach (CriterionResult child in result.Results)
        {
            if (child.Outcome == outcome)
            {
                below = true;
                Collect(child, outcome, reasons);
            }
        }

        if (!below && !reasons.Contains(result.Reason, StringComparer.Ordinal))
        {
            reasons.Add(result.Reason);
        }
    }

    /// <summary>Gathers the rows of a comparison: the changed ones, and a count for every pair of outcomes.</summary>
    internal sealed class Builder(EligibilityPolicy from, EligibilityPolicy to)
    {
        private const int Outcomes = 3;
        private readonly int[] counts = new int[Outcomes * Outcomes];
        private readonly ImmutableArray<PolicyComparisonRow>.Builder changed = ImmutableArray.CreateBuilder<PolicyComparisonRow>();
        private int applications;

        /// <summary>Adds the row of one application.</summary>
        public void Add(PolicyComparisonRow row)
        {
            applications++;
            counts[(Index(row.From.Outcome) * Outcomes) + Index(row.To.Outcome)]++;
            if (row.Change != DecisionChanges.None)
            {
                changed.Add(row);
            }
        }

        /// <summary>Makes the comparison of the rows added.</summary>
        public PolicyComparison Build()
        {
            ImmutableArray<OutcomeChange>.Builder totals = ImmutableArray.CreateBuilder<OutcomeChange>();
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    totals.Add(new OutcomeChange(Outcome(i / Outcomes), Outcome(i % Outcomes), counts[i]));
                }
            }

            return new PolicyComparison(from, to, applications, changed.ToImmutable(), totals.ToImmutable());
        }

        private static int Index(EligibilityOutcome outcome) => outcome switch
        {
            EligibilityOutcome.Eligible => 0,
            EligibilityOutcome.Ineligible => 1,
            _ => 2,
        };

        private static EligibilityOutcome Outcome(int index) => index switch
        {
            0 => EligibilityOutcome.Eligible,
            1 => EligibilityOutcome.Ineligible,
            _ => EligibilityOutcome.Incomplete,
        };
    }
}

/// <summary>One application decided under two policies, and what differs between the decisions.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="From">Its decision under the policy compared from, with its explanation.</param>
/// <param name="To">Its decision under the policy compared to, with its explanation.</param>
/// <param name="Change">What differs; <see cref="DecisionChanges.None"/> when nothing does.</param>
public sealed record PolicyComparisonRow(string ApplicationId, EligibilityDecision From, EligibilityDecision To, DecisionChanges Change)
{
    /// <summary>Gets the reasons that decided <see cref="From"/> (see <see cref="PolicyComparison.DecidingReasons"/>).</summary>
    public ImmutableArray<string> FromReasons => PolicyComparison.DecidingReasons(From);

    /// <summary>Gets the reasons that decided <see cref="To"/>.</summary>
    public ImmutableArray<string> ToReasons => PolicyComparison.DecidingReasons(To);
}

/// <summary>How many applications had one outcome under one policy and another (or the same) under the other.</summary>
/// <param name="From">The outcome under the policy compared from.</param>
/// <param name="To">The outcome under the policy compared to.</param>
/// <param name="Count">How many applications.</param>
public readonly record struct OutcomeChange(EligibilityOutcome From, EligibilityOutcome To, int Count);

/// <summary>What differs between two decisions on one application.</summary>
[Flags]
public enum DecisionChanges
{
    /// <summary>Nothing: the same outcome, eligible-from date and deciding reasons.</summary>
    None = 0,

    /// <summary>The outcome.</summary>
    Outcome = 1,

    /// <summary>The eligible-from date (one has it and the other not, or they differ).</summary>
    EligibleFrom = 2,

    /// <summary>The deciding reasons (see <see cref="PolicyComparison.DecidingReasons"/>).</summary>
    Reasons = 4,

    /// <summary>
    /// Anything else in the explanation: the rules, a figure, a date, evidence, or an outcome or reason below the
    /// deciding ones. Reported by <see cref="DecisionReplay"/>; a comparison of two policies does not report it.
    /// </summary>
    Figures = 8,
}

/// <summary>Two policies compared on a batch read from a stream: the comparison, and every record that could not be read.</summary>
/// <param name="Comparison">The comparison of the applications read.</param>
/// <param name="Errors">The records that could not be read, each with its number and problems, in order.</param>
public sealed record BatchComparison(PolicyComparison Comparison, ImmutableArray<RecordResult<PolicyComparisonRow>> Errors)
{
    /// <summary>Gets the number of records in the batch: the applications compared and the records that could not be read.</summary>
    public int Records => Comparison.Applications + Errors.Length;
}
