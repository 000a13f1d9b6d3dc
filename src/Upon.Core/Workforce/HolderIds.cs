namespace Upon.Core.Workforce;

/// <summary>
/// The holder ids of an <see cref="AppointmentTable"/>: one entry per appointment added, kept as given (a string) or,
/// for a row read from bytes (ASCII, at most <see cref="AppointmentTable.Builder.MaxAsciiKey"/> bytes), as those bytes in
/// one shared buffer, with no string made and no look-up when it is read.
/// Entries are told apart only when a measure needs to know which appointments one holder held: <see cref="Numbers"/>
/// numbers the distinct ids once, on first use.
/// </summary>
/// <remarks>
/// Reading a file of a million appointments with nearly as many distinct holders spent half its time finding each id
/// in a table of up to a million strings and making a string of each new one; validating a file needs neither.
/// Immutable once built, apart from <see cref="Numbers"/>, which is worked out at most once observed: thread-safe.
/// </remarks>
internal sealed class HolderIds
{
    private readonly string?[]? strings;
    private readonly byte[] bytes;
    private readonly int[] starts;
    private readonly int[] lengths;
    private Numbering? numbering;

    private HolderIds(string?[]? strings, byte[] bytes, int[] starts, int[] lengths, int count)
    {
        this.strings = strings;
        this.bytes = bytes;
        this.starts = starts;
        this.lengths = lengths;
        Count = count;
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count { get; }

    /// <summary>Gets the distinct ids, numbered from 0 in the order of their first entries; worked out on first use.</summary>
    public Numbering Numbers
    {
        get
        {
            Numbering? value = Volatile.Read(ref numbering);
            return value ?? Interlocked.CompareExchange(ref numbering, Number(), null) ?? Volatile.Read(ref numbering)!;
        }
    }

    /// <summary>Gets entry <paramref name="entry"/> as a string: the one given, or one made now.</summary>
    public string Text(int entry) =>
        strings?[entry] ?? System.Text.Encoding.ASCII.GetString(bytes, starts[entry], lengths[entry]);

    private Numbering Number()
    {
        StringInterner interner = new(Count);
        int[] numberOf = new int[Count];
        Span<char> chars = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        for (int entry = 0; entry < Count; entry++)
        {
            if (strings?[entry] is string given)
            {
                numberOf[entry] = interner.Intern(given);
            }
            else
            {
                System.Text.Ascii.ToUtf16(bytes.AsSpan(starts[entry], lengths[entry]), chars, out int written);
                numberOf[entry] = interner.Intern(chars[..written]);
            }
        }

        return new Numbering(numberOf, [.. interner.Values]);
    }

    /// <summary>The distinct ids of the entries.</summary>
    /// <param name="NumberOf">The number of each entry's id.</param>
    /// <param name="Names">The ids by number, each once (the strings given are kept).</param>
    internal sealed record Numbering(int[] NumberOf, string[] Names);

    /// <summary>Adds entries one at a time. Not thread-safe.</summary>
    internal sealed class Builder(int capacity)
    {
        private string?[]? strings;
        private byte[] bytes = new byte[Math.Max(capacity, 64) * 16];
        private int[] starts = new int[Math.Max(capacity, 64)];
        private int[] lengths = new int[Math.Max(capacity, 64)];
        private int used;

        /// <summary>Gets the number of entries added.</summary>
        public int Count { get; private set; }

        /// <summary>Adds an id given as a string, kept as it is; returns its entry.</summary>
        public int Add(string id)
        {
            int entry = Next();
            strings ??= new string?[starts.Length];
            strings[entry] = id;
            return entry;
        }

        /// <summary>Adds an id given as ASCII bytes (at most <see cref="AppointmentTable.Builder.MaxAsciiKey"/>), kept as they are; returns its entry.</summary>
        public int Add(ReadOnlySpan<byte> ascii)
        {
            int entry = Next();
            Append(entry, ascii);
            return entry;
        }

        /// <summary>Adds entry <paramref name="entry"/> of <paramref name="source"/>; returns its entry here.</summary>
        public int Add(HolderIds source, int entry)
        {
            if (source.strings?[entry] is string given)
            {
                return Add(given);
            }

            int added = Next();
            Append(added, source.bytes.AsSpan(source.starts[entry], source.lengths[entry]));
            return added;
        }

        /// <summary>Makes the ids added. The builder is spent.</summary>
        public HolderIds Build()
        {
            HolderIds ids = new(strings, bytes, starts, lengths, Count);
            (strings, bytes, starts, lengths) = (null, [], [], []);
            return ids;
        }

        private void Append(int entry, ReadOnlySpan<byte> ascii)
        {
            if (used + ascii.Length > bytes.Length)
            {
                Array.Resize(ref bytes, checked(Math.Max(bytes.Length * 2, used + ascii.Length)));
            }

            ascii.CopyTo(bytes.AsSpan(used));
            starts[entry] = used;
            lengths[entry] = ascii.Length;
            used += ascii.Length;
        }

        private int Next()
        {
            if (Count == starts.Length)
            {
                int size = checked(starts.Length * 2);
                Array.Resize(ref starts, size);
                Array.Resize(ref lengths, size);
                if (strings is not null)
                {
                    Array.Resize(ref strings, size);
                }
            }

            return Count++;
        }
    }
}
