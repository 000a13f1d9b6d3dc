using System.Collections.Generic;
using System.Threading;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore.Tests.Support;

/// <summary>A test's own decider over a registry of its own, which records every scope it is asked for.</summary>
internal sealed class RecordingDecider(PolicyRegistry registry) : IEligibilityDecider
{
    private readonly Lock gate = new();
    private readonly List<DecisionScope> scopes = [];

    public PolicyRegistry Policies => registry;

    /// <summary>The scopes of the batches made so far.</summary>
    public IReadOnlyList<DecisionScope> Scopes
    {
        get
        {
            lock (gate)
            {
                return [.. scopes];
            }
        }
    }

    public DocumentResult<EligibilityBatch> CreateBatch(DecisionScope scope)
    {
        lock (gate)
        {
            scopes.Add(scope);
        }

        EligibilityPolicy? policy = scope.PolicyId is string id ? registry.FindById(id, scope.PolicyVersion) : null;
        return policy is null && scope.PolicyId is not null
            ? DocumentResult.Failure<EligibilityBatch>([new DocumentProblem("policy", EligibilityProblemCodes.PolicyNotFound, "No such policy.")])
            : DocumentResult.Success(new EligibilityBatch(registry, policy, scope.AsOf));
    }
}
