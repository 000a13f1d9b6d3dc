namespace Upon.Core.Eligibility;

/// <summary>
/// Builds an <see cref="EligibilityPolicy"/> step by step, and starts the next version of an existing one.
/// </summary>
/// <remarks>
/// A builder is mutable and not thread-safe; the policies it builds are immutable. <see cref="Build"/>
/// may be called more than once. Rules are made with <see cref="EligibilityRules"/> or the rule constructors.
/// </remarks>
/// <example>
/// <code>
/// EligibilityPolicy policy = new EligibilityPolicyBuilder("aspirant-2024-25", 1, "2024/25")
///     .EffectiveFrom(new LocalDate(2024, 1, 1))
///     .WithTitle("Aspirant Directors programme, 2024/25")
///     .WithRule(EligibilityRules.All("eligibility", "Eligible", experience, readiness))
///     .WithInterpretation("Senior means head of service or above.")
///     .Build();
/// </code>
/// </example>
public sealed class EligibilityPolicyBuilder
{
    private readonly List<string> interpretation = [];
    private LocalDate? effectiveFrom;
    private LocalDate? effectiveTo;
    private string? title;
    private EligibilityRule? rule;

    /// <summary>Starts a policy.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="version">The version, 1 or more.</param>
    /// <param name="programmeYear">The programme year governed, <c>yyyy/yy</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or <paramref name="programmeYear"/> is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 1.</exception>
    public EligibilityPolicyBuilder(string id, int version, string programmeYear)
    {
        Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.LessThan(version, 1);
        Guard.Against.Invalid(!ProgrammeYears.IsValid(programmeYear), "A programme year is written yyyy/yy with consecutive years, for example 2021/22.", nameof(programmeYear));

        Id = id;
        Version = version;
        ProgrammeYear = programmeYear;
    }

    /// <summary>Gets the identifier of the policy being built.</summary>
    public string Id { get; }

    /// <summary>Gets the version of the policy being built.</summary>
    public int Version { get; }

    /// <summary>Gets the programme year of the policy being built.</summary>
    public string ProgrammeYear { get; }

    /// <summary>
    /// Starts the next version of <paramref name="previous"/>: the same identifier, programme year, title,
    /// rules and interpretation, version + 1, in force from <paramref name="effectiveFrom"/> to the previous
    /// version's end. Close the previous version with <see cref="EligibilityPolicy.WithEffectiveTo"/> on the
    /// day before, so that a registry holding both has no gap and no overlap.
    /// </summary>
    /// <param name="previous">The version in force until now.</param>
    /// <param name="effectiveFrom">The first assessment date of the new version; after the previous version's first.</param>
    /// <returns>A builder holding a copy of the previous version, to change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="previous"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effectiveFrom"/> is not after the previous version's first date, or past its last.</exception>
    public static EligibilityPolicyBuilder NextVersionOf(EligibilityPolicy previous, LocalDate effectiveFrom)
    {
        Guard.Against.Null(previous);
        Guard.Against.OutOfRange(effectiveFrom <= previous.EffectiveFrom || effectiveFrom > previous.EffectiveTo, "The next version must take effect after the previous version's first date and no later than its last.", nameof(effectiveFrom));

        EligibilityPolicyBuilder builder = new EligibilityPolicyBuilder(previous.Id, checked(previous.Version + 1), previous.ProgrammeYear)
            .EffectiveFrom(effectiveFrom)
            .EffectiveTo(previous.EffectiveTo)
            .WithTitle(previous.Title)
            .WithRule(previous.Rule);
        builder.interpretation.AddRange(previous.Interpretation);
        return builder;
    }

    /// <summary>Sets the first assessment date governed.</summary>
    /// <param name="date">The date.</param>
    /// <returns>This builder.</returns>
    public EligibilityPolicyBuilder EffectiveFrom(LocalDate date)
    {
        effectiveFrom = date;
        return this;
    }

    /// <summary>Sets the last assessment date governed (included); null for an open end, the default.</summary>
    /// <param name="date">The date, or null.</param>
    /// <returns>This builder.</returns>
    public EligibilityPolicyBuilder EffectiveTo(LocalDate? date)
    {
        effectiveTo = date;
        return this;
    }

    /// <summary>Sets the title.</summary>
    /// <param name="value">The title.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public EligibilityPolicyBuilder WithTitle(string value)
    {
        Guard.Against.NullOrWhiteSpace(value);
        title = value;
        return this;
    }

    /// <summary>Sets the top rule, replacing any set before.</summary>
    /// <param name="value">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public EligibilityPolicyBuilder WithRule(EligibilityRule value)
    {
        Guard.Against.Null(value);
        rule = value;
        return this;
    }

    /// <summary>Adds an interpretation choice, one sentence, after those added before.</summary>
    /// <param name="sentence">The sentence.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="sentence"/> is empty.</exception>
    public EligibilityPolicyBuilder WithInterpretation(string sentence)
    {
        Guard.Against.NullOrWhiteSpace(sentence);
        interpretation.Add(sentence);
        return this;
    }

    /// <summary>Builds the policy.</summary>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">The first effective date, the title or the rule has not been set.</exception>
    /// <exception cref="ArgumentException">The rules share a code (see the <see cref="EligibilityPolicy"/> constructor).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The last effective date is before the first.</exception>
    public EligibilityPolicy Build()
    {
        if (effectiveFrom is not LocalDate from || title is null || rule is null)
        {
            throw new InvalidOperationException("A policy needs its first effective date, a title and a rule before it can be built.");
        }

        return new EligibilityPolicy(Id, Version, ProgrammeYear, from, effectiveTo, title, rule, interpretation);
    }
}
