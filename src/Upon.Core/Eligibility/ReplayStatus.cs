namespace Upon.Core.Eligibility;

/// <summary>What replaying a recorded decision found (see <see cref="DecisionReplay"/>).</summary>
public enum ReplayStatus
{
    /// <summary>Deciding again gave an equal decision: the same outcome, eligible-from date and explanation.</summary>
    Identical,

    /// <summary>Deciding again gave another decision; <see cref="ReplayResult.Changes"/> says what differs.</summary>
    Differs,

    /// <summary>The registry has no policy with the recorded identifier and version: the decision was not made again.</summary>
    PolicyNotFound,

    /// <summary>No application has the recorded application identifier: the decision was not made again.</summary>
    ApplicationMissing,

    /// <summary>Two or more applications have the recorded application identifier: which one was decided is unknown, so none is.</summary>
    ApplicationDuplicate,
}
