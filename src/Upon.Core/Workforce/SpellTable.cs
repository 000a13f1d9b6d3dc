namespace Upon.Core.Workforce;

/// <summary>
/// The holder spells of a set of appointments, held compactly for the turnover and tenure measures: one 24-byte
/// entry per spell in a single array, grouped by authority (authorities in the order the appointments first name
/// them) and ordered by start within each, with authority codes and holder ids each kept once and referred to by
/// number. <see cref="HolderSpell"/> values are made from it one at a time, on demand.
/// </summary>
/// <remarks>
/// The spells are exactly those <see cref="HolderSpells.Of"/> describes: each authority's appointments ordered by
/// start, then holder id (ordinal), then end (an open end first), with the same sort as before so that ties come
/// out alike; consecutive appointments of one holder joined; earlier posts marked from every spell of the holder;
/// then, looking through interim holders, spells without a permanent appointment dropped and the holder's spells
/// that become consecutive joined. Immutable once built, so thread-safe.
/// </remarks>
internal sealed class SpellTable
{
    private readonly Entry[] spells;
    private readonly HolderIds.Numbering holders;
    private readonly AppointmentTable table;

    private SpellTable(string[] codes, Dictionary<string, int> authorityOf, int[] offsets, Entry[] spells, AppointmentTable table, HolderIds.Numbering holders, LocalDate? earliestStart)
    {
        Codes = codes;
        AuthorityOf = authorityOf;
        Offsets = offsets;
        this.spells = spells;
        this.holders = holders;
        this.table = table;
        EarliestStart = earliestStart;
    }

    /// <summary>Gets the authority codes, in the order the appointments first name them.</summary>
    public string[] Codes { get; }

    /// <summary>Gets the number of each authority code in <see cref="Codes"/>.</summary>
    public Dictionary<string, int> AuthorityOf { get; }

    /// <summary>Gets where each authority's spells begin: authority <c>a</c> has spells <c>Offsets[a]</c> to <c>Offsets[a + 1] - 1</c>.</summary>
    public int[] Offsets { get; }

    /// <summary>Gets the number of spells.</summary>
    public int Count => Offsets[^1];

    /// <summary>Gets the earliest start of any appointment, or null when there are none.</summary>
    public LocalDate? EarliestStart { get; }

    /// <summary>Gets spell <paramref name="index"/> as a <see cref="HolderSpell"/>.</summary>
    public HolderSpell this[int index]
    {
        get
        {
            ref readonly Entry entry = ref spells[index];
            return new HolderSpell(Codes[entry.Authority], holders.Name(entry.Holder), entry.Start, entry.IsOpen ? null : entry.End, entry.StartKind, entry.HasPermanent ? entry.PermanentFrom : null)
            {
                HeldPostHereBefore = (entry.Flags & Entry.Here) != 0,
                HeldPostElsewhereBefore = (entry.Flags & Entry.Elsewhere) != 0,
                ExitReason = entry.IsOpen ? null : table.ReasonOf(entry.Reason),
            };
        }
    }

    /// <summary>Gets the first day of spell <paramref name="index"/>.</summary>
    public LocalDate Start(int index) => spells[index].Start;

    /// <summary>Gets the last day of spell <paramref name="index"/>, <see cref="LocalDate.MaxIsoValue"/> for an open one.</summary>
    public LocalDate EndOrMax(int index) => spells[index].IsOpen ? LocalDate.MaxIsoValue : spells[index].End;

    /// <summary>Gets where the holder of spell <paramref name="index"/> came from, as in <see cref="HolderSpell.OriginGiven"/>.</summary>
    public ChangeOrigin OriginGiven(int index, LocalDate historyFrom) =>
        (spells[index].Flags & Entry.Here) != 0 ? ChangeOrigin.Return
        : (spells[index].Flags & Entry.Elsewhere) != 0 ? ChangeOrigin.Move
        : spells[index].Start > historyFrom ? ChangeOrigin.FirstTime
        : ChangeOrigin.Unknown;

    /// <summary>Gets a value indicating whether spell <paramref name="index"/> began with an interim or acting appointment.</summary>
    public bool StartsInterim(int index) => spells[index].StartKind != AppointmentKind.Permanent;

    /// <summary>Builds the spells of <paramref name="appointments"/>.</summary>
    /// <param name="appointments">The appointments, in any order; enumerated once.</param>
    /// <param name="lookThroughInterim">True to keep only spells that include a permanent appointment.</param>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an appointment is null.</exception>
    public static SpellTable Build(IEnumerable<Appointment> appointments, bool lookThroughInterim)
    {
        AppointmentTable table = AppointmentTable.Of(appointments);
        string[] codes = table.Codes;
        // Spells join a holder's appointments, and mark their earlier posts, by the holder's number.
        HolderIds.Numbering holderNumbers = table.Holders.Numbers;
        int[] numberOf = holderNumbers.NumberOf;
        Dictionary<string, int> authorityOf = new(codes.Length, StringComparer.Ordinal);
        for (int a = 0; a < codes.Length; a++)
        {
            authorityOf.Add(codes[a], a);
        }

        // Group by authority, keeping each authority's appointments in table order, so that the sort below sees
        // them in the order it always has and orders ties alike.
        int[] offsets = new int[codes.Length + 1];
        LocalDate? earliestStart = null;
        for (int i = 0; i < table.Count; i++)
        {
            ref readonly AppointmentTable.Row row = ref table.RowAt(i);
            offsets[row.Authority + 1]++;
            earliestStart = earliestStart is LocalDate earliest && earliest <= row.Start ? earliest : row.Start;
        }

        for (int a = 0; a < codes.Length; a++)
        {
            offsets[a + 1] += offsets[a];
        }

        Entry[] grouped = new Entry[table.Count];
        int[] next = (int[])offsets.Clone();
        for (int i = 0; i < table.Count; i++)
        {
            ref readonly AppointmentTable.Row row = ref table.RowAt(i);
            grouped[next[row.Authority]++] = Entry.Of(row, numberOf[row.Holder]);
        }

        Comparer<Entry> order = Comparer<Entry>.Create((a, b) =>
        {
            int byStart = a.Start.CompareTo(b.Start);
            if (byStart != 0)
            {
                return byStart;
            }

            int byHolder = a.Holder == b.Holder ? 0 : holderNumbers.CompareOrdinal(a.Holder, b.Holder);
            int byEnd = byHolder != 0 ? byHolder : a.IsOpen == b.IsOpen ? (a.IsOpen ? 0 : a.End.CompareTo(b.End)) : a.IsOpen ? -1 : 1;
            return byEnd != 0 || a.Reason == b.Reason ? byEnd : string.CompareOrdinal(table.ReasonOf(a.Reason)?.Code, table.ReasonOf(b.Reason)?.Code);
        });

        // Join each authority's consecutive appointments of one holder, in place.
        int written = 0;
        for (int a = 0; a < codes.Length; a++)
        {
            Array.Sort(grouped, offsets[a], offsets[a + 1] - offsets[a], order);
            int first = written;
            for (int i = offsets[a]; i < offsets[a + 1]; i++)
            {
                Entry row = grouped[i];
                if (written > first && grouped[written - 1].Holder == row.Holder)
                {
                    grouped[written - 1] = grouped[written - 1].Joined(row);
                }
                else
                {
                    grouped[written++] = row;
                }
            }

            offsets[a] = first;
        }

        offsets[^1] = written;
        MarkEarlierPosts(grouped, offsets, holderNumbers.Count);
        if (lookThroughInterim)
        {
            written = LookThrough(grouped, offsets);
        }

        // The array keeps its length (the spells are its first Count entries): trimming it would copy it.
        return new SpellTable(codes, authorityOf, offsets, grouped, table, holderNumbers, earliestStart);
    }

    /// <summary>Marks each spell's earlier posts from every spell of its holder, as <see cref="HolderSpells"/> documents.</summary>
    private static void MarkEarlierPosts(Entry[] spells, int[] offsets, int holderCount)
    {
        // For each holder: their earliest start, its authority, and their earliest start in any other authority.
        // Updated one spell at a time: a new earliest start in another authority makes the old earliest the earliest elsewhere.
        LocalDate[] first = new LocalDate[holderCount];
        int[] firstAuthority = new int[holderCount];
        Array.Fill(firstAuthority, -1);
        LocalDate[] other = new LocalDate[holderCount];
        bool[] hasOther = new bool[holderCount];
        for (int authority = 0; authority < offsets.Length - 1; authority++)
        {
            for (int i = offsets[authority]; i < offsets[authority + 1]; i++)
            {
                int holder = spells[i].Holder;
                LocalDate start = spells[i].Start;
                if (firstAuthority[holder] < 0)
                {
                    first[holder] = start;
                    firstAuthority[holder] = authority;
                }
                else if (authority == firstAuthority[holder])
                {
                    first[holder] = start < first[holder] ? start : first[holder];
                }
                else if (start < first[holder])
                {
                    (other[holder], hasOther[holder]) = (first[holder], true);
                    (first[holder], firstAuthority[holder]) = (start, authority);
                }
                else if (!hasOther[holder] || start < other[holder])
                {
                    (other[holder], hasOther[holder]) = (start, true);
                }
            }
        }

        // The authority in which each holder was last seen in the second pass, and their first start there.
        int[] seenIn = new int[holderCount];
        Array.Fill(seenIn, -1);
        LocalDate[] firstHere = new LocalDate[holderCount];
        for (int authority = 0; authority < offsets.Length - 1; authority++)
        {
            for (int i = offsets[authority]; i < offsets[authority + 1]; i++)
            {
                ref Entry spell = ref spells[i];
                int holder = spell.Holder;

                // The earliest spell of this holder in another authority: the earliest of all if that is elsewhere, else the earliest outside firstAuthority.
                bool elsewhere = authority == firstAuthority[holder] ? hasOther[holder] && other[holder] < spell.Start : first[holder] < spell.Start;

                // Spells are ordered by start, so the first spell of this holder seen here is their earliest here.
                bool here = false;
                if (seenIn[holder] != authority)
                {
                    seenIn[holder] = authority;
                    firstHere[holder] = spell.Start;
                }
                else
                {
                    here = firstHere[holder] < spell.Start;
                }

                spell.Flags |= (byte)((here ? Entry.Here : 0) | (elsewhere ? Entry.Elsewhere : 0));
            }
        }
    }

    /// <summary>Drops the spells without a permanent appointment and joins the ones of a holder that become consecutive, in place.</summary>
    private static int LookThrough(Entry[] spells, int[] offsets)
    {
        int written = 0;
        for (int a = 0; a < offsets.Length - 1; a++)
        {
            int first = written;
            for (int i = offsets[a]; i < offsets[a + 1]; i++)
            {
                Entry spell = spells[i];
                if (!spell.HasPermanent)
                {
                    continue;
                }

                if (written > first && spells[written - 1].Holder == spell.Holder)
                {
                    spells[written - 1] = spells[written - 1].Joined(spell);
                }
                else
                {
                    spells[written++] = spell;
                }
            }

            offsets[a] = first;
        }

        offsets[^1] = written;
        return written;
    }

    /// <summary>One spell (or, while building, one appointment): 28 bytes.</summary>
    private struct Entry
    {
        public const byte Open = 1;
        public const byte Permanent = 2;
        public const byte Here = 4;
        public const byte Elsewhere = 8;

        private readonly byte startKind;

        public Entry(int authority, int holder, LocalDate start, LocalDate? end, AppointmentKind kind, LocalDate? permanentFrom, int reason)
        {
            Authority = authority;
            Reason = reason;
            Holder = holder;
            Start = start;
            End = end ?? default;
            PermanentFrom = permanentFrom ?? default;
            startKind = (byte)kind;
            Flags = (byte)((end is null ? Open : 0) | (permanentFrom is null ? 0 : Permanent));
        }

        public int Authority { get; }

        public int Holder { get; }

        public LocalDate Start { get; }

        public LocalDate End { get; private set; }

        public LocalDate PermanentFrom { get; private set; }

        /// <summary>Gets the number of the exit reason (as <see cref="AppointmentTable.Row.Reason"/>) of the appointment that ends the spell.</summary>
        public int Reason { get; private set; }

        public readonly AppointmentKind StartKind => (AppointmentKind)startKind;

        public byte Flags { get; set; }

        public readonly bool IsOpen => (Flags & Open) != 0;

        public readonly bool HasPermanent => (Flags & Permanent) != 0;

        /// <summary>The entry of one appointment, whose holder is numbered <paramref name="holder"/>.</summary>
        public static Entry Of(in AppointmentTable.Row row, int holder) =>
            new(row.Authority, holder, row.Start, row.End, row.Kind, row.Kind == AppointmentKind.Permanent ? row.Start : null, row.Reason);

        /// <summary>
        /// This spell joined with the holder's next: the later end (open if either is) with the exit reason of the
        /// appointment that ends there (this one's when both end that day and it has one: the sort puts the reason first in
        /// ordinal order of codes first), the first permanent start;
        /// the marks kept.
        /// </summary>
        public readonly Entry Joined(Entry next)
        {
            Entry joined = this;
            if (IsOpen || next.IsOpen)
            {
                joined.Flags |= Open;
                joined.Reason = 0;
            }
            else if (next.End > End || (next.End == End && Reason == 0))
            {
                joined.End = next.End;
                joined.Reason = next.Reason;
            }

            if (!HasPermanent && next.HasPermanent)
            {
                joined.PermanentFrom = next.PermanentFrom;
                joined.Flags |= Permanent;
            }

            return joined;
        }
    }
}
