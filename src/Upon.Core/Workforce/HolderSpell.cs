namespace Upon.Core.Workforce;

/// <summary>
/// One holder's unbroken time as DCS of one authority: consecutive appointments of the same holder
/// in an authority (for example interim, then confirmed as permanent) joined into one spell.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> is the first day in post and <see cref="End"/> the last, both included; a spell
/// without an end is current. Spells come from <see cref="HolderSpells.Of"/>; they are the units
/// that turnover counts (a spell starting in a period is a change) and that tenure measures time.
/// </para>
/// <para>
/// <see cref="HeldPostHereBefore"/> and <see cref="HeldPostElsewhereBefore"/> look at every spell of
/// the same holder in the data, interim and acting spells included, that starts strictly before this
/// one (whatever the look-through option): they give a change's origin (see <see cref="ChangeOrigin"/>).
/// </para>
/// <para>Equality is by value over every member. <c>default</c> is not a spell (its codes are null).</para>
/// </remarks>
public readonly record struct HolderSpell
{
    internal HolderSpell(string authorityCode, string holderId, LocalDate start, LocalDate? end, AppointmentKind startKind, LocalDate? permanentFrom)
    {
        AuthorityCode = authorityCode;
        HolderId = holderId;
        Start = start;
        End = end;
        StartKind = startKind;
        PermanentFrom = permanentFrom;
    }

    /// <summary>Gets the authority's code.</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the pseudonymous identifier of the holder.</summary>
    public string HolderId { get; }

    /// <summary>Gets the first day in post.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day in post (included), or null while the holder is in post.</summary>
    public LocalDate? End { get; internal init; }

    /// <summary>
    /// Gets how the holder first held the post in this spell: the kind of the spell's first appointment
    /// (an interim later confirmed as permanent started as <see cref="AppointmentKind.Interim"/>).
    /// </summary>
    public AppointmentKind StartKind { get; }

    /// <summary>Gets the first day of the spell's first permanent appointment, or null when the spell has none.</summary>
    public LocalDate? PermanentFrom { get; internal init; }

    /// <summary>
    /// Gets why the spell ended: the <see cref="Appointment.ExitReason"/> of the appointment that ends it (when two of the
    /// holder's appointments end on that day with different reasons, the reason whose code comes first in ordinal order), or null while the holder is in post or when the
    /// records give no reason.
    /// </summary>
    public ExitReason? ExitReason { get; internal init; }

    /// <summary>Gets a value indicating whether the spell includes a permanent appointment.</summary>
    public bool HasPermanent => PermanentFrom is not null;

    /// <summary>Gets the calendar year the spell started in.</summary>
    public int StartYear => Start.Year;

    /// <summary>Gets the financial year the spell started in, as the calendar year that financial year starts in (a start on 1 March 2021 gives 2020, for 2020/21).</summary>
    public int StartFinancialYear => Start.Month >= 4 ? Start.Year : Start.Year - 1;

    /// <summary>Gets a value indicating whether the holder has a spell in this authority starting before this one (a return to the post after someone else held it).</summary>
    public bool HeldPostHereBefore { get; internal init; }

    /// <summary>Gets a value indicating whether the holder has a spell in another authority starting before this one (possibly still running, as for a shared post).</summary>
    public bool HeldPostElsewhereBefore { get; internal init; }

    /// <summary>
    /// Gets where the holder came from: <see cref="ChangeOrigin.Return"/> when they held this post before,
    /// otherwise <see cref="ChangeOrigin.Move"/> when they held another authority's post before, otherwise
    /// <see cref="ChangeOrigin.FirstTime"/> when the spell starts after <paramref name="historyFrom"/>, and
    /// <see cref="ChangeOrigin.Unknown"/> when it starts on or before it (the holder was in post when the
    /// records began, so their earlier posts are not in the data).
    /// </summary>
    /// <param name="historyFrom">The first day from which the data hold every appointment.</param>
    /// <returns>The spell's origin.</returns>
    public ChangeOrigin OriginGiven(LocalDate historyFrom) =>
        HeldPostHereBefore ? ChangeOrigin.Return
        : HeldPostElsewhereBefore ? ChangeOrigin.Move
        : Start > historyFrom ? ChangeOrigin.FirstTime
        : ChangeOrigin.Unknown;

    /// <summary>Gets a value indicating whether the spell covers <paramref name="date"/>.</summary>
    internal bool Covers(LocalDate date) => Start <= date && (End is not LocalDate end || date <= end);

    /// <summary>Gets the spell's length in days, both ends included, counting an open spell to <paramref name="asOf"/>.</summary>
    internal long DaysTo(LocalDate asOf) => (long)Period.DaysBetween(Start, End is LocalDate end && end < asOf ? end : asOf) + 1;
}
