namespace Upon.Core.Workforce;

/// <summary>Where a new holder of a DCS post came from (see <see cref="HolderSpell.OriginGiven"/>).</summary>
public enum ChangeOrigin
{
    /// <summary>A first DCS post: the holder has no earlier spell anywhere in the data, and the data's history reaches back before the spell.</summary>
    FirstTime = 1,

    /// <summary>A move between authorities: the holder held another authority's post before (or still does, as for a shared post), but not this one.</summary>
    Move = 2,

    /// <summary>A return: the holder held this authority's post before, and someone else held it in between.</summary>
    Return = 3,

    /// <summary>Not known: the holder has no earlier spell in the data, but the spell starts on or before the first day of the data's history, so earlier posts may be missing.</summary>
    Unknown = 4,
}
