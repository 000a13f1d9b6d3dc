using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Upon.Core.AspNetCore;

/// <summary>Adds the health of the eligibility policies to a host's health checks.</summary>
public static class PolicyHealthCheckExtensions
{
    /// <summary>The name of the check, unless another is given: <c>eligibility-policies</c>.</summary>
    public const string DefaultName = "eligibility-policies";

    /// <summary>
    /// Adds a check of the policy store: healthy while the policies loaded are the folder's; degraded when the last
    /// reload was refused (the last good policies are still in use, but the folder holds a bad document). Its data
    /// holds the generation, the number of policies, how the folder is watched (<c>events</c>, <c>polling</c> when file
    /// events could not be had, or <c>off</c>) and, when degraded, the refused reload's problem codes.
    /// </summary>
    /// <param name="builder">The host's health checks.</param>
    /// <param name="name">The check's name.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHealthChecksBuilder AddUponEligibilityPolicies(this IHealthChecksBuilder builder, string name = DefaultName)
    {
        Guard.Against.Null(builder);
        Guard.Against.Null(name);
        return builder.AddCheck<PolicyHealthCheck>(name);
    }
}

/// <summary>The health of the policy store (see <see cref="PolicyHealthCheckExtensions.AddUponEligibilityPolicies"/>).</summary>
internal sealed class PolicyHealthCheck(EligibilityPolicyStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        PolicySnapshot snapshot = store.Current;
        ImmutableArray<PolicyLoadProblem> refused = store.RefusedReload;
        Dictionary<string, object> data = new(StringComparer.Ordinal)
        {
            ["generation"] = snapshot.Generation,
            ["policies"] = snapshot.Registry.Policies.Length,
            ["watch"] = store.WatchMode,
        };
        if (refused.IsDefaultOrEmpty)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"Generation {snapshot.Generation}: {snapshot.Registry.Policies.Length} policies.", data));
        }

        data["problems"] = new EligibilityPolicyStore.ProblemCodes(refused).ToString();
        return Task.FromResult(HealthCheckResult.Degraded($"The last reload of the policy folder was refused; generation {snapshot.Generation} is still in use.", data: data));
    }
}
