namespace Upon.Core.Workforce;

/// <summary>
/// Cox regression records checked and laid out for the walks over risk sets: in R's <c>agreg.fit</c> order
/// (stratum, then stop time from the last, then input order), the records that are at risk at some event time of
/// their stratum first (<see cref="Used"/> of them) and the rest after. Immutable once built.
/// </summary>
internal sealed class CoxData
{
    private CoxData(int count, int width)
    {
        Count = count;
        Width = width;
        Start = new double[count];
        Stop = new double[count];
        IsEvent = new bool[count];
        Stratum = new int[count];
        Cluster = new int[count];
        Record = new int[count];
        X = new double[count * width];
    }

    /// <summary>Gets the number of records.</summary>
    public int Count { get; }

    /// <summary>Gets the number of covariates.</summary>
    public int Width { get; }

    /// <summary>Gets the number of records at risk at some event time of their stratum: those first in walk order.</summary>
    public int Used { get; private set; }

    /// <summary>Gets the number of events.</summary>
    public int Events { get; private set; }

    /// <summary>Gets a value indicating whether every record starts at 0 (right-censored data, which R fits with <c>coxph.fit</c>).</summary>
    public bool RightCensored { get; private set; }

    /// <summary>Gets the start times, in walk order.</summary>
    public double[] Start { get; }

    /// <summary>Gets the stop times, in walk order.</summary>
    public double[] Stop { get; }

    /// <summary>Gets the event indicators, in walk order.</summary>
    public bool[] IsEvent { get; }

    /// <summary>Gets the strata (numbered from 0 in ordinal order of their names, null first), in walk order.</summary>
    public int[] Stratum { get; }

    /// <summary>Gets the number of strata.</summary>
    public int StratumCount { get; private set; }

    /// <summary>Gets the clusters (numbered from 0; a record without one is a cluster of its own), in walk order.</summary>
    public int[] Cluster { get; }

    /// <summary>Gets the number of clusters.</summary>
    public int ClusterCount { get; private set; }

    /// <summary>Gets a value indicating whether some record names a cluster.</summary>
    public bool HasClusters { get; private set; }

    /// <summary>Gets the position in the input of each record, in walk order.</summary>
    public int[] Record { get; }

    /// <summary>Gets the covariates, row-major, in walk order.</summary>
    public double[] X { get; }

    /// <summary>Gets the walk positions of the used records ordered by stratum, then start time from the last, then input order (R's <c>sort.start</c>).</summary>
    public int[] ByStart { get; private set; } = [];

    /// <summary>Checks the records and lays them out.</summary>
    /// <exception cref="ArgumentException">A record is default, the records have different numbers of covariates, there are none, or none has an event.</exception>
    public static CoxData From(IEnumerable<CoxRecord> records, string paramName)
    {
        List<CoxRecord> list = records switch
        {
            List<CoxRecord> l => l,
            _ => [.. records],
        };
        Guard.Against.Invalid(list.Count == 0, "A Cox model needs at least one record.", paramName);
        int width = list[0].Covariates.IsDefault ? 0 : list[0].Covariates.Length;
        int n = list.Count;
        string?[] strata = new string?[n];
        string?[] clusters = new string?[n];
        double[] start = new double[n];
        double[] stop = new double[n];
        bool[] events = new bool[n];
        double[] x = new double[n * width];
        bool anyEvent = false;
        bool rightCensored = true;
        for (int i = 0; i < n; i++)
        {
            CoxRecord record = list[i];
            Guard.Against.Invalid(!record.IsValid, $"Record {i} is default (it has no covariates).", paramName);
            Guard.Against.Invalid(record.Covariates.Length != width, $"Record {i} has {record.Covariates.Length} covariates where record 0 has {width}.", paramName);
            start[i] = record.Start;
            stop[i] = record.Stop;
            events[i] = record.IsEvent;
            anyEvent |= record.IsEvent;
            rightCensored &= record.Start == 0;
            strata[i] = record.Stratum;
            clusters[i] = record.Cluster;
            record.Covariates.AsSpan().CopyTo(x.AsSpan(i * width, width));
        }

        Guard.Against.Invalid(!anyEvent, "A Cox model needs at least one event (R: \"Can't fit a Cox model with 0 failures\").", paramName);

        int[] stratum = Number(strata, out int stratumCount);
        bool[] used = UsedRecords(start, stop, events, stratum, stratumCount);

        // R's order(ignore, strata, -stop): used records first, by stratum, stop time from the last, input order.
        int[] groups = new int[n];
        int[] inputs = new int[n];
        for (int i = 0; i < n; i++)
        {
            groups[i] = used[i] ? stratum[i] : stratumCount;
            inputs[i] = i;
        }

        int[] walk = Order(stop, inputs, groups, stratumCount + 1);
        CoxData data = new(n, width) { RightCensored = rightCensored, StratumCount = stratumCount };
        bool hasClusters = false;
        Dictionary<string, int> clusterIds = new(StringComparer.Ordinal);
        int nextCluster = 0;
        int[] clusterOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (clusters[i] is string name)
            {
                hasClusters = true;
                if (!clusterIds.TryGetValue(name, out int id))
                {
                    id = nextCluster++;
                    clusterIds.Add(name, id);
                }

                clusterOf[i] = id;
            }
            else
            {
                clusterOf[i] = nextCluster++;
            }
        }

        for (int position = 0; position < n; position++)
        {
            int i = walk[position];
            data.Record[position] = i;
            data.Start[position] = start[i];
            data.Stop[position] = stop[i];
            data.IsEvent[position] = events[i];
            data.Stratum[position] = stratum[i];
            data.Cluster[position] = clusterOf[i];
            x.AsSpan(i * width, width).CopyTo(data.X.AsSpan(position * width, width));
            if (used[i])
            {
                data.Used++;
            }

            if (events[i])
            {
                data.Events++;
            }
        }

        data.ClusterCount = nextCluster;
        data.HasClusters = hasClusters;

        // R's order(ignore, strata, -start) over the used records.
        int[] byStart = Order(data.Start.AsSpan(0, data.Used), data.Record, data.Stratum, stratumCount);
        data.ByStart = byStart;
        return data;
    }

    /// <summary>Gets the mean of each covariate over all records.</summary>
    public double[] Means()
    {
        double[] means = new double[Width];
        for (int k = 0; k < Width; k++)
        {
            double sum = 0;
            for (int i = 0; i < Count; i++)
            {
                sum += X[(i * Width) + k];
            }

            means[k] = sum / Count;
        }

        return means;
    }

    /// <summary>Gets a value for each covariate saying whether R centres and scales it: true unless all its values are −1, 0 or 1 (R's <c>nocenter</c>).</summary>
    public bool[] Scaled()
    {
        bool[] scaled = new bool[Width];
        for (int i = 0; i < Count; i++)
        {
            for (int k = 0; k < Width; k++)
            {
                double value = X[(i * Width) + k];
                if (value is not (-1 or 0 or 1))
                {
                    scaled[k] = true;
                }
            }
        }

        return scaled;
    }

    /// <summary>
    /// Positions 0 to <paramref name="keys"/>.Length − 1 ordered by group (ascending), then key (from the largest), then
    /// <paramref name="ties"/> (ascending): a sort of primitive keys, a sort of each run of equal keys, and a stable pass by group.
    /// </summary>
    private static int[] Order(ReadOnlySpan<double> keys, int[] ties, int[] groups, int groupCount)
    {
        int n = keys.Length;
        double[] negated = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            negated[i] = -keys[i];
            order[i] = i;
        }

        Array.Sort(negated, order);
        int[] tieKeys = new int[n];
        for (int run = 0; run < n;)
        {
            int end = run + 1;
            while (end < n && negated[end] == negated[run])
            {
                end++;
            }

            if (end - run > 1)
            {
                for (int k = run; k < end; k++)
                {
                    tieKeys[k] = ties[order[k]];
                }

                Array.Sort(tieKeys, order, run, end - run);
            }

            run = end;
        }

        int[] starts = new int[groupCount + 1];
        for (int i = 0; i < n; i++)
        {
            starts[groups[i] + 1]++;
        }

        for (int g = 0; g < groupCount; g++)
        {
            starts[g + 1] += starts[g];
        }

        int[] result = new int[n];
        foreach (int i in order)
        {
            result[starts[groups[i]]++] = i;
        }

        return result;
    }

    private static int[] Number(string?[] names, out int count)
    {
        SortedSet<string> distinct = new(StringComparer.Ordinal);
        bool hasNull = false;
        foreach (string? name in names)
        {
            if (name is null)
            {
                hasNull = true;
            }
            else
            {
                distinct.Add(name);
            }
        }

        Dictionary<string, int> numbers = new(StringComparer.Ordinal);
        int next = hasNull ? 1 : 0;
        foreach (string name in distinct)
        {
            numbers.Add(name, next++);
        }

        count = next;
        int[] result = new int[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            result[i] = names[i] is string name ? numbers[name] : 0;
        }

        return result;
    }

    /// <summary>R's <c>ignore</c>, negated: a record is used when some event time of its stratum lies in (start, stop].</summary>
    private static bool[] UsedRecords(double[] start, double[] stop, bool[] events, int[] stratum, int stratumCount)
    {
        List<double>[] times = new List<double>[stratumCount];
        for (int s = 0; s < stratumCount; s++)
        {
            times[s] = [];
        }

        for (int i = 0; i < stop.Length; i++)
        {
            if (events[i])
            {
                times[stratum[i]].Add(stop[i]);
            }
        }

        double[][] sorted = new double[stratumCount][];
        for (int s = 0; s < stratumCount; s++)
        {
            times[s].Sort();
            sorted[s] = [.. times[s]];
        }

        bool[] used = new bool[stop.Length];
        for (int i = 0; i < stop.Length; i++)
        {
            double[] t = sorted[stratum[i]];
            used[i] = CountAtOrBelow(t, stop[i]) != CountAtOrBelow(t, start[i]);
        }

        return used;
    }

    /// <summary>The number of values in the sorted <paramref name="values"/> at or below <paramref name="limit"/> (R's <c>findInterval</c>).</summary>
    internal static int CountAtOrBelow(ReadOnlySpan<double> values, double limit)
    {
        int low = 0;
        int high = values.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (values[middle] <= limit)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
