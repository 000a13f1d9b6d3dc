namespace Upon.Core.Eligibility;

/// <summary>How a policy counts time in part-time roles.</summary>
public enum PartTimeCounting
{
    /// <summary>A part-time day counts as its fraction of a day: three years at 0.5 give eighteen months.</summary>
    ProRata = 1,

    /// <summary>A part-time day counts in full, as a day in post.</summary>
    Full,
}
