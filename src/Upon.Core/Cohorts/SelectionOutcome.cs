namespace Upon.Core.Cohorts;

/// <summary>What a <see cref="Selection"/> decided for one candidate, with the reason.</summary>
/// <remarks>
/// Exactly one of <see cref="Rank"/> (selected), <see cref="WaitingListPosition"/> (waiting list) and a
/// <see cref="Reason"/> other than <see cref="NotSelectedReason.None"/> (not selected) is set.
/// Equality is by value. Instances are immutable.
/// </remarks>
public sealed record SelectionOutcome
{
    internal SelectionOutcome(SelectionCandidate candidate, SelectionStatus status, int? rank, int? waitingListPosition, NotSelectedReason reason)
    {
        Candidate = candidate;
        Status = status;
        Rank = rank;
        WaitingListPosition = waitingListPosition;
        Reason = reason;
    }

    /// <summary>Gets the candidate decided.</summary>
    public SelectionCandidate Candidate { get; }

    /// <summary>Gets whether the candidate was selected, put on the waiting list or not selected.</summary>
    public SelectionStatus Status { get; }

    /// <summary>Gets the order of merit among the selected, from 1 to the number selected; null unless selected.</summary>
    public int? Rank { get; }

    /// <summary>Gets the position on the waiting list, from 1 to its length; null unless on the waiting list.</summary>
    public int? WaitingListPosition { get; }

    /// <summary>Gets why the candidate was not selected; <see cref="NotSelectedReason.None"/> when selected or on the waiting list.</summary>
    public NotSelectedReason Reason { get; }
}
