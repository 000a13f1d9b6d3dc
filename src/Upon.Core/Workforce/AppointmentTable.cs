using System.Collections;
using System.Text;

namespace Upon.Core.Workforce;

/// <summary>
/// Appointments held compactly: 20 bytes each, with every authority code and holder id kept once. It is what
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
    private readonly string[] holders;
    private readonly Row[] rows;
    private readonly int count;

    private AppointmentTable(string[] codes, string[] holders, Row[] rows, int count)
    {
        this.codes = codes;
        this.holders = holders;
        this.rows = rows;
        this.count = count;
    }

    /// <summary>Gets the number of appointments.</summary>
    public int Count => count;

    /// <summary>Gets the authority codes, each once, in the order the appointments first name them.</summary>
    internal string[] Codes => codes;

    /// <summary>Gets the holder ids, each once.</summary>
    internal string[] Holders => holders;

    /// <summary>Gets appointment <paramref name="index"/>, made anew.</summary>
    /// <param name="index">The 0-based index, less than <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public Appointment this[int index]
    {
        get
        {
            Guard.Against.IndexOutOfRange(index, count);
            ref readonly Row row = ref rows[index];
            return new Appointment(codes[row.Authority], holders[row.Holder], row.Start, row.End, row.Kind, row.IsShared);
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
            builder.Add(appointment);
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
        int[] holderMap = new int[holders.Length];
        Array.Fill(authorityMap, -1);
        Array.Fill(holderMap, -1);
        List<string> keptCodes = [];
        List<string> keptHolders = [];
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
                holder = keptHolders.Count;
                keptHolders.Add(holders[row.Holder]);
            }

            kept[written++] = row with { Authority = authority, Holder = holder };
        }

        return new AppointmentTable([.. keptCodes], [.. keptHolders], kept, written);
    }

    /// <summary>Gets row <paramref name="index"/>.</summary>
    internal ref readonly Row RowAt(int index) => ref rows[index];

    /// <summary>One appointment: 20 bytes.</summary>
    internal readonly struct Row
    {
        private const byte Open = 1;
        private const byte Shared = 2;
        private readonly byte kind;
        private readonly byte flags;

        public Row(int authority, int holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared)
        {
            Authority = authority;
            Holder = holder;
            Start = start;
            EndOrDefault = end ?? default;
            this.kind = (byte)kind;
            flags = (byte)((end is null ? Open : 0) | (shared ? Shared : 0));
        }

        public int Authority { get; init; }

        public int Holder { get; init; }

        public LocalDate Start { get; }

        public LocalDate EndOrDefault { get; }

        public LocalDate? End => (flags & Open) != 0 ? null : EndOrDefault;

        public AppointmentKind Kind => (AppointmentKind)kind;

        public bool IsShared => (flags & Shared) != 0;
    }

    /// <summary>Builds a table one appointment at a time, keeping each code and holder id once. Not thread-safe.</summary>
    internal sealed class Builder(int capacity)
    {
        /// <summary>The longest code or id, in bytes, that <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, LocalDate, LocalDate?, AppointmentKind, bool)"/> takes.</summary>
        public const int MaxAsciiKey = 256;

        private readonly StringInterner codes = new(Math.Min(capacity, 1024));
        private readonly StringInterner holders = new(capacity);
        private Row[] rows = new Row[Math.Max(capacity, 1024)];

        /// <summary>Gets the number of appointments added.</summary>
        public int Count { get; private set; }

        /// <summary>Adds an appointment; returns its index.</summary>
        public int Add(Appointment appointment) =>
            Add(codes.Intern(appointment.AuthorityCode), holders.Intern(appointment.HolderId), appointment.Start, appointment.End, appointment.Kind, appointment.IsSharedPost);

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
        public int Add(ReadOnlySpan<byte> authority, ReadOnlySpan<byte> holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared)
        {
            Span<char> chars = stackalloc char[MaxAsciiKey];
            Ascii.ToUtf16(authority, chars, out int written);
            int authorityIndex = codes.Intern(chars[..written]);
            Ascii.ToUtf16(holder, chars, out written);
            return Add(authorityIndex, holders.Intern(chars[..written]), start, end, kind, shared);
        }

        private int Add(int authority, int holder, LocalDate start, LocalDate? end, AppointmentKind kind, bool shared)
        {
            if (Count == rows.Length)
            {
                Array.Resize(ref rows, checked(rows.Length * 2));
            }

            rows[Count] = new Row(authority, holder, start, end, kind, shared);
            return Count++;
        }

        /// <summary>Makes the table of the appointments added, in the order added. The builder is spent.</summary>
        public AppointmentTable Build()
        {
            AppointmentTable table = new([.. codes.Values], [.. holders.Values], rows, Count);
            rows = [];
            return table;
        }
    }
}
