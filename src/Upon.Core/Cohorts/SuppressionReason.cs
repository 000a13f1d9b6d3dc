namespace Upon.Core.Cohorts;

/// <summary>Why a cell of a published breakdown is or is not suppressed.</summary>
/// <remarks>
/// For the producer's audit only: publishing the reason would tell a reader more than the suppression allows
/// (a primary suppression says the count is below the threshold).
/// </remarks>
public enum SuppressionReason
{
    /// <summary>Published: the count is zero or at least the threshold, and no secondary suppression was needed.</summary>
    None = 0,

    /// <summary>Suppressed because the count is from 1 to the threshold minus one.</summary>
    Primary,

    /// <summary>Suppressed although its count could be shown, so that a primary suppression cannot be recovered from the total.</summary>
    Secondary,

    /// <summary>Suppressed, with every other cell and the total, because no secondary suppression could protect the small cells.</summary>
    Withheld,
}
