namespace Upon.Core.Workforce;

/// <summary>
/// The holder ids of an <see cref="AppointmentTable"/>: one entry per appointment added, kept as given (a string) or,
/// for a row read from bytes (ASCII, at most <see cref="AppointmentTable.Builder.MaxAsciiKey"/> bytes), as those bytes in
/// shared buffers, with no string made and no look-up when it is read.
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
    /// <summary>
    /// The bytes are kept in chunks, chunk <c>c</c> at offsets from <c>c</c> × 1 MiB, so that a million ids are never
    /// copied to a larger buffer as they are added (a doubled buffer touched half as much memory again, and fresh
    /// memory is what a large read pays for most).
    /// </summary>
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly string?[]? strings;
    private readonly byte[][] chunks;

    // Where each entry's bytes end, as an offset over the chunks; each starts where the one before ends, or at the start
    // of its chunk when the one before ends in an earlier chunk (no id is split between chunks).
    private readonly int[] ends;
    private Numbering? numbering;

    private HolderIds(string?[]? strings, byte[][] chunks, int[] ends, int count)
    {
        this.strings = strings;
        this.chunks = chunks;
        this.ends = ends;
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
        strings?[entry] ?? System.Text.Encoding.ASCII.GetString(Bytes(entry));

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

    private ReadOnlySpan<byte> Bytes(int entry)
    {
        int end = ends[entry];
        int start = entry == 0 ? 0 : Math.Max(ends[entry - 1], ((end - 1) >> ChunkBits) << ChunkBits);
        if (end == start)
        {
            return [];
        }

        return chunks[start >> ChunkBits].AsSpan(start & (ChunkSize - 1), end - start);
    }

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
                if (unchecked((int)(found >> 32)) == hash && CompareOrdinal(first, entry) == 0)
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
        private readonly List<byte[]> chunks = [];
        private string?[]? strings;
        private int[] ends = GC.AllocateUninitializedArray<int>(Math.Max(capacity, 64));
        private byte[] chunk = [];
        private int chunkStart;
        private int used;

        /// <summary>Gets the number of entries added.</summary>
        public int Count { get; private set; }

        /// <summary>Adds an id given as a string, kept as it is; returns its entry.</summary>
        public int Add(string id)
        {
            int entry = Next();
            strings ??= new string?[ends.Length];
            strings[entry] = id;
            ends[entry] = chunkStart + used;
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
            Append(added, source.Bytes(entry));
            return added;
        }

        /// <summary>Makes the ids added. The builder is spent.</summary>
        public HolderIds Build()
        {
            HolderIds ids = new(strings, [.. chunks], ends, Count);
            (strings, ends, chunk) = (null, [], []);
            chunks.Clear();
            return ids;
        }

        private void Append(int entry, ReadOnlySpan<byte> ascii)
        {
            if (used + ascii.Length > chunk.Length)
            {
                // The next chunk, at the next multiple of the chunk size; the first only as large as the ids it is likely to hold.
                chunkStart = checked(chunks.Count << ChunkBits);
                chunk = GC.AllocateUninitializedArray<byte>(chunks.Count == 0 ? (int)Math.Clamp(capacity * 32L, 1024, ChunkSize) : ChunkSize);
                chunks.Add(chunk);
                used = 0;
            }

            ascii.CopyTo(chunk.AsSpan(used));
            used += ascii.Length;
            ends[entry] = chunkStart + used;
        }

        private int Next()
        {
            if (Count == ends.Length)
            {
                int[] larger = GC.AllocateUninitializedArray<int>(checked(ends.Length * 2));
                ends.CopyTo(larger);
                ends = larger;
                if (strings is not null)
                {
                    Array.Resize(ref strings, ends.Length);
                }
            }

            return Count++;
        }
    }
}
