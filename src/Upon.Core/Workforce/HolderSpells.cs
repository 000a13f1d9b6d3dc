namespace Upon.Core.Workforce;

/// <summary>Builds holder spells from appointments.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class HolderSpells
{
    /// <summary>
    /// Gets the holder spells of <paramref name="appointments"/>, ordered by authority code (ordinal),
    /// then start. Each authority's appointments are ordered by start (then holder and end) and
    /// consecutive appointments of the same holder are joined into one spell. Looking through interim
    /// and acting holders then drops the spells with no permanent appointment and joins the spells of
    /// the same holder that become consecutive: every spell start it keeps is a spell start without
    /// look-through, so looking through never adds a change.
    /// </summary>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is, with no <see cref="Appointment"/> made per item.</param>
    /// <param name="lookThroughInterim">True to keep only spells that include a permanent appointment.</param>
    /// <returns>The spells.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="appointments"/> or an appointment is null.</exception>
    public static ImmutableArray<HolderSpell> Of(IEnumerable<Appointment> appointments, bool lookThroughInterim = false)
    {
        SpellTable table = SpellTable.Build(appointments, lookThroughInterim);
        int[] authorities = new int[table.Codes.Length];
        for (int a = 0; a < authorities.Length; a++)
        {
            authorities[a] = a;
        }

        Array.Sort(authorities, (a, b) => string.CompareOrdinal(table.Codes[a], table.Codes[b]));
        ImmutableArray<HolderSpell>.Builder result = ImmutableArray.CreateBuilder<HolderSpell>(table.Count);
        foreach (int a in authorities)
        {
            for (int i = table.Offsets[a]; i < table.Offsets[a + 1]; i++)
            {
                result.Add(table[i]);
            }
        }

        return result.MoveToImmutable();
    }
}
