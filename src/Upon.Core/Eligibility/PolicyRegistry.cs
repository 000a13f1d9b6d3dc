using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Eligibility;

/// <summary>
/// A set of eligibility policies that answers which one governs an application: the policy for its
/// programme year in force on its assessment date.
/// </summary>
/// <remarks>
/// <para>
/// A registry is consistent by construction: <see cref="Create"/> refuses two policies with the same
/// identifier and version, policies of one programme year that overlap or leave a gap between them,
/// later versions that take effect earlier, and an identifier used for two programme years. A
/// programme year's first policy may start on any date and its last may be open-ended.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class PolicyRegistry
{
    private PolicyRegistry(ImmutableArray<EligibilityPolicy> policies) => Policies = policies;

    /// <summary>Gets the registry of the built-in policies (<see cref="BuiltInPolicies.All"/>).</summary>
    public static PolicyRegistry BuiltIn { get; } = Create(BuiltInPolicies.All).GetValueOrThrow();

    /// <summary>Gets the policies, ordered by programme year and then effective date.</summary>
    public ImmutableArray<EligibilityPolicy> Policies { get; }

    /// <summary>Creates a registry, checking that the policies are consistent.</summary>
    /// <param name="policies">The policies, in any order.</param>
    /// <returns>The registry, or every problem found; each problem's path is <c>$[i]</c>, the index of the later policy involved in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> or an element is null.</exception>
    public static DocumentResult<PolicyRegistry> Create(IEnumerable<EligibilityPolicy> policies)
    {
        Guard.Against.Null(policies);
        EligibilityPolicy[] given = [.. policies];
        Guard.Against.NullItem(given, nameof(policies));

        List<DocumentProblem> problems = [];
        Dictionary<(string, int), int> versions = [];
        Dictionary<string, (string Year, int Index)> years = new(StringComparer.Ordinal);
        for (int i = 0; i < given.Length; i++)
        {
            EligibilityPolicy policy = given[i];
            if (!versions.TryAdd((policy.Id, policy.Version), i))
            {
                problems.Add(Problem(i, EligibilityProblemCodes.PolicyDuplicate, $"Policy {policy.Id} version {policy.Version} is also policy {versions[(policy.Id, policy.Version)]}."));
            }

            if (years.TryGetValue(policy.Id, out (string Year, int Index) first) && first.Year != policy.ProgrammeYear)
            {
                problems.Add(Problem(i, EligibilityProblemCodes.PolicyIdYearMismatch, $"Policy {policy.Id} is for {policy.ProgrammeYear}, but policy {first.Index} with the same identifier is for {first.Year}."));
            }
            else
            {
                years.TryAdd(policy.Id, (policy.ProgrammeYear, i));
            }
        }

        foreach (IGrouping<string, int> year in Enumerable.Range(0, given.Length).GroupBy(i => given[i].ProgrammeYear, StringComparer.Ordinal))
        {
            int[] ordered = [.. year.OrderBy(i => given[i].EffectiveFrom).ThenBy(i => i)];
            for (int k = 1; k < ordered.Length; k++)
            {
                EligibilityPolicy previous = given[ordered[k - 1]];
                EligibilityPolicy next = given[ordered[k]];
                int index = Math.Max(ordered[k - 1], ordered[k]);
                if (previous.EffectiveTo is not LocalDate previousEnd || previousEnd >= next.EffectiveFrom)
                {
                    problems.Add(Problem(index, EligibilityProblemCodes.PolicyOverlap,
                        $"Policies {Describe(previous)} and {Describe(next)} for {year.Key} are both in force on {DateText.Format(next.EffectiveFrom)}."));
                }
                else if (previousEnd.PlusDays(1) < next.EffectiveFrom)
                {
                    problems.Add(Problem(index, EligibilityProblemCodes.PolicyGap,
                        $"No policy for {year.Key} is in force from {DateText.Format(previousEnd.PlusDays(1))} to {DateText.Format(next.EffectiveFrom.PlusDays(-1))}, between {Describe(previous)} and {Describe(next)}."));
                }

                if (previous.Id == next.Id && previous.Version > next.Version)
                {
                    problems.Add(Problem(index, EligibilityProblemCodes.PolicyVersionOrder,
                        $"Version {next.Version} of policy {next.Id} takes effect after version {previous.Version}; later versions must take effect later."));
                }
            }
        }

        if (problems.Count > 0)
        {
            return DocumentResult.Failure<PolicyRegistry>([.. problems.OrderBy(p => p.Path, StringComparer.Ordinal)]);
        }

        return DocumentResult.Success(new PolicyRegistry(
            [.. given.OrderBy(p => p.ProgrammeYear, StringComparer.Ordinal).ThenBy(p => p.EffectiveFrom)]));
    }

    /// <summary>Finds the policy that governs applications for <paramref name="programmeYear"/> assessed on <paramref name="assessedOn"/>.</summary>
    /// <param name="programmeYear">The programme year, <c>yyyy/yy</c>.</param>
    /// <param name="assessedOn">The assessment date.</param>
    /// <returns>The policy, or null when none governs that year on that date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="programmeYear"/> is null.</exception>
    public EligibilityPolicy? Find(string programmeYear, LocalDate assessedOn)
    {
        Guard.Against.Null(programmeYear);
        foreach (EligibilityPolicy policy in Policies)
        {
            if (policy.Governs(programmeYear, assessedOn))
            {
                return policy;
            }
        }

        return null;
    }

    /// <summary>Finds a policy by identifier: the given version, or the latest version when none is given.</summary>
    /// <param name="id">The policy's identifier.</param>
    /// <param name="version">The version, or null for the latest.</param>
    /// <returns>The policy, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public EligibilityPolicy? FindById(string id, int? version = null)
    {
        Guard.Against.Null(id);
        EligibilityPolicy? found = null;
        foreach (EligibilityPolicy policy in Policies)
        {
            if (policy.Id == id && (version is null ? found is null || policy.Version > found.Version : policy.Version == version))
            {
                found = policy;
            }
        }

        return found;
    }

    /// <summary>Decides <paramref name="application"/> under the policy that governs it.</summary>
    /// <param name="application">The application.</param>
    /// <param name="decision">The decision, when a policy governs the application.</param>
    /// <returns>True when a policy governs the application's programme year on its assessment date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="application"/> is null.</exception>
    public bool TryDecide(Application application, [NotNullWhen(true)] out EligibilityDecision? decision)
    {
        Guard.Against.Null(application);
        EligibilityPolicy? policy = Find(application.ProgrammeYear, application.AssessedOn);
        decision = policy?.Decide(application);
        return decision is not null;
    }

    private static DocumentProblem Problem(int index, string code, string message) =>
        new(JsonPath.Index(JsonPath.Root, index), code, message);

    private static string Describe(EligibilityPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"{policy.Id} v{policy.Version}");
}
