namespace Upon.Core.Workforce;

/// <summary>
/// Counts the concordant, discordant and tied pairs of a Cox model's risk scores and event times, with each
/// record's share of them for the standard error, as R's <c>concordancefit</c> (C code <c>concordance3</c> and
/// <c>concordance4</c>) does with <c>timewt = "n"</c>: a walk from the last stop time to the first, stratum by
/// stratum, with two Fenwick trees over the ranks of the risk scores, one of the records at risk and one of the
/// events seen so far. O(n·log n).
/// </summary>
internal static class CoxConcordanceCounter
{
    /// <summary>Counts the pairs and computes the concordance and R's standard error, clusters as the data's.</summary>
    public static CoxConcordance Count(CoxData data, ReadOnlySpan<double> risk)
    {
        int n = data.Count;
        double[] concordantShare = new double[n];
        double[] discordantShare = new double[n];
        double[] tiedShare = new double[n];
        long concordant = 0;
        long discordant = 0;
        long tiedRisk = 0;
        long tiedTime = 0;
        long tiedBoth = 0;

        // The used records of a stratum are contiguous in walk order (records at risk at no event time pair with no one).
        int begin = 0;
        while (begin < data.Used)
        {
            int end = begin;
            while (end < data.Used && data.Stratum[end] == data.Stratum[begin])
            {
                end++;
            }

            Stratum stratum = new(data, risk, begin, end, concordantShare, discordantShare, tiedShare);
            stratum.Walk();
            concordant += stratum.Concordant;
            discordant += stratum.Discordant;
            tiedRisk += stratum.TiedRisk;
            tiedTime += stratum.TiedTime;
            tiedBoth += stratum.TiedBoth;
            begin = end;
        }

        double pairs = concordant + discordant + tiedRisk;
        double somers = (concordant - discordant) / pairs;
        double[] influence = new double[data.ClusterCount];
        for (int k = 0; k < n; k++)
        {
            influence[data.Cluster[k]] += ((concordantShare[k] - discordantShare[k]) / pairs)
                - ((somers / pairs) * (concordantShare[k] + discordantShare[k] + tiedShare[k]));
        }

        double variance = 0;
        foreach (double value in influence)
        {
            variance += value * value;
        }

        return new CoxConcordance(concordant, discordant, tiedRisk, tiedTime - tiedBoth, tiedBoth, (somers + 1) / 2, Math.Sqrt(variance / 4));
    }

    /// <summary>The walk over one stratum's records, walk positions [begin, end).</summary>
    private sealed class Stratum
    {
        private readonly CoxData data;
        private readonly int begin;
        private readonly int[] rank;
        private readonly Fenwick atRisk;
        private readonly Fenwick events;
        private readonly double[] concordantShare;
        private readonly double[] discordantShare;
        private readonly double[] tiedShare;

        public Stratum(CoxData data, ReadOnlySpan<double> risk, int begin, int end, double[] concordantShare, double[] discordantShare, double[] tiedShare)
        {
            this.data = data;
            this.begin = begin;
            this.concordantShare = concordantShare;
            this.discordantShare = discordantShare;
            this.tiedShare = tiedShare;
            int count = end - begin;
            double[] sorted = risk.Slice(begin, count).ToArray();
            Array.Sort(sorted);
            int distinct = 0;
            for (int i = 0; i < count; i++)
            {
                if (i == 0 || sorted[i] != sorted[distinct - 1])
                {
                    sorted[distinct++] = sorted[i];
                }
            }

            rank = new int[count];
            for (int i = 0; i < count; i++)
            {
                rank[i] = Array.BinarySearch(sorted, 0, distinct, risk[begin + i]);
            }

            atRisk = new Fenwick(distinct);
            events = new Fenwick(distinct);
        }

        public long Concordant { get; private set; }

        public long Discordant { get; private set; }

        public long TiedRisk { get; private set; }

        public long TiedTime { get; private set; }

        public long TiedBoth { get; private set; }

        public void Walk()
        {
            int count = rank.Length;

            // By stop time from the last (walk order), censored records before events at the same time (they are still at risk
            // then); and by start time from the last, as the data keep them.
            double[] stop = data.Stop;
            double[] start = data.Start;
            bool[] isEvent = data.IsEvent;
            int[] byStop = new int[count];
            for (int run = 0, next = 0; run < count; run = next)
            {
                next = run + 1;
                while (next < count && stop[begin + next] == stop[begin + run])
                {
                    next++;
                }

                int placed = run;
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int r = run; r < next; r++)
                    {
                        if (isEvent[begin + r] == (pass == 1))
                        {
                            byStop[placed++] = r;
                        }
                    }
                }
            }

            int[] byStart = new int[count];
            for (int r = 0; r < count; r++)
            {
                byStart[r] = data.ByStart[begin + r] - begin;
            }

            int leaving = 0;
            int i = 0;
            while (i < count)
            {
                int record = byStop[i];
                if (!isEvent[begin + record])
                {
                    Enter(record);
                    i++;
                    continue;
                }

                double time = stop[begin + record];
                for (; leaving < count && start[begin + byStart[leaving]] >= time; leaving++)
                {
                    Leave(byStart[leaving]);
                }

                int tied = i;
                while (tied < count && stop[begin + byStop[tied]] == time)
                {
                    tied++;
                }

                // Each event against those still at risk; then the events join the tree of events seen.
                for (int j = i; j < tied; j++)
                {
                    int death = byStop[j];
                    long less = atRisk.Below(rank[death]);
                    long equal = atRisk.At(rank[death]);
                    long greater = atRisk.Total - less - equal;
                    Concordant += less;
                    Discordant += greater;
                    TiedRisk += equal;
                    concordantShare[begin + death] += less;
                    discordantShare[begin + death] += greater;
                    tiedShare[begin + death] += equal;
                    events.Add(rank[death], 1);
                }

                long deaths = tied - i;
                TiedTime += deaths * (deaths - 1) / 2;
                int[] ranks = new int[deaths];
                for (int j = i; j < tied; j++)
                {
                    ranks[j - i] = rank[byStop[j]];
                }

                Array.Sort(ranks);
                for (int j = 0; j < ranks.Length;)
                {
                    int same = j;
                    while (same < ranks.Length && ranks[same] == ranks[j])
                    {
                        same++;
                    }

                    long group = same - j;
                    TiedBoth += group * (group - 1) / 2;
                    j = same;
                }

                for (int j = i; j < tied; j++)
                {
                    Enter(byStop[j]);
                }

                i = tied;
            }

            for (; leaving < count; leaving++)
            {
                Leave(byStart[leaving]);
            }
        }

        /// <summary>A record joins the risk set: its pairs with events still to come count from here.</summary>
        private void Enter(int record)
        {
            Share(record, -1);
            atRisk.Add(rank[record], 1);
        }

        /// <summary>A record leaves the risk set: the events seen since it joined are its pairs as the one at risk.</summary>
        private void Leave(int record)
        {
            Share(record, 1);
            atRisk.Add(rank[record], -1);
        }

        /// <summary>Adds <paramref name="sign"/> times the events seen so far to the record's shares (an event with a higher risk score is concordant).</summary>
        private void Share(int record, int sign)
        {
            long less = events.Below(rank[record]);
            long equal = events.At(rank[record]);
            long greater = events.Total - less - equal;
            concordantShare[begin + record] += sign * greater;
            discordantShare[begin + record] += sign * less;
            tiedShare[begin + record] += sign * equal;
        }
    }

    /// <summary>A Fenwick (binary indexed) tree of counts over ranks 0 to size − 1.</summary>
    private sealed class Fenwick(int size)
    {
        private readonly long[] tree = new long[size + 1];
        private readonly long[] counts = new long[size];

        public long Total { get; private set; }

        public void Add(int rank, long value)
        {
            counts[rank] += value;
            Total += value;
            for (int i = rank + 1; i <= size; i += i & -i)
            {
                tree[i] += value;
            }
        }

        /// <summary>The count at ranks below <paramref name="rank"/>.</summary>
        public long Below(int rank)
        {
            long sum = 0;
            for (int i = rank; i > 0; i -= i & -i)
            {
                sum += tree[i];
            }

            return sum;
        }

        public long At(int rank) => counts[rank];
    }
}
