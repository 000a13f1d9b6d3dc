namespace Upon.Core.Timelines;

/// <summary>The two strands of the programme.</summary>
/// <remarks><c>default</c> is <see cref="AspirantDirectors"/>.</remarks>
public enum ProgrammeStrand
{
    /// <summary>The Aspirant Directors programme: yearly cohorts of people preparing to become a DCS.</summary>
    AspirantDirectors = 0,

    /// <summary>The New Directors programme: wraparound support for a DCS in the first year in post.</summary>
    NewDirectors = 1,
}
