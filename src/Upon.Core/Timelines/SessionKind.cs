namespace Upon.Core.Timelines;

/// <summary>The kinds of session a programme year holds.</summary>
/// <remarks><c>default</c> is <see cref="TaughtDay"/>.</remarks>
public enum SessionKind
{
    /// <summary>A taught day; Year 2 of the Aspirant Directors programme required 8.</summary>
    TaughtDay = 0,

    /// <summary>A learning visit to another organisation.</summary>
    LearningVisit = 1,

    /// <summary>A meeting of an action-learning set (a small group, usually 5 to 8 people).</summary>
    ActionLearningSet = 2,

    /// <summary>A leadership-challenge activity.</summary>
    LeadershipChallenge = 3,

    /// <summary>A virtual workshop, such as the New Directors' Friday-afternoon workshops.</summary>
    VirtualWorkshop = 4,

    /// <summary>A residential of one or more days.</summary>
    Residential = 5,
}
