using System.Diagnostics;

namespace Upon.Core.AspNetCore;

/// <summary>
/// The names of the traces the eligibility endpoints and the policy store write (System.Diagnostics, so OpenTelemetry's
/// <c>.AddSource(UponEligibilityTracing.ActivitySourceName)</c> and any <see cref="ActivityListener"/> read them): an
/// activity for each policy load, and tags on the host's own activity of each eligibility request. Like the metrics,
/// no tag carries application data.
/// </summary>
public static class UponEligibilityTracing
{
    /// <summary>The activity source's name: <c>Upon.Core.AspNetCore</c>.</summary>
    public const string ActivitySourceName = "Upon.Core.AspNetCore";

    /// <summary>
    /// The activity of a policy load (at start-up and on each reload), tagged <see cref="GenerationTag"/>,
    /// <see cref="UponEligibilityMetrics.LoadResultTag"/>, <see cref="PolicyCountTag"/> and <see cref="ProblemCountTag"/>;
    /// its status is an error when the load was refused.
    /// </summary>
    public const string PolicyLoadActivity = "upon.eligibility.policy.load";

    /// <summary>The tag of the generation a load made or tried to make.</summary>
    public const string GenerationTag = "upon.eligibility.policy.generation";

    /// <summary>The tag of the number of policies a load put in place (0 when refused).</summary>
    public const string PolicyCountTag = "upon.eligibility.policy.count";

    /// <summary>The tag of the number of problems that refused a load.</summary>
    public const string ProblemCountTag = "upon.eligibility.problem.count";

    /// <summary>
    /// The tag, on the request's activity, of the records of a JSON Lines request answered to its end (with
    /// <see cref="DecisionCountTag"/> and <see cref="RefusedRecordCountTag"/>); or, for one application decided, the
    /// decision's <see cref="UponEligibilityMetrics.OutcomeTag"/>, <see cref="UponEligibilityMetrics.PolicyIdTag"/> and
    /// <see cref="UponEligibilityMetrics.PolicyVersionTag"/>; for a refused request, its
    /// <see cref="UponEligibilityMetrics.ProblemCodeTag"/>.
    /// </summary>
    public const string RecordCountTag = "upon.eligibility.records";

    /// <summary>The tag, on a JSON Lines request's activity, of the records answered by a decision.</summary>
    public const string DecisionCountTag = "upon.eligibility.decisions";

    /// <summary>The tag, on a JSON Lines request's activity, of the records answered by their problems.</summary>
    public const string RefusedRecordCountTag = "upon.eligibility.records.refused";

    /// <summary>The source of the activities.</summary>
    internal static readonly ActivitySource Source = new(ActivitySourceName);
}
