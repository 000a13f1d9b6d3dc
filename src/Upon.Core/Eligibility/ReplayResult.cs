namespace Upon.Core.Eligibility;

/// <summary>
/// A recorded decision made again (see <see cref="DecisionReplay"/>): whether the decision is the same, what differs
/// if not, and what changed since it was recorded according to its fingerprint.
/// </summary>
/// <remarks>
/// The fingerprint comparisons are null when the recorded decision has no fingerprint (a document written before
/// fingerprints) or when there was nothing to compare with (no application, or no policy). They are reported whatever
/// the status: a decision can be identical although the application or the policy's content changed (a change that
/// does not alter this decision), and can differ although neither did (the library's reading of the policy changed).
/// Equality is by value over every member. Instances are immutable.
/// </remarks>
/// <param name="ApplicationId">The application, as recorded.</param>
/// <param name="Status">Identical, differs, or why the decision was not made again.</param>
/// <param name="Recorded">The recorded decision.</param>
/// <param name="Replayed">The decision made again, as of the recorded date by the recorded policy version; null when not made.</param>
/// <param name="Changes">What differs between the two decisions; <see cref="DecisionChanges.None"/> unless <see cref="ReplayStatus.Differs"/>.</param>
/// <param name="PolicyContentChanged">Whether the policy's content hash now differs from the recorded one.</param>
/// <param name="ApplicationChanged">Whether the application's hash now differs from the recorded one.</param>
/// <param name="LibraryVersionChanged">Whether this library's version differs from the recorded one; for information only.</param>
public sealed record ReplayResult(
    string ApplicationId,
    ReplayStatus Status,
    EligibilityDecision Recorded,
    EligibilityDecision? Replayed,
    DecisionChanges Changes,
    bool? PolicyContentChanged,
    bool? ApplicationChanged,
    bool? LibraryVersionChanged)
{
    /// <summary>Gets a value indicating whether the decision was made again and is identical.</summary>
    public bool IsIdentical => Status == ReplayStatus.Identical;

    /// <summary>Returns <c>application: status</c>, with what differs or changed.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        List<string> notes = [];
        if (Changes != DecisionChanges.None)
        {
            notes.Add(Changes.ToString());
        }

        if (PolicyContentChanged == true)
        {
            notes.Add("policy content changed");
        }

        if (ApplicationChanged == true)
        {
            notes.Add("application changed");
        }

        return $"{ApplicationId}: {Status}" + (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : string.Empty);
    }
}
