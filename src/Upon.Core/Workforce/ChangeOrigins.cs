using System.Diagnostics;

namespace Upon.Core.Workforce;

/// <summary>The changes of a period by the holder's origin: <see cref="FirstTime"/> + <see cref="Moves"/> + <see cref="Returns"/> + <see cref="Unknown"/> = <see cref="Total"/>.</summary>
/// <remarks>Equality is by value; <c>default</c> is no changes.</remarks>
/// <param name="FirstTime">Changes to a holder in their first DCS post in the data (<see cref="ChangeOrigin.FirstTime"/>).</param>
/// <param name="Moves">Changes to a holder who held another authority's post before (<see cref="ChangeOrigin.Move"/>).</param>
/// <param name="Returns">Changes to a holder who held the same post before (<see cref="ChangeOrigin.Return"/>).</param>
/// <param name="Unknown">Changes whose holder's history the data cannot tell (<see cref="ChangeOrigin.Unknown"/>).</param>
public readonly record struct ChangeOrigins(int FirstTime, int Moves, int Returns, int Unknown)
{
    /// <summary>Gets the number of changes: the sum of the four counts.</summary>
    public int Total => checked(FirstTime + Moves + Returns + Unknown);

    /// <summary>Gets the count of one origin.</summary>
    /// <param name="origin">The origin.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="origin"/> is undefined.</exception>
    public int this[ChangeOrigin origin] => Guard.Against.UndefinedEnum(origin, nameof(origin), "The origin must be FirstTime, Move, Return or Unknown.") switch
    {
        ChangeOrigin.FirstTime => FirstTime,
        ChangeOrigin.Move => Moves,
        ChangeOrigin.Return => Returns,
        ChangeOrigin.Unknown => Unknown,
        _ => throw new UnreachableException(),
    };
}
