namespace Upon.Core.Eligibility;

/// <summary>
/// The result of one rule for one application: passed, failed or undecided, why (a stable reason
/// code), the figures behind it, the evidence, and the results of the rules under it.
/// </summary>
/// <remarks>
/// <para>Figures depend on the kind of rule:</para>
/// <list type="bullet">
/// <item>experience: <see cref="Measured"/> is the effective experience, <see cref="Required"/> the
/// minimum, <see cref="Difference"/> the shortfall (zero when met), <see cref="Experience"/> the
/// evidence role by role, and <see cref="MetOn"/> the date the minimum is or would be reached if the
/// current qualifying roles continue;</item>
/// <item>readiness: <see cref="Measured"/> is the time from the as-of date to the readiness date (zero when
/// the applicant is ready already), <see cref="Required"/> the window, <see cref="Difference"/> how far
/// beyond the window the date lies (zero when within);</item>
/// <item>statement: <see cref="Words"/> is the number of words.</item>
/// </list>
/// <para>
/// <see cref="Message"/> is an English sentence built from these figures, for people. Equality is by
/// value over every member except <see cref="Message"/> (which follows from them), with nested results compared in order.
/// </para>
/// </remarks>
public sealed record CriterionResult
{
    private string? message;
    private Period? measured;
    private Period? required;
    private Period? difference;
    private EffectiveExperience? experience;

    // A result made by a policy leaves Measured and Difference to be worked out when first read, from what it holds:
    // calendar arithmetic that a decision does not need took a seventh of a decision's time. The readiness figures
    // are worked out from these two dates.
    private Figures figures;
    private LocalDate figuresFrom;
    private LocalDate figuresTo;

    /// <summary>Initializes a result.</summary>
    /// <param name="code">The rule's code.</param>
    /// <param name="title">The rule's title.</param>
    /// <param name="kind">The rule's kind.</param>
    /// <param name="outcome">Pass, fail or undecided.</param>
    /// <param name="reason">The stable reason code (<see cref="ReasonCodes"/>).</param>
    /// <exception cref="ArgumentException">A string is empty.</exception>
    public CriterionResult(string code, string title, RuleKind kind, CriterionOutcome outcome, string reason)
        : this(Guard.Against.NullOrWhiteSpace(code), Guard.Against.NullOrWhiteSpace(title), kind, outcome, Guard.Against.NullOrWhiteSpace(reason), true)
    {
    }

    /// <summary>Initializes a result of a rule of a policy: its code and title were checked when the rule was made, and the reason is one of <see cref="ReasonCodes"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="outcome">Pass, fail or undecided.</param>
    /// <param name="reason">The stable reason code.</param>
    internal CriterionResult(EligibilityRule rule, CriterionOutcome outcome, string reason)
        : this(rule.Code, rule.Title, rule.Kind, outcome, reason, true)
    {
    }

    /// <summary>Initializes a result from strings the caller has checked.</summary>
    private CriterionResult(string code, string title, RuleKind kind, CriterionOutcome outcome, string reason, bool _)
    {
        Code = code;
        Title = title;
        Kind = kind;
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>Gets the code of the rule this is the result of.</summary>
    public string Code { get; }

    /// <summary>Gets the title of the rule.</summary>
    public string Title { get; }

    /// <summary>Gets the kind of rule.</summary>
    public RuleKind Kind { get; }

    /// <summary>Gets pass, fail or undecided.</summary>
    public CriterionOutcome Outcome { get; }

    /// <summary>Gets the stable reason code.</summary>
    public string Reason { get; }

    /// <summary>Gets the measured figure, in calendar terms (experience, readiness); null for other kinds.</summary>
    public Period? Measured
    {
        get => measured ?? (figures == Figures.None ? null : measured = Work(measuredFigure: true));
        init
        {
            Settle();
            measured = value;
        }
    }

    /// <summary>Gets the required figure, in calendar terms (experience, readiness); null for other kinds.</summary>
    public Period? Required
    {
        get => required;
        init
        {
            Settle();
            required = value;
        }
    }

    /// <summary>Gets the shortfall (experience) or excess beyond the window (readiness); zero when met; null for other kinds.</summary>
    public Period? Difference
    {
        get => difference ?? (figures == Figures.None ? null : difference = Work(measuredFigure: false));
        init
        {
            Settle();
            difference = value;
        }
    }

    /// <summary>Gets, for an experience rule, the date the minimum is or would be reached if the current qualifying roles continue; null when it would not be.</summary>
    public LocalDate? MetOn { get; init; }

    /// <summary>Gets the number of words of the statement (statement rules); null for other kinds.</summary>
    public int? Words { get; init; }

    /// <summary>Gets the fewest words allowed (statement rules); null for other kinds.</summary>
    public int? MinimumWords { get; init; }

    /// <summary>Gets the most words allowed (statement rules); null for other kinds.</summary>
    public int? MaximumWords { get; init; }

    /// <summary>Gets the effective experience with its role-by-role evidence (experience rules); null for other kinds.</summary>
    public EffectiveExperience? Experience
    {
        get => experience;
        init
        {
            Settle();
            experience = value;
        }
    }

    /// <summary>Gets the results of the rules under this one, in the policy's order (every route of an <c>any</c> is there).</summary>
    public ImmutableArray<CriterionResult> Results { get; init; } = [];

    /// <summary>Gets a sentence for people that states the outcome and its figures, for example "2 years 7 months of qualifying experience; 3 years required; short by 5 months."</summary>
    public string Message => message ??= Explain();

    /// <summary>Gets the number of rules, this one included, in this result's tree.</summary>
    public int Count => 1 + Results.Sum(r => r.Count);

    /// <inheritdoc />
    public bool Equals(CriterionResult? other) =>
        other is not null
        && Code == other.Code && Title == other.Title && Kind == other.Kind && Outcome == other.Outcome && Reason == other.Reason
        && Equals(Measured, other.Measured) && Equals(Required, other.Required) && Equals(Difference, other.Difference)
        && MetOn == other.MetOn && Words == other.Words && MinimumWords == other.MinimumWords && MaximumWords == other.MaximumWords
        && Equals(Experience, other.Experience)
        && Results.AsSpan().SequenceEqual(other.Results.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Outcome, Reason, Results.Length);

    /// <summary>Returns <c>code: outcome (reason)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Code}: {Outcome} ({Reason})";

    /// <summary>
    /// Leaves <see cref="Measured"/> and <see cref="Difference"/> of an experience result to be worked out when read, from
    /// <see cref="Experience"/> and <see cref="Required"/> (set before this). Only for a result not yet shared.
    /// </summary>
    /// <returns>This result.</returns>
    internal CriterionResult WithExperienceFigures()
    {
        figures = Figures.Experience;
        return this;
    }

    /// <summary>
    /// Leaves <see cref="Measured"/> and <see cref="Difference"/> of a readiness result to be worked out when read: the
    /// time from <paramref name="asOf"/> to <paramref name="readyBy"/>, and how far <paramref name="readyBy"/> lies beyond
    /// the window <see cref="Required"/> (set before this) from <paramref name="asOf"/>. Only for a result not yet shared.
    /// </summary>
    /// <param name="asOf">The date decided as of.</param>
    /// <param name="readyBy">The readiness date.</param>
    /// <returns>This result.</returns>
    internal CriterionResult WithReadinessFigures(LocalDate asOf, LocalDate readyBy)
    {
        figures = Figures.Readiness;
        figuresFrom = asOf;
        figuresTo = readyBy;
        return this;
    }

    /// <summary>
    /// Works out <see cref="Measured"/> (or <see cref="Difference"/>) from what the result holds. Safe to call from many
    /// threads at once: each works out an equal value, and a reference is written whole.
    /// </summary>
    private Period Work(bool measuredFigure)
    {
        if (figures == Figures.Experience)
        {
            return measuredFigure ? experience!.Period : experience!.Shortfall(required!);
        }

        if (measuredFigure)
        {
            return figuresTo <= figuresFrom ? Period.Zero : Period.Between(figuresFrom, figuresTo, PeriodUnits.YearMonthDay);
        }

        LocalDate limit = figuresFrom.Plus(required!);
        return figuresTo <= limit ? Period.Zero : Period.Between(limit, figuresTo, PeriodUnits.YearMonthDay);
    }

    /// <summary>Works out the figures left for later, before a copy (<c>with</c>) changes what they are worked out from.</summary>
    private void Settle()
    {
        if (figures != Figures.None)
        {
            measured ??= Work(measuredFigure: true);
            difference ??= Work(measuredFigure: false);
            figures = Figures.None;
        }
    }

    private string Explain()
    {
        switch (Kind)
        {
            case RuleKind.Experience when Measured is not null && Required is not null:
                string experience = $"{PeriodText.Describe(Measured)} of qualifying experience; {PeriodText.Describe(Required)} required";
                return Outcome == CriterionOutcome.Pass
                    ? experience + "; met."
                    : experience + $"; short by {PeriodText.Describe(Difference ?? Period.Zero)}"
                        + (MetOn is LocalDate on ? $"; met on {DateText.Format(on)} if current roles continue." : ".");
            case RuleKind.Readiness when Reason == ReasonCodes.ReadinessMissing:
                return "No date given by which the applicant will be ready to become a DCS.";
            case RuleKind.Readiness when Measured is not null && Required is not null:
                string ready = Measured.Equals(Period.Zero)
                    ? "Ready to become a DCS now"
                    : $"Ready to become a DCS in {PeriodText.Describe(Measured)}";
                return Outcome == CriterionOutcome.Pass
                    ? ready + $"; within {PeriodText.Describe(Required)} required; met."
                    : ready + $"; within {PeriodText.Describe(Required)} required; beyond the window by {PeriodText.Describe(Difference ?? Period.Zero)}.";
            case RuleKind.Statement:
                string limits = MinimumWords is int min && MaximumWords is int max
                    ? string.Create(CultureInfo.InvariantCulture, $"{min} to {max} words allowed")
                    : "a statement required";
                return Reason switch
                {
                    ReasonCodes.StatementMissing => $"No statement given; {limits}.",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{Words ?? 0} words; {limits}; ") + (Outcome == CriterionOutcome.Pass ? "met." : Reason == ReasonCodes.StatementTooLong ? "too long." : "too short."),
                };
            case RuleKind.AssessorOutcome:
                return Reason switch
                {
                    ReasonCodes.AssessorMet => "The assessors judged this met.",
                    ReasonCodes.AssessorNotMet => "The assessors judged this not met.",
                    ReasonCodes.AssessorPending => "Not yet judged by the assessors, and a judgement is required.",
                    _ => "Not yet judged by the assessors.",
                };
            case RuleKind.All:
                int failed = Results.Count(r => r.Outcome == CriterionOutcome.Fail);
                int undecided = Results.Count(r => r.Outcome == CriterionOutcome.Undecided);
                return Outcome switch
                {
                    CriterionOutcome.Pass => string.Create(CultureInfo.InvariantCulture, $"All {Results.Length} requirements met."),
                    CriterionOutcome.Fail => string.Create(CultureInfo.InvariantCulture, $"{failed} of {Results.Length} requirements not met."),
                    _ => string.Create(CultureInfo.InvariantCulture, $"{undecided} of {Results.Length} requirements cannot be decided from the information given."),
                };
            case RuleKind.Any:
                CriterionResult? passed = Results.FirstOrDefault(r => r.Outcome == CriterionOutcome.Pass);
                return Outcome switch
                {
                    CriterionOutcome.Pass => string.Create(CultureInfo.InvariantCulture, $"Met by the route \"{passed?.Title}\" ({Results.Length} routes tried)."),
                    CriterionOutcome.Fail => string.Create(CultureInfo.InvariantCulture, $"None of the {Results.Length} routes met."),
                    _ => string.Create(CultureInfo.InvariantCulture, $"No route met; at least one of the {Results.Length} cannot be decided from the information given."),
                };
            default:
                return Outcome switch
                {
                    CriterionOutcome.Pass => "Met.",
                    CriterionOutcome.Fail => "Not met.",
                    _ => "Cannot be decided from the information given.",
                };
        }
    }

    /// <summary>What <see cref="Measured"/> and <see cref="Difference"/> are worked out from when first read.</summary>
    private enum Figures : byte
    {
        /// <summary>Nothing: they are as set.</summary>
        None,

        /// <summary>From <see cref="Experience"/> and <see cref="Required"/>.</summary>
        Experience,

        /// <summary>From the as-of and readiness dates and <see cref="Required"/>.</summary>
        Readiness,
    }
}
