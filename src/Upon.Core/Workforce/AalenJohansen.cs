using System.Runtime.InteropServices;

namespace Upon.Core.Workforce;

/// <summary>
/// Collects competing-risk records into compact columns and estimates the Aalen–Johansen curves with
/// R's infinitesimal-jackknife standard errors in one sweep over the distinct exit times.
/// </summary>
/// <remarks>
/// <para>
/// R's <c>survfitci.c</c> keeps an influence vector U<sub>i</sub> (one value per state) for every subject and,
/// at each time with exits, multiplies it by the transition matrix H and adds the subject's own term; the
/// variance of a state is Σ<sub>i</sub> U<sub>i</sub>². That costs subjects × times. Here the same variance
/// is carried by a few sums, in O(records + times) per state, using what competing risks make simple: a
/// subject's influence on being in post is S(t)·W<sub>i</sub>(t), with W<sub>i</sub> growing by
/// d/(n(n − d)) at each time it stays at risk through exits and falling by 1/n at its own exit; and its
/// influence on reason r grows by ΔF<sub>r</sub>·(W<sub>i</sub> − 1/n) while at risk (plus S⁻/n at its own
/// exit for r) and by ΔF<sub>r</sub>·W<sub>i</sub> once gone, where ΔF<sub>r</sub> = S⁻·d<sub>r</sub>/n.
/// The sums kept are Σ W, Σ W² and, per reason, Σ U, Σ U², Σ U·W over those at risk, and Σ W² over those
/// gone; each step moves them as every subject's U and W would move. A subject's own U and W when it leaves
/// follow from running totals recorded when it entered, so subjects that entered together and leave together
/// for one reason leave as one: all of them when no entry is delayed, those that entered at 0 otherwise.
/// </para>
/// <para>
/// For those gone, the sums of U², U·W and W² of each reason are kept as the triangular factor R of the QR
/// decomposition of the matrix whose rows are the subjects' (U, W): Σ U² = r₁₁², and a step U ← U + ΔF·W is
/// R ← R·[[1, 0], [ΔF, 1]] made triangular again by a rotation. Expanded sums would lose the variance where
/// it is nearly 0 (one reason, and no one left in post: then F = 1 − S = 1 exactly), to about √ε; the
/// factor keeps it to about ε.
/// </para>
/// <para>Not thread-safe: one instance serves one estimate.</para>
/// </remarks>
internal sealed class AalenJohansen
{
    private const int Censored = -1;

    private readonly Dictionary<string, int> reasonIndex = new(StringComparer.Ordinal);
    private readonly List<string> reasons = [];
    private readonly bool reasonsDeclared;
    private readonly Dictionary<double, int> exitIds = [];
    private readonly List<double> exitTimes = [];
    private readonly Dictionary<double, int> entryIds = new() { [0.0] = 0 };
    private readonly List<double> entryTimes = [0.0];

    // The reason strings met most recently with their codes, compared by reference before any hashing.
    private readonly string?[] recent = new string?[8];
    private readonly int[] recentCode = new int[8];
    private int nextRecent;

    private int[] reasonOf;
    private int[] exitOf;
    private int[] entryOf;
    private int count;

    /// <summary>Initializes a collector for the given reasons (in their order), or for the reasons the records bring when null.</summary>
    public AalenJohansen(ImmutableArray<string>? declared, int capacity)
    {
        if (declared is ImmutableArray<string> given)
        {
            reasonsDeclared = true;
            foreach (string reason in given)
            {
                reasonIndex.Add(reason, reasons.Count);
                reasons.Add(reason);
            }
        }

        capacity = Math.Max(capacity, 16);
        reasonOf = new int[capacity];
        exitOf = new int[capacity];
        entryOf = new int[capacity];
    }

    /// <summary>Adds the records of a span.</summary>
    public void AddRange(ReadOnlySpan<CompetingRiskRecord> records)
    {
        foreach (ref readonly CompetingRiskRecord record in records)
        {
            Add(in record);
        }
    }

    /// <summary>Adds one record, checking it.</summary>
    public void Add(in CompetingRiskRecord record)
    {
        Guard.Against.Invalid(!record.IsValid, "A competing-risk record's exit must be after its entry; default(CompetingRiskRecord) is not a record.", "records");

        if (count == reasonOf.Length)
        {
            int size = checked(count * 2);
            Array.Resize(ref reasonOf, size);
            Array.Resize(ref exitOf, size);
            Array.Resize(ref entryOf, size);
        }

        reasonOf[count] = ReasonCode(record.Reason);
        exitOf[count] = Id(exitIds, exitTimes, record.Exit);
        entryOf[count] = record.Entry == 0 ? 0 : Id(entryIds, entryTimes, record.Entry);
        count++;
    }

    /// <summary>Estimates the curves of the records added.</summary>
    public CumulativeIncidenceCurve Estimate(ConfidenceIntervalType type, double level, double z)
    {
        // Reasons found in the records are reported in ordinal order; map the order of first sight onto it.
        int k = reasons.Count;
        int[] finalReason = new int[k];
        string[] ordered = [.. reasons];
        if (!reasonsDeclared)
        {
            int[] firstSeen = new int[k];
            for (int i = 0; i < k; i++)
            {
                firstSeen[i] = i;
            }

            Array.Sort(ordered, firstSeen, StringComparer.Ordinal);
            for (int i = 0; i < k; i++)
            {
                finalReason[firstSeen[i]] = i;
            }
        }
        else
        {
            for (int i = 0; i < k; i++)
            {
                finalReason[i] = i;
            }
        }

        double[] times = [.. exitTimes];
        int[] slotOfExit = Ranks(times);
        double[] entries = [.. entryTimes];
        int[] groupOfEntry = Ranks(entries);
        int u = times.Length;
        int v = entries.Length;

        int[] events = new int[checked(u * k)];
        int[] censored = new int[u];
        long[] eventTotals = new long[k];
        int[] entering = new int[v];
        for (int i = 0; i < count; i++)
        {
            int slot = slotOfExit[exitOf[i]];
            int code = reasonOf[i];
            if (code == Censored)
            {
                censored[slot]++;
            }
            else
            {
                int reason = finalReason[code];
                events[(slot * k) + reason]++;
                eventTotals[reason]++;
            }

            entering[groupOfEntry[entryOf[i]]]++;
        }

        Sweep sweep = new(k, v);
        if (v > 1)
        {
            // Delayed entry: a subject's influence depends on when it entered. Those that entered at 0 still leave
            // in bulk, by reason; the others are visited one by one, grouped by exit time with a counting sort.
            int[] fromZeroEvents = new int[events.Length];
            int[] fromZeroCensored = new int[u];
            int[] start = new int[u + 1];
            for (int i = 0; i < count; i++)
            {
                int slot = slotOfExit[exitOf[i]];
                if (entryOf[i] != 0)
                {
                    start[slot + 1]++;
                }
                else if (reasonOf[i] == Censored)
                {
                    fromZeroCensored[slot]++;
                }
                else
                {
                    fromZeroEvents[(slot * k) + finalReason[reasonOf[i]]]++;
                }
            }

            for (int m = 0; m < u; m++)
            {
                start[m + 1] += start[m];
            }

            int[] next = start[..u];
            int[] lateGroup = new int[start[u]];
            int[] lateReason = new int[start[u]];
            for (int i = 0; i < count; i++)
            {
                if (entryOf[i] != 0)
                {
                    int position = next[slotOfExit[exitOf[i]]]++;
                    lateGroup[position] = groupOfEntry[entryOf[i]];
                    lateReason[position] = reasonOf[i] == Censored ? Censored : finalReason[reasonOf[i]];
                }
            }

            sweep.FromZero = (fromZeroEvents, fromZeroCensored);
            sweep.Late = (start, lateGroup, lateReason);
        }
        else
        {
            sweep.FromZero = (events, censored);
        }

        ImmutableArray<CumulativeIncidencePoint> points = sweep.Run(times, events, censored, entries, entering, type, z);
        return new CumulativeIncidenceCurve(
            ImmutableCollectionsMarshal.AsImmutableArray(ordered),
            points,
            count,
            ImmutableCollectionsMarshal.AsImmutableArray(eventTotals),
            type,
            level,
            z);
    }

    /// <summary>Sorts <paramref name="values"/> in place and returns the rank of each value by its first-seen id.</summary>
    private static int[] Ranks(double[] values)
    {
        int[] ids = new int[values.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = i;
        }

        Array.Sort(values, ids);
        int[] ranks = new int[values.Length];
        for (int rank = 0; rank < ids.Length; rank++)
        {
            ranks[ids[rank]] = rank;
        }

        return ranks;
    }

    private static int Id(Dictionary<double, int> ids, List<double> values, double value)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, value, out bool exists);
        if (!exists)
        {
            id = values.Count;
            values.Add(value);
        }

        return id;
    }

    private int ReasonCode(string? reason)
    {
        if (reason is null)
        {
            return Censored;
        }

        // Records read from a file usually share one string per reason: compare references first.
        for (int i = 0; i < recent.Length; i++)
        {
            if (ReferenceEquals(recent[i], reason))
            {
                return recentCode[i];
            }
        }

        if (!reasonIndex.TryGetValue(reason, out int code))
        {
            Guard.Against.Invalid(reasonsDeclared, "A record's exit reason is not one of the reasons given.", "records");
            code = reasons.Count;
            reasonIndex.Add(reason, code);
            reasons.Add(reason);
        }

        recent[nextRecent] = reason;
        recentCode[nextRecent] = code;
        nextRecent = (nextRecent + 1) % recent.Length;
        return code;
    }

    /// <summary>The sweep over the distinct exit times, with the running totals and the influence sums.</summary>
    private sealed class Sweep
    {
        private readonly int k;

        // Running totals over the times with exits so far (R's p and what the influence needs).
        private readonly double[] incidence; // F_r = Σ S⁻·d_r/n: the cumulative incidence of each reason
        private readonly double[] weighted;  // Σ ΔF_r · C⁻
        private readonly double[] perRisk;   // Σ ΔF_r / n

        // The running totals when each entry group joined.
        private readonly double[] groupC;
        private readonly double[] groupWeighted;
        private readonly double[] groupIncidence;
        private readonly double[] groupPerRisk;

        // Influence sums over those at risk.
        private readonly double[] riskU;
        private readonly double[] riskU2;
        private readonly double[] riskUW;

        // Influence over those gone, per reason: the triangular factor [[r11, r12], [0, r22]] of their rows (U, W).
        private readonly double[] goneR11;
        private readonly double[] goneR12;
        private readonly double[] goneR22;

        private double survival = 1; // S: the probability of being in post
        private double c;            // C = Σ d / (n (n − d)): the growth of W while at risk
        private double riskW;
        private double riskW2;
        private double goneW2;

        public Sweep(int k, int groups)
        {
            this.k = k;
            incidence = new double[k];
            weighted = new double[k];
            perRisk = new double[k];
            groupC = new double[groups];
            groupWeighted = new double[checked(groups * k)];
            groupIncidence = new double[groupWeighted.Length];
            groupPerRisk = new double[groupWeighted.Length];
            riskU = new double[k];
            riskU2 = new double[k];
            riskUW = new double[k];
            goneR11 = new double[k];
            goneR12 = new double[k];
            goneR22 = new double[k];
        }

        /// <summary>Gets or sets the number of subjects that entered at 0 leaving at each time: by time and reason, and censored by time.</summary>
        public (int[] Events, int[] Censored) FromZero { get; set; }

        /// <summary>Gets or sets the other subjects leaving at each time (start offsets by time, entry group, reason or −1); null when every subject entered at 0.</summary>
        public (int[] Start, int[] Group, int[] Reason)? Late { get; set; }

        public ImmutableArray<CumulativeIncidencePoint> Run(
            double[] times,
            int[] events,
            int[] censored,
            double[] entries,
            int[] entering,
            ConfidenceIntervalType type,
            double z)
        {
            int u = times.Length;
            ImmutableArray<CumulativeIncidencePoint>.Builder points = ImmutableArray.CreateBuilder<CumulativeIncidencePoint>(u);
            long atRisk = 0;
            int nextGroup = 0;
            bool frozen = false;
            for (int m = 0; m < u; m++)
            {
                double time = times[m];
                while (nextGroup < entries.Length && entries[nextGroup] < time)
                {
                    Enter(nextGroup);
                    atRisk += entering[nextGroup];
                    nextGroup++;
                }

                ReadOnlySpan<int> eventsNow = events.AsSpan(m * k, k);
                long exits = 0;
                foreach (int count in eventsNow)
                {
                    exits += count;
                }

                long n = atRisk;
                double before = survival;
                double cBefore = c;
                double step = 0;
                if (!frozen)
                {
                    if (exits > 0)
                    {
                        step = Exits(eventsNow, n, exits, before, cBefore);
                    }

                    Leave(m, n, before, cBefore, step);
                }

                atRisk -= exits + censored[m];
                if (!frozen)
                {
                    Shift(atRisk, step);
                    frozen = survival == 0;
                }

                points.Add(Point(time, n, eventsNow, censored[m], type, z));
            }

            return points.MoveToImmutable();
        }

        private void Enter(int group)
        {
            groupC[group] = c;
            incidence.CopyTo(groupIncidence, group * k);
            weighted.CopyTo(groupWeighted, group * k);
            perRisk.CopyTo(groupPerRisk, group * k);
        }

        /// <summary>
        /// The step of R's H at a time with exits: moves the influence of everyone (at risk and gone) and the running
        /// totals, and returns the growth of W for those who stay, d / (n (n − d)), or 0 when no one stays.
        /// </summary>
        private double Exits(ReadOnlySpan<int> eventsNow, long n, long exits, double before, double cBefore)
        {
            double nd = n;
            double spread = riskW2 - (2 * riskW / nd) + (1 / nd); // Σ (W − 1/n)² over those at risk
            double lean = riskW2 - (riskW / nd);                   // Σ (W − 1/n)·W
            for (int r = 0; r < k; r++)
            {
                double dF = before * (eventsNow[r] / nd); // R's p[0] · H[0][r]
                if (dF == 0)
                {
                    continue;
                }

                // Those gone: U += ΔF·W.
                Shear(r, dF);

                // Those at risk: U += ΔF·(W − 1/n).
                riskU2[r] += dF * ((2 * (riskUW[r] - (riskU[r] / nd))) + (dF * spread));
                riskUW[r] += dF * lean;
                riskU[r] += dF * (riskW - 1);

                weighted[r] += dF * cBefore;
                perRisk[r] += dF / nd;
                incidence[r] += dF;
            }

            survival = before * (1 - (exits / nd)); // R's p[0] · H[0][0]
            return exits < n ? exits / (nd * (n - exits)) : 0;
        }

        /// <summary>Takes the subjects leaving at time <paramref name="m"/> from the sums over those at risk to those over the gone.</summary>
        private void Leave(int m, long n, double before, double cBefore, double step)
        {
            // Group 0 holds the subjects that entered at 0 (the smallest entry time): they leave by reason, in bulk.
            (int[] events, int[] censored) = FromZero;
            for (int r = 0; r < k; r++)
            {
                int leaving = events[(m * k) + r];
                if (leaving > 0)
                {
                    Leave(0, r, leaving, n, before, cBefore, step);
                }
            }

            if (censored[m] > 0)
            {
                Leave(0, Censored, censored[m], n, before, cBefore, step);
            }

            if (Late is (int[] start, int[] group, int[] reason))
            {
                for (int i = start[m]; i < start[m + 1]; i++)
                {
                    Leave(group[i], reason[i], 1, n, before, cBefore, step);
                }
            }
        }

        /// <summary>Moves <paramref name="weight"/> subjects of one entry group leaving for one reason (or censored).</summary>
        private void Leave(int group, int reason, double weight, long n, double before, double cBefore, double step)
        {
            double entered = groupC[group];
            double w = cBefore - entered;
            double wGone = reason == Censored ? w + step : w - (1.0 / n);
            riskW -= weight * w;
            riskW2 -= weight * w * w;
            goneW2 += weight * wGone * wGone;
            double scale = Math.Sqrt(weight);
            int offset = group * k;
            for (int r = 0; r < k; r++)
            {
                double influence = (weighted[r] - groupWeighted[offset + r])
                    - (entered * (incidence[r] - groupIncidence[offset + r]))
                    - (perRisk[r] - groupPerRisk[offset + r]);
                riskU[r] -= weight * influence;
                riskU2[r] -= weight * influence * influence;
                riskUW[r] -= weight * influence * w;
                if (r == reason)
                {
                    influence += before / n;
                }

                AddGone(r, scale * influence, scale * wGone);
            }
        }

        /// <summary>Turns the factor of those gone for reason <paramref name="r"/> as their U grows by <paramref name="dF"/>·W.</summary>
        private void Shear(int r, double dF)
        {
            double a = goneR11[r] + (dF * goneR12[r]);
            double b = dF * goneR22[r];
            double rho = Math.Sqrt((a * a) + (b * b));
            if (rho == 0)
            {
                goneR11[r] = 0;
                return;
            }

            double cos = a / rho;
            double sin = b / rho;
            double r12 = goneR12[r];
            double r22 = goneR22[r];
            goneR11[r] = rho;
            goneR12[r] = (cos * r12) + (sin * r22);
            goneR22[r] = (cos * r22) - (sin * r12);
        }

        /// <summary>Adds the row (<paramref name="u"/>, <paramref name="w"/>) to the factor of those gone for reason <paramref name="r"/>.</summary>
        private void AddGone(int r, double u, double w)
        {
            double r11 = goneR11[r];
            double rho = Math.Sqrt((r11 * r11) + (u * u));
            if (rho != 0)
            {
                double cos = r11 / rho;
                double sin = u / rho;
                double r12 = goneR12[r];
                goneR11[r] = rho;
                goneR12[r] = (cos * r12) + (sin * w);
                w = (cos * w) - (sin * r12);
            }

            double r22 = goneR22[r];
            goneR22[r] = Math.Sqrt((r22 * r22) + (w * w));
        }

        /// <summary>Grows W by <paramref name="step"/> for those still at risk, or clears the sums when no one is.</summary>
        private void Shift(long atRisk, double step)
        {
            if (atRisk == 0)
            {
                // Exactly 0, not the rounding left by taking everyone away.
                riskW = 0;
                riskW2 = 0;
                Array.Clear(riskU);
                Array.Clear(riskU2);
                Array.Clear(riskUW);
            }
            else if (step != 0)
            {
                for (int r = 0; r < k; r++)
                {
                    riskUW[r] += step * riskU[r];
                }

                riskW2 += step * ((2 * riskW) + (atRisk * step));
                riskW += atRisk * step;
            }

            c += step;
        }

        private CumulativeIncidencePoint Point(double time, long n, ReadOnlySpan<int> eventsNow, int censoredNow, ConfidenceIntervalType type, double z)
        {
            long[] counts = new long[k];
            StateProbability[] states = new StateProbability[k];
            for (int r = 0; r < k; r++)
            {
                counts[r] = eventsNow[r];
                double p = Math.Min(incidence[r], 1); // a sum that rounds above 1 is 1
                double gone = goneR11[r];
                double se = Math.Sqrt(Math.Max(0, riskU2[r] + (gone * gone)));
                (double lower, double upper) = CumulativeIncidence.Limits(p, se, type, z);
                states[r] = new StateProbability(p, se, lower, upper);
            }

            double s = survival;
            double inPostError = s == 0 ? 0 : s * Math.Sqrt(Math.Max(0, riskW2 + goneW2));
            (double inPostLower, double inPostUpper) = CumulativeIncidence.Limits(s, inPostError, type, z);
            return new CumulativeIncidencePoint(
                time,
                n,
                ImmutableCollectionsMarshal.AsImmutableArray(counts),
                censoredNow,
                new StateProbability(s, inPostError, inPostLower, inPostUpper),
                ImmutableCollectionsMarshal.AsImmutableArray(states));
        }
    }
}
