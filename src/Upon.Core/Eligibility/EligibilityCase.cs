namespace Upon.Core.Eligibility;

/// <summary>
/// A conformance case: an application, the policy to decide it with, the date to decide it as of, and the decision
/// expected. Run against a registry (<see cref="Run"/>), a case passes when the policy's decision meets
/// <see cref="Expected"/>; a set of cases pins the behaviour a team relies on, and runs again after every change of a
/// policy or of the library.
/// </summary>
/// <remarks>
/// <para>
/// The policy is named, <see cref="PolicyId"/> with <see cref="PolicyVersion"/> (null for the registry's latest version
/// of that identifier), and found in the registry the case is run against; or it is given whole,
/// <see cref="InlinePolicy"/>, and the registry is not consulted. The policy decides the application whatever its
/// programme year and assessment date, as of <see cref="AsOf"/>: choosing the policy is the case's, as it is the
/// caller's of <see cref="EligibilityPolicy.Decide(Application, LocalDate)"/>.
/// </para>
/// <para>
/// A case holds no equality-monitoring answers: they never change a decision. The case file format is
/// <see cref="EligibilityCaseDocument"/>'s. Equality is by value over every member. Instances are immutable and safe to
/// share between threads; <see cref="Run"/> is pure.
/// </para>
/// </remarks>
public sealed class EligibilityCase : IEquatable<EligibilityCase>
{
    /// <summary>Initializes a case whose policy is found in a registry by identifier and version.</summary>
    /// <param name="name">The case's name, which identifies it in reports: unique within its file, for example <c>year1-one-day-short</c>.</param>
    /// <param name="application">The application to decide.</param>
    /// <param name="policyId">The identifier of the policy to decide it with.</param>
    /// <param name="policyVersion">The version of that policy, 1 or more; null for the latest version in the registry.</param>
    /// <param name="asOf">The date to decide as of: experience counts the days before it, the readiness window starts on it.</param>
    /// <param name="expected">The decision expected.</param>
    /// <param name="description">What the case shows, for people; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="application"/>, <paramref name="policyId"/> or <paramref name="expected"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="policyId"/> is empty or white space, <paramref name="description"/> is empty or white space, or <paramref name="asOf"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policyVersion"/> is below 1, or <paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityCase(string name, Application application, string policyId, int? policyVersion, LocalDate asOf, EligibilityExpectation expected, string? description = null)
        : this(name, application, Guard.Against.NullOrWhiteSpace(policyId), policyVersion, null, asOf, expected, description)
    {
    }

    /// <summary>Initializes a case whose policy is given whole, so that running it needs no registry's policy.</summary>
    /// <param name="name">The case's name, which identifies it in reports: unique within its file.</param>
    /// <param name="application">The application to decide.</param>
    /// <param name="policy">The policy to decide it with.</param>
    /// <param name="asOf">The date to decide as of.</param>
    /// <param name="expected">The decision expected.</param>
    /// <param name="description">What the case shows, for people; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="application"/>, <paramref name="policy"/> or <paramref name="expected"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="description"/> is empty or white space, or <paramref name="asOf"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is outside <see cref="EligibilityDates.Range"/>.</exception>
    public EligibilityCase(string name, Application application, EligibilityPolicy policy, LocalDate asOf, EligibilityExpectation expected, string? description = null)
        : this(name, application, Guard.Against.Null(policy).Id, policy.Version, policy, asOf, expected, description)
    {
    }

    private EligibilityCase(string name, Application application, string policyId, int? policyVersion, EligibilityPolicy? inlinePolicy, LocalDate asOf, EligibilityExpectation expected, string? description)
    {
        Guard.Against.NullOrWhiteSpace(name);
        Guard.Against.Null(application);
        if (policyVersion is int version)
        {
            Guard.Against.LessThan(version, 1, nameof(policyVersion));
        }

        EligibilityDates.Check(asOf);
        Guard.Against.Null(expected);
        Guard.Against.Invalid(description is not null && string.IsNullOrWhiteSpace(description), "A description, when given, is not empty or white space.", nameof(description));

        Name = name;
        Application = application;
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        InlinePolicy = inlinePolicy;
        AsOf = asOf;
        Expected = expected;
        Description = description;
    }

    /// <summary>Gets the case's name.</summary>
    public string Name { get; }

    /// <summary>Gets what the case shows, for people, or null.</summary>
    public string? Description { get; }

    /// <summary>Gets the application to decide.</summary>
    public Application Application { get; }

    /// <summary>Gets the identifier of the policy to decide with (of <see cref="InlinePolicy"/>, when the policy is given whole).</summary>
    public string PolicyId { get; }

    /// <summary>Gets the version of the policy to decide with, or null for the latest version in the registry the case is run against.</summary>
    public int? PolicyVersion { get; }

    /// <summary>Gets the policy given whole, or null when the case names a policy of a registry.</summary>
    public EligibilityPolicy? InlinePolicy { get; }

    /// <summary>Gets the date to decide as of.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the decision expected.</summary>
    public EligibilityExpectation Expected { get; }

    /// <summary>
    /// Makes the case that <paramref name="decision"/> passes: its application, its policy (named by identifier and
    /// version, or given whole as <paramref name="inlinePolicy"/>), its as-of date, and as expected its outcome,
    /// eligible-from date and deciding reasons. For saving the behaviour of a policy as cases.
    /// </summary>
    /// <param name="name">The case's name.</param>
    /// <param name="application">The application decided.</param>
    /// <param name="decision">Its decision.</param>
    /// <param name="inlinePolicy">The policy that made the decision, to give it whole; null to name it.</param>
    /// <param name="description">What the case shows, for people; null for none.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="application"/> or <paramref name="decision"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The decision is of another application, or <paramref name="inlinePolicy"/> is not the policy that made it (another
    /// identifier or version); or <paramref name="name"/> or <paramref name="description"/> is empty or white space.
    /// </exception>
    public static EligibilityCase FromDecision(string name, Application application, EligibilityDecision decision, EligibilityPolicy? inlinePolicy = null, string? description = null)
    {
        Guard.Against.Null(application);
        Guard.Against.Null(decision);
        Guard.Against.Invalid(decision.ApplicationId != application.Id, "The decision is of another application.", nameof(decision));
        EligibilityExpectation expected = EligibilityExpectation.Of(decision);
        if (inlinePolicy is null)
        {
            return new EligibilityCase(name, application, decision.PolicyId, decision.PolicyVersion, decision.AsOf, expected, description);
        }

        Guard.Against.Invalid(inlinePolicy.Id != decision.PolicyId || inlinePolicy.Version != decision.PolicyVersion, "The policy given whole is not the one that made the decision.", nameof(inlinePolicy));
        return new EligibilityCase(name, application, inlinePolicy, decision.AsOf, expected, description);
    }

    /// <summary>Returns a copy of the case that expects <paramref name="expected"/> instead.</summary>
    /// <param name="expected">The decision expected.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is null.</exception>
    public EligibilityCase WithExpected(EligibilityExpectation expected) =>
        new(Name, Application, PolicyId, PolicyVersion, InlinePolicy, AsOf, expected, Description);

    /// <summary>
    /// Runs the case: finds its policy (<see cref="InlinePolicy"/>, or <see cref="PolicyRegistry.FindById"/> of
    /// <paramref name="registry"/>), decides the application as of <see cref="AsOf"/> and compares the decision with
    /// <see cref="Expected"/>. A policy the registry does not have is a result, not an exception:
    /// <see cref="EligibilityCaseStatus.NotRun"/> with <see cref="EligibilityProblemCodes.CasePolicyNotFound"/>.
    /// </summary>
    /// <param name="registry">The registry to find a named policy in (not consulted for a policy given whole).</param>
    /// <returns>The result: passed, failed with what differs and the decision, or not run with the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public EligibilityCaseResult Run(PolicyRegistry registry)
    {
        Guard.Against.Null(registry);
        EligibilityPolicy? policy = InlinePolicy ?? registry.FindById(PolicyId, PolicyVersion);
        if (policy is null)
        {
            return new EligibilityCaseResult(this, null, DecisionChanges.None, new DocumentProblem(
                JsonPath.Property(JsonPath.Root, "policy"),
                EligibilityProblemCodes.CasePolicyNotFound,
                "The registry has no policy with the case's identifier and version (or, without a version, with its identifier)."));
        }

        EligibilityDecision decision = policy.Decide(Application, AsOf);
        return new EligibilityCaseResult(this, decision, Expected.Compare(decision), null);
    }

    /// <inheritdoc/>
    public bool Equals(EligibilityCase? other) =>
        other is not null
        && Name == other.Name && Description == other.Description && Application.Equals(other.Application)
        && PolicyId == other.PolicyId && PolicyVersion == other.PolicyVersion && Equals(InlinePolicy, other.InlinePolicy)
        && AsOf == other.AsOf && Expected.Equals(other.Expected);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EligibilityCase);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, PolicyId, PolicyVersion, AsOf, Expected);

    /// <summary>Returns <c>name: application under policy as of date, expected outcome</c>; the application shown by its identifier only.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{Name}: {Application.Id} under {DescribePolicy()} as of {DateText.Format(AsOf)}, expected {Expected}";

    /// <summary>The policy as a report names it: <c>id vN</c>, <c>id (latest)</c>, or <c>id vN (inline)</c>.</summary>
    internal string DescribePolicy() =>
        InlinePolicy is not null ? $"{PolicyId} v{PolicyVersion} (inline)"
        : PolicyVersion is int version ? $"{PolicyId} v{version}"
        : $"{PolicyId} (latest)";
}
