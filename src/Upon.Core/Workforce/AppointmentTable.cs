using System.Collections;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Appointments held compactly: 20 bytes each, with every authority code kept once and the holder ids as read, in
/// buffers of 1 MiB (told apart only when a measure needs to know a holder's appointments). It is what
/// <see cref="AppointmentValidation"/> keeps of the records it uses (<see cref="AppointmentValidationResult.Table"/>),
/// so that millions of appointments fit in a few hundred megabytes; the measures (<see cref="Turnover"/>,
/// <see cref="TenureMeasures"/>, <see cref="HolderSpells"/>) read it directly, without making an
/// <see cref="Appointment"/> per item.
/// </summary>
/// <remarks>
/// As a list it gives each appointment as a new <see cref="Appointment"/>, equal by value to the one read, in the
/// order the appointments were added. Instances are immutable and thread-safe; equality is by reference.
/// </remarks>
public sealed class AppointmentTable : IReadOnlyList<Appointment>
{
    private readonly string[] codes;
    private readonly HolderIds holders;
    private readonly Row[] rows;
    private readonly int count;
    private readonly ExitReason[] reasons;

    private AppointmentTable(string[] codes, HolderIds holders, Row[] rows, int count, ExitReason[] reasons)
    {
        this.reasons = reasons;
        this.codes = codes;
        this.holders = holders;
        this.rows = rows;
        this.count = count;
    }

    /// <summary>Gets the number of appointments.</summary>
    public int Count => count;

    /// <summary>Gets the authority codes, each once, in the order the appointments first name them.</summary>
    internal string[] Codes => codes;

    /// <summary>Gets the holder ids, one entry per row (<see cref="Row.Holder"/>); <see cref="HolderIds.Numbers"/> tells them apart.</summary>
    internal HolderIds Holders => holders;

    /// <summary>Gets appointment <paramref name="index"/>, made anew.</summary>
    /// <param name="index">The 0-based index, less than <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public Appointment this[int index]
    {
        get
        {
            Guard.Against.IndexOutOfRange(index, count);
            ref readonly Row row = ref rows[index];
            return new Appointment(codes[row.Authority], holders.Text(row.Holder), row.Start, row.End, row.Kind, row.IsShared) { ExitReason = ReasonOf(row) };
        }
    }

    /// <summary>Returns the appointments in order, each made anew.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<Appointment> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gets the table of <paramref name="appointments"/>: the table itself when it is one, else a new one.</summary>
    internal static AppointmentTable Of(IEnumerable<Appointment> appointments)
    {
        Guard.Against.Null(appointments);
        if (appointments is AppointmentTable table)
        {
            return table;
        }

        Builder builder = new(appointments.TryGetNonEnumeratedCount(out int count) ? count : 0);
        foreach (Appointment appointment in appointments)
        {
            Guard.Against.Null(appointment, nameof(appointments));
            Guard.Against.InvalidInput(builder.Add(appointment), nameof(appointments), index => index >= 0, "The appointments have more distinct exit reasons than a table holds (16,777,215).");
        }

        return builder.Build();
    }

    /// <summary>
    /// Gets the table of the rows <paramref name="keep"/> marks, in order, with codes and ids numbered in the order the
    /// kept rows first name them: this table itself when it keeps every row.
    /// </summary>
    /// <param name="keep">One flag per row.</param>
    internal AppointmentTable Keep(bool[] keep)
    {
        if (Array.IndexOf(keep, false, 0, count) < 0)
        {
            return this;
        }

        int[] authorityMap = new int[codes.Length];
        int[] holderMap = new int[holders.Count];
        Array.Fill(authorityMap, -1);
        Array.Fill(holderMap, -1);
        List<string> keptCodes = [];
        HolderIds.Builder keptHolders = new(0);
        Row[] kept = new Row[Math.Max(count - keep.Count(k => !k), 0)];
        int written = 0;
        for (int i = 0; i < count; i++)
        {
            if (!keep[i])
            {
                continue;
            }

            Row row = rows[i];
            ref int authority = ref authorityMap[row.Authority];
            if (authority < 0)
            {
                authority = keptCodes.Count;
                keptCodes.Add(codes[row.Authority]);
            }

            ref int holder = ref holderMap[row.Holder];
            if (holder < 0)
            {
                holder = keptHolders.Add(holders, row.Holder);
            }

            kept[written++] = row with { Authority = authority, Holder = holder };
        }

        return new AppointmentTable([.. keptCodes], keptHolders.Build(), kept, written, reasons);
    }

    /// <summary>Gets the exit reason of <paramref name="row"/>, or null.</summary>
    internal ExitReason? ReasonOf(in Row row) => ReasonOf(row.Reason);

    /// <summary>Gets the exit reason numbered <paramref name="reason"/> (as <see cref="Row.Reason"/>), or null for 0.</summary>
    internal ExitReason? ReasonOf(int reason) => reason == 0 ? null : reasons[reason - 1];

    /// <summary>Gets row <paramref name="index"/>.</summary>
    internal ref readonly Row RowAt(int index) => ref rows[index];

    /// <summary>One appointment: 20 bytes.</summary>
    internal readonly struct Row
    {
        /// <summary>The most distinct exit reasons a table holds: 16,777,215 (the reason's number takes 24 bits).</summary>
        public const int MaxReasons = (1 << 24) - 1;

        private const uint KindMask = 0b11;
        private const uint Open = 0b100;
        private const uint Shared = 0b1000;
        private const int ReasonShift = 8;

        // Kind (2 bits), open and shared flags, and the exit reason's number (24 bits, 0 for none) in one 32-bit word: 20 bytes a row.
        private readonly uint packed;

        public Row(int authority, int holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared, int reason = 0)
        {
            Authority = authority;
            Holder = holder;
            Start = start;
            EndOrDefault = end ?? default;
            packed = (uint)kind | (end is null ? Open : 0) | (shared ? Shared : 0) | ((uint)reason << ReasonShift);
        }

        public int Authority { get; init; }

        public int Holder { get; init; }

        public LocalDate Start { get; }

        public LocalDate EndOrDefault { get; }

        public LocalDate? End => (packed & Open) != 0 ? null : EndOrDefault;

        public AppointmentKind Kind => (AppointmentKind)(packed & KindMask);

        public bool IsShared => (packed & Shared) != 0;

        /// <summary>Gets the number of the exit reason: 0 for none, else 1 more than its index in the table's reasons.</summary>
        public int Reason => (int)(packed >> ReasonShift);
    }


    /// <summary>Builds a table one appointment at a time, keeping each code once. Not thread-safe.</summary>
    internal sealed class Builder(int capacity)
    {
        /// <summary>The longest code or id, in bytes, that <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, LocalDate, LocalDate?, AppointmentKind, bool, ReadOnlySpan{byte})"/> takes.</summary>
        public const int MaxAsciiKey = 256;

        private readonly StringInterner codes = new(Math.Min(capacity, 1024));
        private readonly HolderIds.Builder holders = new(capacity);
        /// <summary>How many exit reason codes read from bytes are matched without hashing.</summary>
        public const int RecentReasons = 16;

        private readonly StringInterner reasonCodes = new(16);
        private readonly RecentAsciiCodes<int> recentReasons = new(RecentReasons);
        private readonly List<ExitReason> reasons = [];
        private readonly byte[] lastAuthorityBytes = new byte[MaxAsciiKey];
        // Not cleared when made (every row is written before it is read), so that the part of an estimate not used costs no memory.
        private Row[] rows = GC.AllocateUninitializedArray<Row>(Math.Max(capacity, 1024));
        private int lastAuthority = -1;
        private int lastAuthorityLength;

        /// <summary>Gets the number of appointments added.</summary>
        public int Count { get; private set; }

        /// <summary>Adds an appointment; returns its index, or -1 (nothing added) when it would be the table's 16,777,216th distinct exit reason.</summary>
        public int Add(Appointment appointment)
        {
            int reason = appointment.ExitReason is ExitReason exit ? Reason(exit.Code.AsSpan(), exit) : 0;
            return reason < 0 ? -1 : Add(codes.Intern(appointment.AuthorityCode), holders.Add(appointment.HolderId), appointment.Start, appointment.End, appointment.Kind, appointment.IsSharedPost, reason);
        }

        /// <summary>
        /// Adds an appointment whose authority code and holder id are given as ASCII bytes, making a string only for a
        /// code or id not seen before; returns its index.
        /// </summary>
        /// <param name="authority">The authority code: ASCII, at most <see cref="MaxAsciiKey"/> bytes.</param>
        /// <param name="holder">The holder id: ASCII, at most <see cref="MaxAsciiKey"/> bytes.</param>
        /// <param name="start">The first day in post.</param>
        /// <param name="end">The last day in post, or null.</param>
        /// <param name="kind">The kind of appointment.</param>
        /// <param name="shared">Whether the post is shared.</param>
        /// <param name="reason">The exit reason's code in ASCII, or empty for none.</param>
        /// <returns>
        /// The index, or -1 (nothing added) when the reason is not a valid code (<see cref="ExitReason.IsValid"/>) or
        /// would be the table's 16,777,216th distinct exit reason.
        /// </returns>
        public int Add(ReadOnlySpan<byte> authority, ReadOnlySpan<byte> holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared, ReadOnlySpan<byte> reason)
        {
            int reasonNumber = 0;
            if (!reason.IsEmpty && !recentReasons.TryGet(reason, out reasonNumber))
            {
                reasonNumber = reason.Length > ExitReason.MaxCodeLength ? -1 : NewReason(reason);
                if (reasonNumber < 0)
                {
                    return -1;
                }
            }

            // A file lists an authority's appointments together: the code of the row before is looked up without hashing.
            int authorityIndex = lastAuthority;
            if (lastAuthority < 0 || !authority.SequenceEqual(lastAuthorityBytes.AsSpan(0, lastAuthorityLength)))
            {
                Span<char> chars = stackalloc char[authority.Length];
                Ascii.ToUtf16(authority, chars, out int written);
                authorityIndex = codes.Intern(chars[..written]);
                authority.CopyTo(lastAuthorityBytes);
                lastAuthorityLength = authority.Length;
                lastAuthority = authorityIndex;
            }

            return Add(authorityIndex, holders.Add(holder), start, end, kind, shared, reasonNumber);
        }

        /// <summary>The number of an exit reason read from bytes that is not one of the recent ones: -1 when its code is not valid.</summary>
        private int NewReason(ReadOnlySpan<byte> reason)
        {
            Span<char> chars = stackalloc char[reason.Length];
            Ascii.ToUtf16(reason, chars, out int length);
            int number = ExitReason.IsValid(chars[..length]) ? Reason(chars[..length], null) : -1;
            if (number >= 0)
            {
                recentReasons.Add(reason, number);
            }

            return number;
        }

        /// <summary>The number of the reason with <paramref name="code"/> (1 more than its index), adding it when new; -1 when the table is full of reasons.</summary>
        private int Reason(ReadOnlySpan<char> code, ExitReason? reason)
        {
            if (reasonCodes.Count == Row.MaxReasons && !reasonCodes.Contains(code))
            {
                return -1;
            }

            int index = reasonCodes.Intern(code);
            if (index == reasons.Count)
            {
                reasons.Add(reason ?? ExitReason.FromCode(reasonCodes.Values[index]));
            }

            return index + 1;
        }

        private int Add(int authority, int holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared, int reason)
        {
            if (Count == rows.Length)
            {
                Row[] larger = GC.AllocateUninitializedArray<Row>(checked(rows.Length * 2));
                rows.CopyTo(larger, 0);
                rows = larger;
            }

            rows[Count] = new Row(authority, holder, start, end, kind, shared, reason);
            return Count++;
        }

        /// <summary>Makes the table of the appointments added, in the order added. The builder is spent.</summary>
        public AppointmentTable Build()
        {
            AppointmentTable table = new([.. codes.Values], holders.Build(), rows, Count, [.. reasons]);
            rows = [];
            return table;
        }
    }
}
