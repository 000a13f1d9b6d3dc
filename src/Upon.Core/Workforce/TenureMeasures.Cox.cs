namespace Upon.Core.Workforce;

/// <content>Counting-process records of tenure for Cox regression, as R's <c>tmerge</c> makes them.</content>
public static partial class TenureMeasures
{
    /// <summary>
    /// The counting-process records of tenure, in days, for Cox regression (<see cref="ProportionalHazards.Fit"/>) over
    /// <paramref name="observation"/>, with covariates that may change during a spell: R's <c>tmerge</c> for DCS
    /// tenure. Each spell of <see cref="TenureRecords"/> (the same spells, entry and exit times) is cut at every date on
    /// which a covariate changes, into records (start, stop] with constant values; only the last record of a spell that
    /// ended in the window is an event.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Time is days in post from the spell's first day, as in <see cref="TenureRecords"/>: a spell that began before the
    /// window enters late; a value that takes effect on a date <c>d</c> applies from the time <c>d − start</c>, so
    /// that a DCS who leaves on the day a judgement is published left under it. A date on which no value changes (a
    /// step that repeats the value) cuts nothing.
    /// </para>
    /// <para>
    /// Every record of a spell has the holder's id as its <see cref="CoxRecord.Cluster"/>: with
    /// <see cref="CoxOptions.Robust"/>, the robust variance treats each person (across their spells, in one authority
    /// or several) as one subject, R's <c>cluster(id)</c>.
    /// </para>
    /// </remarks>
    /// <param name="appointments">The appointments, in any order; an <see cref="AppointmentTable"/> (as validation keeps them) is read as it is.</param>
    /// <param name="observation">The observation window; its last day is the as-of date.</param>
    /// <param name="covariates">The covariates, at least one, with distinct names, in the order of the records' values.</param>
    /// <param name="stratum">The stratum of a spell (R's <c>strata()</c>), for example its region; null for one stratum.</param>
    /// <param name="lookThroughInterim">True to measure only spells that include a permanent appointment.</param>
    /// <returns>The records, spell by spell in the order of <see cref="HolderSpells.Of"/>, each spell's in time order.</returns>
    /// <exception cref="ArgumentNullException">An argument, an appointment or a covariate is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="covariates"/> is empty or repeats a name, or a covariate gives a value that is not finite.</exception>
    public static IReadOnlyList<CoxRecord> CoxRecords(
        IEnumerable<Appointment> appointments,
        DateInterval observation,
        IReadOnlyList<TenureCovariate> covariates,
        Func<HolderSpell, string?>? stratum = null,
        bool lookThroughInterim = false)
    {
        Guard.Against.Null(observation);
        Guard.Against.Null(covariates);
        Guard.Against.Invalid(covariates.Count == 0, "At least one covariate is needed.", nameof(covariates));
        HashSet<string> names = new(StringComparer.Ordinal);
        foreach (TenureCovariate covariate in covariates)
        {
            Guard.Against.Null(covariate, nameof(covariates));
            Guard.Against.Invalid(!names.Add(covariate.Name), "The covariates' names must be distinct.", nameof(covariates));
        }

        List<CoxRecord> records = [];
        List<(LocalDate From, double Value)> steps = [];
        SortedSet<LocalDate> cuts = [];
        double[] values = new double[covariates.Count];
        SpellTable spells = SpellTable.Build(appointments, lookThroughInterim);
        for (int i = 0; i < spells.Count; i++)
        {
            HolderSpell spell = spells[i];
            // A nullable local, not a pattern variable: a mutant of the test must still compile (see docs/mutation-testing.md).
            TenureRecord? record = RecordOf(spell, observation);
            if (record is null)
            {
                continue;
            }

            TenureRecord tenure = record.Value;

            LocalDate first = LocalDate.Max(spell.Start, observation.Start);
            LocalDate last = spell.End is LocalDate end && end < observation.End ? end : observation.End;
            DateInterval days = new(first, last);
            string? group = stratum?.Invoke(spell);
            steps.Clear();
            cuts.Clear();
            int[] from = new int[covariates.Count + 1];
            for (int c = 0; c < covariates.Count; c++)
            {
                from[c] = steps.Count;
                covariates[c].AddSteps(spell, days, steps);
                values[c] = steps[from[c]].Value;
                for (int s = from[c] + 1; s < steps.Count; s++)
                {
                    cuts.Add(steps[s].From);
                }
            }

            from[covariates.Count] = steps.Count;
            double start = tenure.Entry;
            foreach (LocalDate cut in cuts)
            {
                double[] next = NextValues(steps, from, values, cut);
                if (next.AsSpan().SequenceEqual(values))
                {
                    continue;
                }

                double stop = Period.DaysBetween(spell.Start, cut);
                records.Add(new CoxRecord(start, stop, false, [.. values], group, spell.HolderId));
                start = stop;
                next.CopyTo(values, 0);
            }

            records.Add(new CoxRecord(start, tenure.Exit, tenure.IsEvent, [.. values], group, spell.HolderId));
        }

        return records;
    }

    /// <summary>The covariates' values from <paramref name="cut"/>: each covariate's last step on or before it, or its current value.</summary>
    private static double[] NextValues(List<(LocalDate From, double Value)> steps, int[] from, double[] values, LocalDate cut)
    {
        double[] next = [.. values];
        for (int c = 0; c < values.Length; c++)
        {
            for (int s = from[c] + 1; s < from[c + 1]; s++)
            {
                if (steps[s].From == cut)
                {
                    next[c] = steps[s].Value;
                }
            }
        }

        return next;
    }
}
