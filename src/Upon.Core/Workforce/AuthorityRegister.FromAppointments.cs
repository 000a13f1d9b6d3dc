namespace Upon.Core.Workforce;

/// <content>Registers made from the authorities that appointment records name, for when no register is given.</content>
public sealed partial class AuthorityRegister
{
    /// <summary>The region of an authority known only by its code: <c>unknown</c>.</summary>
    public const string UnknownRegion = "unknown";

    /// <summary>
    /// Makes a register of the authorities named by <paramref name="codes"/>, for measuring appointments when no
    /// register is at hand: each code once, in the order first named; each authority named by its code, in the
    /// region <see cref="UnknownRegion"/>, and in force throughout (from <see cref="LocalDate.MinIsoValue"/>, with no end).
    /// The rates' denominators are then the authorities that have appointments, whatever their dates.
    /// </summary>
    /// <param name="codes">Authority codes, compared ordinally; repeats are kept once.</param>
    /// <returns>The register.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codes"/> or a code is null.</exception>
    /// <exception cref="ArgumentException">A code is empty.</exception>
    public static AuthorityRegister FromAuthorityCodes(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        HashSet<string> seen = new(StringComparer.Ordinal);
        List<Authority> authorities = [];
        foreach (string code in codes)
        {
            ArgumentNullException.ThrowIfNull(code, nameof(codes));
            if (seen.Add(code))
            {
                authorities.Add(new Authority(code, code, UnknownRegion, LocalDate.MinIsoValue));
            }
        }

        return new AuthorityRegister(authorities);
    }

    /// <summary>
    /// Makes a register of the authorities <paramref name="appointments"/> name, as <see cref="FromAuthorityCodes"/>
    /// does with their <see cref="Appointment.AuthorityCode"/>s, in the order of the appointments.
    /// </summary>
    /// <param name="appointments">The appointments.</param>
    /// <returns>The register.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an appointment is null.</exception>
    public static AuthorityRegister FromAppointments(IEnumerable<Appointment> appointments)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        if (appointments is AppointmentTable table)
        {
            // A table keeps each code once, in the order its appointments first name them.
            return FromAuthorityCodes(table.Codes);
        }

        return FromAuthorityCodes(appointments.Select(a => Guard.Against.Null(a, nameof(appointments)).AuthorityCode));
    }
}
