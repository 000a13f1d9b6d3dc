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

    /// <summary>Compares the ids of two entries ordinally, as <see cref="string.CompareOrdinal(string, string)"/> compares them as strings.</summary>
    public int CompareOrdinal(int first, int second)
    {
        if (strings?[first] is null && strings?[second] is null)
        {
            // ASCII bytes sort as their characters do.
            return Bytes(first).SequenceCompareTo(Bytes(second));
        }

        Span<char> left = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        Span<char> right = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        return Chars(first, left).SequenceCompareTo(Chars(second, right));
    }

    private bool SameId(int first, int second)
    {
        if (strings?[first] is null && strings?[second] is null)
        {
            return Bytes(first).SequenceEqual(Bytes(second));
        }

        Span<char> left = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        Span<char> right = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        return Chars(first, left).SequenceEqual(Chars(second, right));
    }

    private ReadOnlySpan<byte> Bytes(int entry) => bytes.AsSpan(starts[entry], lengths[entry]);

    /// <summary>The characters of an entry: its string, or its bytes widened into <paramref name="buffer"/>.</summary>
    private ReadOnlySpan<char> Chars(int entry, Span<char> buffer)
    {
        if (strings?[entry] is string given)
        {
            return given;
        }

        System.Text.Ascii.ToUtf16(Bytes(entry), buffer, out int written);
        return buffer[..written];
    }

    /// <summary>
    /// Numbers the distinct ids in order of first entry: an open-addressing table of each id's hash beside its first
    /// entry, with no string made (a file of millions of holders would otherwise hold a string of each while it is read).
    /// </summary>
    private Numbering Number()
    {
        int[] numberOf = new int[Count];
        List<int> firstEntries = [];
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Count * 2, 16, 1 << 30));
        long[] slots = new long[size];
        int mask = size - 1;
        Span<char> buffer = stackalloc char[AppointmentTable.Builder.MaxAsciiKey];
        for (int entry = 0; entry < Count; entry++)
        {
            int hash = string.GetHashCode(Chars(entry, buffer));
            int slot = hash & mask;
            while (true)
            {
                long found = slots[slot];
                if (found == 0)
                {
                    numberOf[entry] = firstEntries.Count;
                    firstEntries.Add(entry);
                    slots[slot] = unchecked(((long)hash << 32) | (uint)(entry + 1));
                    break;
                }

                int first = unchecked((int)(uint)found) - 1;
                if (unchecked((int)(found >> 32)) == hash && SameId(first, entry))
                {
                    numberOf[entry] = numberOf[first];
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        return new Numbering(this, numberOf, [.. firstEntries]);
    }

    /// <summary>The distinct ids of the entries, numbered from 0 in order of first entry.</summary>
    internal sealed class Numbering
    {
        private readonly HolderIds ids;
        private readonly int[] firstEntries;

        /// <summary>Initializes a numbering of <paramref name="ids"/>.</summary>
        public Numbering(HolderIds ids, int[] numberOf, int[] firstEntries)
        {
            this.ids = ids;
            NumberOf = numberOf;
            this.firstEntries = firstEntries;
        }

        /// <summary>Gets the number of each entry's id.</summary>
        public int[] NumberOf { get; }

        /// <summary>Gets the number of distinct ids.</summary>
        public int Count => firstEntries.Length;

        /// <summary>Gets the id numbered <paramref name="number"/>: the string given, or one made now.</summary>
        public string Name(int number) => ids.Text(firstEntries[number]);

        /// <summary>Compares the ids numbered <paramref name="first"/> and <paramref name="second"/> ordinally.</summary>
        public int CompareOrdinal(int first, int second) => first == second ? 0 : ids.CompareOrdinal(firstEntries[first], firstEntries[second]);
    }

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
