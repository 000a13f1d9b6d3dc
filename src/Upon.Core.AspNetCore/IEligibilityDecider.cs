using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>
/// Decides applications under the policies a host has loaded: what application code and the endpoints depend on.
/// Registered by <see cref="UponEligibilityServiceCollectionExtensions.AddUponEligibility(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{UponEligibilityOptions}?)"/>;
/// a test replaces it with its own (for instance one over a registry of its own policies).
/// </summary>
public interface IEligibilityDecider
{
    /// <summary>The policies decisions begun now are made under.</summary>
    PolicyRegistry Policies { get; }

    /// <summary>
    /// A batch that decides under the policies of this moment, as <paramref name="scope"/> says: the batch keeps them
    /// however often the policies are reloaded while it runs.
    /// </summary>
    /// <param name="scope">The policy to decide by and the date to decide as of; <see cref="DecisionScope.Default"/> for each application's own.</param>
    /// <returns>The batch; or, when the scope names a policy (or version) the registry does not have, its problem (<c>policy.not-found</c>).</returns>
    DocumentResult<EligibilityBatch> CreateBatch(DecisionScope scope);
}

/// <summary>How a batch picks its policy and date.</summary>
/// <param name="PolicyId">
/// The policy every application is decided by; when null, each application is decided by the policy that governs its
/// programme year on the date it is decided as of.
/// </param>
/// <param name="PolicyVersion">The version of <paramref name="PolicyId"/>; its latest when null. Only with a policy.</param>
/// <param name="AsOf">The date every application is decided as of; each application's assessment date when null.</param>
public sealed record DecisionScope(string? PolicyId = null, int? PolicyVersion = null, LocalDate? AsOf = null)
{
    /// <summary>Each application by the policy of its programme year, as of its assessment date.</summary>
    public static DecisionScope Default { get; } = new();
}

/// <summary>Single decisions through an <see cref="IEligibilityDecider"/>.</summary>
public static class EligibilityDeciderExtensions
{
    /// <summary>Decides one application under the policies of this moment.</summary>
    /// <param name="decider">The decider.</param>
    /// <param name="application">The application.</param>
    /// <param name="scope">The policy and date; <see cref="DecisionScope.Default"/> when null.</param>
    /// <returns>
    /// The decision (record 1); or the problem: the scope's policy does not exist, or no policy governs the
    /// application's programme year on that date (<c>policy.not-found</c>).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="decider"/> or <paramref name="application"/> is null.</exception>
    public static RecordResult<EligibilityDecision> Decide(this IEligibilityDecider decider, Application application, DecisionScope? scope = null)
    {
        Guard.Against.Null(decider);
        Guard.Against.Null(application);
        DocumentResult<EligibilityBatch> batch = decider.CreateBatch(scope ?? DecisionScope.Default);
        return batch.IsValid ? batch.Value.Decide(application, 1) : RecordResult.Failure<EligibilityDecision>(1, batch.Problems);
    }
}

/// <summary>The decider over an <see cref="EligibilityPolicyStore"/>: what <c>AddUponEligibility</c> registers.</summary>
internal sealed class StoreDecider(EligibilityPolicyStore store, UponEligibilityOptions options) : IEligibilityDecider
{
    public PolicyRegistry Policies => store.Current.Registry;

    public DocumentResult<EligibilityBatch> CreateBatch(DecisionScope scope) => CreateBatch(store.Current.Registry, scope, options.MaxApplicationBytes);

    /// <summary>A batch over <paramref name="registry"/> as <paramref name="scope"/> says, or the problem with the scope.</summary>
    internal static DocumentResult<EligibilityBatch> CreateBatch(PolicyRegistry registry, DecisionScope scope, int maxBytes)
    {
        Guard.Against.Null(scope);
        EligibilityPolicy? policy = null;
        if (scope.PolicyId is string id)
        {
            policy = registry.FindById(id, scope.PolicyVersion);
            if (policy is null)
            {
                return DocumentResult.Failure<EligibilityBatch>([new DocumentProblem(
                    scope.PolicyVersion is null ? "policy" : "version",
                    EligibilityProblemCodes.PolicyNotFound,
                    scope.PolicyVersion is null ? "No policy has that identifier." : "The policy has no such version.")]);
            }
        }

        return DocumentResult.Success(new EligibilityBatch(registry, policy, scope.AsOf, maxBytes));
    }
}
