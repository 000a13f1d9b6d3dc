namespace Upon.Core.Cohorts;

/// <summary>One action-learning set of a <see cref="SetAllocation"/>: its participants and how well it keeps colleagues apart and mixes backgrounds.</summary>
/// <remarks>Equality is by reference. Instances are immutable and safe to share between threads.</remarks>
public sealed class AllocatedSet
{
    internal AllocatedSet(int number, ImmutableArray<SetParticipant> participants, int authorityClashes, int distinctBackgrounds, int bestPossibleBackgrounds, decimal mixScore)
    {
        Number = number;
        Participants = participants;
        AuthorityClashes = authorityClashes;
        DistinctBackgrounds = distinctBackgrounds;
        BestPossibleBackgrounds = bestPossibleBackgrounds;
        MixScore = mixScore;
    }

    /// <summary>Gets the set's number, from 1, in the order of the split's sizes (larger sets first).</summary>
    public int Number { get; }

    /// <summary>Gets the set's participants, in ordinal order of participant id.</summary>
    public ImmutableArray<SetParticipant> Participants { get; }

    /// <summary>Gets the number of participants in the set.</summary>
    public int Size => Participants.Length;

    /// <summary>
    /// Gets the authority clashes: the participants beyond the first from each authority, that is the size minus
    /// the number of distinct authorities. Zero when nobody shares the set with a colleague.
    /// </summary>
    public int AuthorityClashes { get; }

    /// <summary>Gets the number of distinct professional backgrounds in the set.</summary>
    public int DistinctBackgrounds { get; }

    /// <summary>
    /// Gets the most distinct backgrounds a set of this size could hold: the smaller of its size and the number of
    /// backgrounds among all the participants (an upper bound; how many people share each background can keep it out of reach).
    /// </summary>
    public int BestPossibleBackgrounds { get; }

    /// <summary>
    /// Gets how closely the set's background mix follows the whole group's, from 0 to 1: one minus the total
    /// variation distance between the two, <c>1 − ½ Σ_b |c_b ÷ s − m_b ÷ n|</c>, where <c>c_b</c> of the set's
    /// <c>s</c> participants and <c>m_b</c> of all <c>n</c> have background <c>b</c>. 1 when the set's shares equal
    /// the group's, and always above 0. Computed as
    /// <c>1 − Σ_b |n·c_b − s·m_b| ÷ (2·n·s)</c>, exact to 28 significant digits.
    /// </summary>
    public decimal MixScore { get; }
}
