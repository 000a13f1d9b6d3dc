namespace Upon.Core.Workforce;

/// <summary>One holder's appointment as Director of Children's Services of one local authority.</summary>
/// <remarks>
/// <para>
/// <see cref="Start"/> is the first day in post and <see cref="End"/> the last day in post, both
/// included; an appointment without an end is current. Its length in post is End − Start + 1 days.
/// </para>
/// <para>Equality is by value over every member. Instances are immutable.</para>
/// </remarks>
public sealed record Appointment
{
    /// <summary>Initializes an appointment.</summary>
    /// <param name="authorityCode">The local authority's code, as in the <see cref="AuthorityRegister"/>; not empty.</param>
    /// <param name="holderId">A pseudonymous, stable identifier of the post-holder; not empty.</param>
    /// <param name="start">The first day in post, in the ISO calendar.</param>
    /// <param name="end">The last day in post (included), or null while the holder is in post.</param>
    /// <param name="kind">How the post is held.</param>
    /// <param name="isSharedPost">Whether the holder is DCS of more than one authority at once (one appointment per authority).</param>
    /// <exception cref="ArgumentNullException"><paramref name="authorityCode"/> or <paramref name="holderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="authorityCode"/> or <paramref name="holderId"/> is empty, or a date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined or <paramref name="end"/> is before <paramref name="start"/>.</exception>
    public Appointment(string authorityCode, string holderId, LocalDate start, LocalDate? end, AppointmentKind kind, bool isSharedPost = false)
    {
        Guard.Against.NullOrEmpty(authorityCode);
        Guard.Against.NullOrEmpty(holderId);
        Guard.Against.NonIsoCalendar(start);
        Guard.Against.UndefinedEnum(kind, nameof(kind), "The appointment kind must be Permanent, Interim or Acting.");

        if (end is LocalDate last)
        {
            Guard.Against.NonIsoCalendar(last, nameof(end));
            Guard.Against.OutOfRange(last < start, "An appointment's last day cannot be before its first day.", nameof(end));
        }

        AuthorityCode = authorityCode;
        HolderId = holderId;
        Start = start;
        End = end;
        Kind = kind;
        IsSharedPost = isSharedPost;
    }

    /// <summary>Gets the local authority's code.</summary>
    public string AuthorityCode { get; }

    /// <summary>Gets the pseudonymous identifier of the post-holder.</summary>
    public string HolderId { get; }

    /// <summary>Gets the first day in post.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day in post (included), or null while the holder is in post.</summary>
    public LocalDate? End { get; }

    /// <summary>Gets how the post is held.</summary>
    public AppointmentKind Kind { get; }

    /// <summary>
    /// Gets a value indicating whether the holder is DCS of more than one authority at once. The
    /// measures count a shared post in each authority it serves (one appointment each); the flag is
    /// carried for reporting.
    /// </summary>
    public bool IsSharedPost { get; }

    /// <summary>
    /// Gets why the appointment ended, when it has ended and the reason was given; null otherwise. Set it with an object
    /// initializer: <c>new Appointment(…) { ExitReason = ExitReason.Retired }</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A reason is given for an appointment with no end (the holder is still in post).</exception>
    public ExitReason? ExitReason
    {
        get;
        init
        {
            if (value is not null && End is null)
            {
                throw new ArgumentException("An appointment still in post has no exit reason.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>Gets a value indicating whether the holder is in post on <paramref name="date"/>: Start ≤ date ≤ End.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when the holder is in post that day.</returns>
    public bool IsInPostOn(LocalDate date) => Start <= date && (End is not LocalDate end || date <= end);
}
