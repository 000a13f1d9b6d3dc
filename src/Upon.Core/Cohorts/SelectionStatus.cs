namespace Upon.Core.Cohorts;

/// <summary>Where a candidate ends up in a <see cref="Selection"/>.</summary>
public enum SelectionStatus
{
    /// <summary>Offered a place; <see cref="SelectionOutcome.Rank"/> gives the order of merit (1 is first).</summary>
    Selected = 1,

    /// <summary>Not offered a place yet, but on the waiting list; <see cref="SelectionOutcome.WaitingListPosition"/> gives the position (1 is first).</summary>
    WaitingList,

    /// <summary>Not offered a place and not on the waiting list; <see cref="SelectionOutcome.Reason"/> says why.</summary>
    NotSelected,
}
