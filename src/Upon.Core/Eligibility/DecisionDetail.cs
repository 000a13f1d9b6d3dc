namespace Upon.Core.Eligibility;

/// <summary>How much of a decision <see cref="DecisionDocument"/> writes.</summary>
public enum DecisionDetail
{
    /// <summary>
    /// The whole decision: outcome, policy and version, dates, the explanation tree with every rule's reason code,
    /// figures, message and evidence, and the fingerprint when the decision has one. What
    /// <see cref="DecisionDocument.Read(System.IO.Stream, int)"/> reads back.
    /// </summary>
    Full = 0,

    /// <summary>
    /// The decision without its explanation and fingerprint: outcome, policy and version, dates, and the criteria that
    /// decided an outcome other than eligible (<see cref="EligibilityExplanation.Causes"/>, each rule's code and reason
    /// code). A twentieth of the bytes of <see cref="Full"/> on the varied corpus, for batches that need outcomes, not
    /// evidence. Not a decision document: it cannot be read back, replayed or checked.
    /// </summary>
    Summary = 1,
}
