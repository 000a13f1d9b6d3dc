namespace Upon.Core.Eligibility;

/// <summary>
/// The applicant's readiness date (<see cref="Application.ReadyBy"/>) lies no later than
/// <see cref="Within"/> after the assessment date. A missing date cannot be decided.
/// </summary>
public sealed record ReadinessRule : EligibilityRule
{
    /// <summary>Initializes the rule.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="within">The window, for example three years; a readiness date exactly at its end passes.</param>
    /// <exception cref="ArgumentException">A string is empty, or <paramref name="within"/> has time units or negative units.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is longer than <see cref="EligibilityDates.MaxRulePeriod"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="within"/> is null.</exception>
    public ReadinessRule(string code, string title, Period within)
        : base(code, title)
    {
        EligibilityDates.CheckRulePeriod(within);

        Within = within;
    }

    /// <summary>Gets the window after the assessment date.</summary>
    public Period Within { get; }

    /// <inheritdoc />
    public override RuleKind Kind => RuleKind.Readiness;

    /// <inheritdoc />
    public override ImmutableArray<EligibilityRule> Rules => [];

    /// <inheritdoc />
    public override string Describe() => $"ready within {PeriodText.Describe(Within)}";
}
