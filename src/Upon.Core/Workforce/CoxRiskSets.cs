namespace Upon.Core.Workforce;

/// <summary>
/// Walks the event times of prepared Cox data from the last to the first, stratum by stratum, keeping running sums
/// over the risk set as R's <c>agfit4</c> does: records join when the walk reaches their stop time and leave when
/// it passes their start time, so each walk costs O(n·p²) rather than O(n²·p²).
/// </summary>
/// <remarks>
/// At each event time t the sums over the records at risk that do not have the event at t are in
/// <see cref="Denominator"/> (Σ r), <see cref="Sum"/> (Σ r·x) and <see cref="Squares"/> (Σ r·x·xᵀ, the triangle
/// [i, j] with j ≤ i), and those over the records with the event at t in <see cref="DeathDenominator"/>,
/// <see cref="DeathSum"/> and <see cref="DeathSquares"/>, where r = exp(η − <see cref="Recenter"/>). The visitor
/// must fold the deaths into the running sums (as Breslow's or Efron's rule does) before the walk moves on.
/// </remarks>
internal sealed class CoxRiskSets
{
    private readonly CoxData data;

    /// <summary>Initializes scratch space for walks over <paramref name="data"/> with <paramref name="width"/> covariates.</summary>
    public CoxRiskSets(CoxData data, int width)
    {
        this.data = data;
        Width = width;
        Sum = new double[width];
        DeathSum = new double[width];
        Squares = new double[width * width];
        DeathSquares = new double[width * width];
        Deaths = new int[data.Used];
    }

    /// <summary>Visits each event time of a walk.</summary>
    public interface IVisitor
    {
        /// <summary>Called once per distinct event time of a stratum, latest first.</summary>
        /// <param name="sets">The walk, with its sums and the positions of the records with the event.</param>
        /// <param name="time">The event time.</param>
        void Event(CoxRiskSets sets, double time);
    }

    /// <summary>Receives the terms of an event time as <see cref="FoldDeaths"/> works them out.</summary>
    public interface ITermSink
    {
        /// <summary>Takes a term w·log(R) of the log partial likelihood's denominator (to subtract).</summary>
        void Log(double term);

        /// <summary>Takes the term w·x̄<sub>i</sub> of covariate <paramref name="i"/> (to subtract from the score).</summary>
        void Mean(int i, double term);

        /// <summary>Takes the term w·(Σr·x<sub>i</sub>x<sub>j</sub>/R − x̄<sub>i</sub>x̄<sub>j</sub>) of the information, for j ≤ i.</summary>
        void Information(int i, int j, double term);
    }

    /// <summary>Gets the number of covariates the sums have.</summary>
    public int Width { get; }

    /// <summary>Gets or sets Σ r over the records at risk without the event.</summary>
    public double Denominator { get; set; }

    /// <summary>Gets Σ r·x over the records at risk without the event.</summary>
    public double[] Sum { get; }

    /// <summary>Gets Σ r·x·xᵀ over the records at risk without the event ([i, j] for j ≤ i).</summary>
    public double[] Squares { get; }

    /// <summary>Gets Σ r over the records with the event at this time.</summary>
    public double DeathDenominator { get; private set; }

    /// <summary>Gets Σ r·x over the records with the event.</summary>
    public double[] DeathSum { get; }

    /// <summary>Gets Σ r·x·xᵀ over the records with the event ([i, j] for j ≤ i).</summary>
    public double[] DeathSquares { get; }

    /// <summary>Gets the positions (in walk order) of the records with the event, in walk order.</summary>
    public int[] Deaths { get; }

    /// <summary>Gets the number of records with the event at this time.</summary>
    public int DeathCount { get; private set; }

    /// <summary>Gets the stratum of the event time being visited.</summary>
    public int CurrentStratum { get; private set; }

    /// <summary>Gets the constant subtracted from every η before exponentiating (R's <c>recenter</c>, to keep exp finite).</summary>
    public double Recenter { get; private set; }

    /// <summary>
    /// Walks the event times with covariates <paramref name="x"/> (row-major, <see cref="Width"/> a row, in walk
    /// order) and linear predictors <paramref name="eta"/> (in walk order).
    /// </summary>
    public void Walk<TVisitor>(ReadOnlySpan<double> x, ReadOnlySpan<double> eta, bool squares, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        int used = data.Used;
        int p = Width;
        ReadOnlySpan<double> start = data.Start;
        ReadOnlySpan<double> stop = data.Stop;
        ReadOnlySpan<bool> isEvent = data.IsEvent;
        ReadOnlySpan<int> stratum = data.Stratum;
        ReadOnlySpan<int> byStart = data.ByStart;
        Span<double> a = Sum;
        Span<double> cmat = Squares;
        Span<double> a2 = DeathSum;
        Span<double> cmat2 = DeathSquares;

        int person = 0;
        int leaving = 0;
        int atRisk = 0;
        double etaSum = 0;
        Recenter = 0;
        Reset(a, cmat);
        int current = used > 0 ? stratum[0] : 0;
        while (person < used)
        {
            int k;
            double time = 0;
            for (k = person; k < used; k++)
            {
                if (stratum[k] != current)
                {
                    current = stratum[k];
                    Reset(a, cmat);
                    atRisk = 0;
                    etaSum = 0;
                    person = k;
                    leaving = k;
                }

                if (isEvent[k])
                {
                    time = stop[k];
                    break;
                }
            }

            if (k == used)
            {
                break;
            }

            CurrentStratum = current;

            // Records whose start is at or after this time are no longer at risk.
            for (; leaving < used; leaving++)
            {
                int q = byStart[leaving];
                if (start[q] < time || stratum[q] != current)
                {
                    break;
                }

                atRisk--;
                if (atRisk == 0)
                {
                    etaSum = 0;
                    Reset(a, cmat);
                }
                else
                {
                    etaSum -= eta[q];
                    double risk = Math.Exp(eta[q] - Recenter);
                    Denominator -= risk;
                    ReadOnlySpan<double> row = x.Slice(q * p, p);
                    for (int i = 0; i < p; i++)
                    {
                        a[i] -= risk * row[i];
                        if (squares)
                        {
                            for (int j = 0; j <= i; j++)
                            {
                                cmat[(i * p) + j] -= risk * row[i] * row[j];
                            }
                        }
                    }
                }
            }

            // Records whose stop is at or after this time join; those with the event at this time are kept apart.
            DeathDenominator = 0;
            DeathCount = 0;
            a2.Clear();
            if (squares)
            {
                cmat2.Clear();
            }

            for (; person < used; person++)
            {
                if (stratum[person] != current || stop[person] < time)
                {
                    break;
                }

                atRisk++;
                etaSum += eta[person];
                if (Math.Abs((etaSum / atRisk) - Recenter) > 200)
                {
                    double shift = (etaSum / atRisk) - Recenter;
                    Recenter = etaSum / atRisk;
                    double factor = Math.Exp(-shift);
                    if (Denominator > 0)
                    {
                        Denominator *= factor;
                        Scale(a, factor);
                        Scale(cmat, factor);
                    }

                    // The records with the event at this time that joined already are on the old scale too.
                    if (DeathCount > 0)
                    {
                        DeathDenominator *= factor;
                        Scale(a2, factor);
                        if (squares)
                        {
                            Scale(cmat2, factor);
                        }
                    }
                }

                double risk = Math.Exp(eta[person] - Recenter);
                ReadOnlySpan<double> row = x.Slice(person * p, p);
                if (isEvent[person])
                {
                    Deaths[DeathCount++] = person;
                    DeathDenominator += risk;
                    Add(row, risk, a2, cmat2, squares);
                }
                else
                {
                    Denominator += risk;
                    Add(row, risk, a, cmat, squares);
                }
            }

            visitor.Event(this, time);
        }
    }

    /// <summary>
    /// Folds the records with the event into the running sums by Breslow's rule (all at once) or Efron's (a d-th at a
    /// time, in d steps), handing <paramref name="sink"/> each step's terms, as R's <c>agfit4</c> and <c>zph2</c> do.
    /// </summary>
    public void FoldDeaths<TSink>(bool efron, ref TSink sink)
        where TSink : struct, ITermSink
    {
        int p = Width;
        int deaths = DeathCount;
        double[] a = Sum;
        double[] a2 = DeathSum;
        double[] cmat = Squares;
        double[] cmat2 = DeathSquares;
        double meanWeight = deaths;
        if (!efron || deaths == 1)
        {
            Denominator += DeathDenominator;
            double denom = Denominator;
            sink.Log(meanWeight * Math.Log(denom));
            for (int i = 0; i < p; i++)
            {
                a[i] += a2[i];
                double mean = a[i] / denom;
                sink.Mean(i, meanWeight * mean);
                for (int j = 0; j <= i; j++)
                {
                    cmat[(i * p) + j] += cmat2[(i * p) + j];
                    sink.Information(i, j, meanWeight * ((cmat[(i * p) + j] - (mean * a[j])) / denom));
                }
            }

            return;
        }

        meanWeight /= deaths;
        for (int k = 0; k < deaths; k++)
        {
            Denominator += DeathDenominator / deaths;
            double denom = Denominator;
            sink.Log(meanWeight * Math.Log(denom));
            for (int i = 0; i < p; i++)
            {
                a[i] += a2[i] / deaths;
                double mean = a[i] / denom;
                sink.Mean(i, meanWeight * mean);
                for (int j = 0; j <= i; j++)
                {
                    cmat[(i * p) + j] += cmat2[(i * p) + j] / deaths;
                    sink.Information(i, j, meanWeight * ((cmat[(i * p) + j] - (mean * a[j])) / denom));
                }
            }
        }
    }

    /// <summary>Multiplies every value by <paramref name="factor"/>.</summary>
    private static void Scale(Span<double> values, double factor)
    {
        foreach (ref double value in values)
        {
            value *= factor;
        }
    }

    private static void Add(ReadOnlySpan<double> row, double risk, Span<double> sum, Span<double> squares, bool withSquares)
    {
        int p = row.Length;
        for (int i = 0; i < p; i++)
        {
            sum[i] += risk * row[i];
            if (withSquares)
            {
                for (int j = 0; j <= i; j++)
                {
                    squares[(i * p) + j] += risk * row[i] * row[j];
                }
            }
        }
    }

    private void Reset(Span<double> a, Span<double> cmat)
    {
        Denominator = 0;
        a.Clear();
        cmat.Clear();
    }
}
