namespace Upon.Core.Cohorts;

/// <summary>One selected participant offered to a <see cref="SetAllocation"/>: who, from which authority, and their professional background.</summary>
/// <remarks>Equality is by value (strings compared ordinally). Instances are immutable.</remarks>
public sealed record SetParticipant
{
    /// <summary>Initializes a participant.</summary>
    /// <param name="participantId">The participant's identifier: not empty, unique within an allocation. It never appears in error messages.</param>
    /// <param name="authorityCode">The code of the participant's authority, compared ordinally (case matters): not empty.</param>
    /// <param name="background">The participant's professional background (for example "children's social care"), compared ordinally: not empty.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An argument is empty or white space.</exception>
    public SetParticipant(string participantId, string authorityCode, string background)
    {
        Guard.Against.NullOrWhiteSpace(participantId);
        Guard.Against.NullOrWhiteSpace(authorityCode);
        Guard.Against.NullOrWhiteSpace(background);
        ParticipantId = participantId;
        AuthorityCode = authorityCode;
        Background = background;
    }

    /// <summary>Gets the participant's identifier (not empty).</summary>
    public string ParticipantId { get; }

    /// <summary>Gets the code of the participant's authority (not empty).</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the participant's professional background (not empty).</summary>
    public string Background { get; }
}
