using Upon.Core.Workforce;

namespace Upon.Core.Testing;

/// <summary>
/// Builds one authority's DCS appointment history for example-based tests: appointments laid end to end from
/// a first day (1 April 2015 unless given), each lasting a period, with vacancies between them where asked,
/// and optionally a last holder still in post (right-censored).
/// </summary>
/// <example><code>
/// ImmutableArray&lt;Appointment&gt; history = new AppointmentHistoryBuilder("A")
///     .Permanent("h1", Period.FromMonths(30))
///     .Interim("h2", Period.FromMonths(4))
///     .StillInPost("h3")
///     .Build();
/// </code></example>
/// <remarks>A builder is mutable and not thread-safe; the appointments it builds are immutable.</remarks>
public sealed class AppointmentHistoryBuilder
{
    private readonly ImmutableArray<Appointment>.Builder appointments = ImmutableArray.CreateBuilder<Appointment>();
    private readonly string authorityCode;
    private LocalDate next;
    private bool closed;

    /// <summary>Starts a history.</summary>
    /// <param name="authorityCode">The authority's code; not empty.</param>
    /// <param name="firstDay">The first day of the first appointment; 1 April 2015 when null.</param>
    /// <exception cref="ArgumentException"><paramref name="authorityCode"/> is null or empty.</exception>
    public AppointmentHistoryBuilder(string authorityCode = "A", LocalDate? firstDay = null)
    {
        Guard.Against.NullOrEmpty(authorityCode);
        this.authorityCode = authorityCode;
        next = firstDay ?? new LocalDate(2015, 4, 1);
    }

    /// <summary>Gets the first day of the next appointment.</summary>
    public LocalDate NextDay => next;

    /// <summary>Adds an appointment of <paramref name="length"/> (at least one day) from <see cref="NextDay"/>.</summary>
    /// <param name="holderId">The holder's identifier: the same holder in consecutive appointments is one spell.</param>
    /// <param name="kind">The kind of appointment.</param>
    /// <param name="length">How long it lasts: it ends the day before <see cref="NextDay"/> plus the period.</param>
    /// <param name="isSharedPost">Whether the post is shared with another authority.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The history already ends with a holder still in post.</exception>
    public AppointmentHistoryBuilder Then(string holderId, AppointmentKind kind, Period length, bool isSharedPost = false)
    {
        LocalDate after = After(length);
        appointments.Add(new Appointment(authorityCode, holderId, next, after.PlusDays(-1), kind, isSharedPost));
        next = after;
        return this;
    }

    /// <summary>Adds a permanent appointment of <paramref name="length"/>.</summary>
    /// <param name="holderId">The holder's identifier.</param>
    /// <param name="length">How long it lasts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The history already ends with a holder still in post.</exception>
    public AppointmentHistoryBuilder Permanent(string holderId, Period length) => Then(holderId, AppointmentKind.Permanent, length);

    /// <summary>Adds an interim appointment of <paramref name="length"/>.</summary>
    /// <param name="holderId">The holder's identifier.</param>
    /// <param name="length">How long it lasts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The history already ends with a holder still in post.</exception>
    public AppointmentHistoryBuilder Interim(string holderId, Period length) => Then(holderId, AppointmentKind.Interim, length);

    /// <summary>Leaves the post vacant for <paramref name="length"/>.</summary>
    /// <param name="length">How long the post is vacant.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="length"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The history already ends with a holder still in post.</exception>
    public AppointmentHistoryBuilder Vacant(Period length)
    {
        next = After(length);
        return this;
    }

    /// <summary>Adds a last appointment from <see cref="NextDay"/> with no end: the holder is still in post (right-censored).</summary>
    /// <param name="holderId">The holder's identifier.</param>
    /// <param name="kind">The kind of appointment; permanent by default.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The history already ends with a holder still in post.</exception>
    public AppointmentHistoryBuilder StillInPost(string holderId, AppointmentKind kind = AppointmentKind.Permanent)
    {
        CheckOpen();
        appointments.Add(new Appointment(authorityCode, holderId, next, null, kind));
        closed = true;
        return this;
    }

    /// <summary>Builds the appointments, in order.</summary>
    /// <returns>The appointments.</returns>
    public ImmutableArray<Appointment> Build() => appointments.ToImmutable();

    private LocalDate After(Period length)
    {
        Guard.Against.Null(length);
        CheckOpen();
        LocalDate after = next.Plus(length);
        Guard.Against.OutOfRange(Period.DaysBetween(next, after), nameof(length), 1, int.MaxValue, "A length must be at least one day.");

        return after;
    }

    private void CheckOpen()
    {
        if (closed)
        {
            throw new InvalidOperationException("The history ends with a holder still in post: nothing can follow.");
        }
    }
}
