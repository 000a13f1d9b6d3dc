using System.Diagnostics.Metrics;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.AspNetCore;

/// <summary>
/// The names of the metrics the eligibility endpoints and the policy store record (System.Diagnostics.Metrics, so
/// OpenTelemetry, <c>dotnet-counters</c> and any <see cref="MeterListener"/> read them): subscribe to the meter
/// <see cref="MeterName"/>. No measurement carries personal data: tags are outcomes, policy identifiers and versions,
/// status codes and problem codes.
/// </summary>
public static class UponEligibilityMetrics
{
    /// <summary>The meter's name: <c>Upon.Core.AspNetCore</c>.</summary>
    public const string MeterName = "Upon.Core.AspNetCore";

    /// <summary>
    /// Counter of decisions made (<c>{decision}</c>), one application answered by a decision, one at a time or in JSON
    /// Lines; tagged <see cref="OutcomeTag"/>, <see cref="PolicyIdTag"/> and <see cref="PolicyVersionTag"/>.
    /// </summary>
    public const string Decisions = "upon.eligibility.decisions";

    /// <summary>
    /// Counter of applications answered by their problems instead of a decision (<c>{record}</c>): a JSON Lines line
    /// that is not a valid application or that no policy decides, or one application refused with 400 or 422.
    /// </summary>
    public const string RefusedRecords = "upon.eligibility.records.refused";

    /// <summary>
    /// Counter of requests refused as a whole with a problem details answer (<c>{request}</c>); tagged
    /// <see cref="StatusCodeTag"/> and <see cref="ProblemCodeTag"/> (a <see cref="ServiceProblems"/> code).
    /// </summary>
    public const string RefusedRequests = "upon.eligibility.requests.refused";

    /// <summary>Histogram of the records of each JSON Lines request answered to its end (<c>{record}</c>).</summary>
    public const string BatchSize = "upon.eligibility.batch.size";

    /// <summary>
    /// Counter of policy loads (<c>{load}</c>): at start-up and each time the policy folder changes; tagged
    /// <see cref="LoadResultTag"/>, <c>loaded</c> (the new registry is in place) or <c>refused</c> (a bad document:
    /// the last good registry stays, or at start-up the host stops).
    /// </summary>
    public const string PolicyLoads = "upon.eligibility.policy.loads";

    /// <summary>The tag of a decision's outcome: <c>eligible</c>, <c>ineligible</c> or <c>incomplete</c>.</summary>
    public const string OutcomeTag = "upon.eligibility.outcome";

    /// <summary>The tag of the identifier of the policy that made a decision.</summary>
    public const string PolicyIdTag = "upon.eligibility.policy.id";

    /// <summary>The tag of the version of the policy that made a decision.</summary>
    public const string PolicyVersionTag = "upon.eligibility.policy.version";

    /// <summary>The tag of a refused request's HTTP status code (OpenTelemetry's name for it).</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>The tag of a refused request's problem code (<see cref="ServiceProblems"/>).</summary>
    public const string ProblemCodeTag = "upon.eligibility.problem.code";

    /// <summary>The tag of a policy load's result: <c>loaded</c> or <c>refused</c>.</summary>
    public const string LoadResultTag = "upon.eligibility.load.result";
}

/// <summary>The instruments of <see cref="UponEligibilityMetrics"/>, on a meter from the host's <see cref="IMeterFactory"/>.</summary>
internal sealed class EligibilityInstruments
{
    private readonly Counter<long> decisions;
    private readonly Counter<long> refusedRecords;
    private readonly Counter<long> refusedRequests;
    private readonly Histogram<long> batchSize;
    private readonly Counter<long> policyLoads;

    public EligibilityInstruments(IMeterFactory meters)
    {
        Meter meter = meters.Create(UponEligibilityMetrics.MeterName);
        decisions = meter.CreateCounter<long>(UponEligibilityMetrics.Decisions, "{decision}", "Applications answered by a decision.");
        refusedRecords = meter.CreateCounter<long>(UponEligibilityMetrics.RefusedRecords, "{record}", "Applications answered by their problems instead of a decision.");
        refusedRequests = meter.CreateCounter<long>(UponEligibilityMetrics.RefusedRequests, "{request}", "Requests refused as a whole with problem details.");
        batchSize = meter.CreateHistogram<long>(UponEligibilityMetrics.BatchSize, "{record}", "Records of each JSON Lines request answered to its end.");
        policyLoads = meter.CreateCounter<long>(UponEligibilityMetrics.PolicyLoads, "{load}", "Policy loads, at start-up and when the policy folder changes.");
    }

    /// <summary>Counts one record answered: a decision, or an application answered by its problems.</summary>
    public void Answered(RecordResult<EligibilityDecision> record)
    {
        if (record.Value is EligibilityDecision decision)
        {
            Decided(decision);
        }
        else
        {
            refusedRecords.Add(1);
        }
    }

    /// <summary>Counts a decision, tagged with its outcome and policy.</summary>
    public void Decided(EligibilityDecision decision)
    {
        if (!decisions.Enabled)
        {
            return;
        }

        decisions.Add(
            1,
            new KeyValuePair<string, object?>(UponEligibilityMetrics.OutcomeTag, OutcomeName(decision.Outcome)),
            new KeyValuePair<string, object?>(UponEligibilityMetrics.PolicyIdTag, decision.PolicyId),
            new KeyValuePair<string, object?>(UponEligibilityMetrics.PolicyVersionTag, decision.PolicyVersion));
    }

    /// <summary>Counts a request refused as a whole; <paramref name="record"/> when it was refused for its one application.</summary>
    public void Refused(int status, string code, bool record)
    {
        refusedRequests.Add(
            1,
            new KeyValuePair<string, object?>(UponEligibilityMetrics.StatusCodeTag, status),
            new KeyValuePair<string, object?>(UponEligibilityMetrics.ProblemCodeTag, code));
        if (record)
        {
            refusedRecords.Add(1);
        }
    }

    /// <summary>Records the size of a JSON Lines request answered to its end.</summary>
    public void Batch(int records) => batchSize.Record(records);

    /// <summary>Counts a policy load.</summary>
    public void PolicyLoad(bool loaded) =>
        policyLoads.Add(1, new KeyValuePair<string, object?>(UponEligibilityMetrics.LoadResultTag, loaded ? "loaded" : "refused"));

    /// <summary>The outcome as the decision document names it.</summary>
    internal static string OutcomeName(EligibilityOutcome outcome) => outcome switch
    {
        EligibilityOutcome.Eligible => "eligible",
        EligibilityOutcome.Ineligible => "ineligible",
        _ => "incomplete",
    };
}
