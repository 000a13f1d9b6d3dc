using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Upon.Core.Workforce;

namespace Upon.Core.Benchmarks;

/// <summary>
/// Cox proportional hazards. Target (issue 16): a Cox model with 3 covariates on 100,000 counting-process records in
/// under 1 s (Efron's ties, with the concordance, as R's <c>coxph</c>). <c>benchmarks/cox/time-coxph.R</c> builds the
/// same records in R and times <c>coxph</c> on them.
/// </summary>
[MemoryDiagnoser]
public class CoxBenchmarks
{
    /// <summary>The number of records.</summary>
    public const int RecordCount = 100_000;

    /// <summary>The records: see <see cref="Build"/>.</summary>
    private static readonly CoxRecord[] Records = Build(RecordCount, clustered: false);

    /// <summary>The same records, each naming its DCS as its cluster.</summary>
    private static readonly CoxRecord[] Clustered = Build(RecordCount, clustered: true);

    private static readonly CoxOptions Options = CoxOptions.Default with { CovariateNames = ["interim", "age", "inadequate"] };

    /// <summary>Efron's ties, 3 covariates, 100,000 records in counting-process form.</summary>
    [Benchmark]
    public CoxFit Cox100kRecords() => ProportionalHazards.Fit(Records, Options);

    /// <summary>The same with Breslow's ties.</summary>
    [Benchmark]
    public CoxFit Cox100kRecordsBreslow() => ProportionalHazards.Fit(Records, Options with { Ties = CoxTies.Breslow });

    /// <summary>The same with a robust variance, the records clustered by DCS (R's <c>cluster = id</c>).</summary>
    [Benchmark]
    public CoxFit Cox100kRecordsRobust() => ProportionalHazards.Fit(Clustered, Options);

    /// <summary>The test of proportional hazards (R's <c>cox.zph</c>, Kaplan–Meier transform) of the fit of <see cref="Cox100kRecords"/>.</summary>
    [Benchmark]
    public ProportionalHazardsTest CoxZph100kRecords() => Fitted.TestProportionalHazards();

    private static CoxFit Fitted { get; } = ProportionalHazards.Fit(Records, Options);

    /// <summary>
    /// DCS tenures in days, made by the minimal standard generator (x ← 48271·x mod 2³¹ − 1, from 20250611) so that R can make
    /// the very same ones: for each DCS, interim one time in four, age 40 to 64, a tenure of 1 to 5,000 days (the smaller of two
    /// draws, so short tenures are commoner), entry one time in ten part-way through the tenure (delayed entry), censored one
    /// time in four, and one time in two an Ofsted judgement of inadequate part-way through that splits the tenure into two
    /// records (a time-varying covariate). DCSs are added until there are <paramref name="count"/> records.
    /// </summary>
    /// <param name="count">The number of records.</param>
    /// <param name="clustered">True to give each record its DCS's number as its cluster.</param>
    /// <returns>The records.</returns>
    public static CoxRecord[] Build(int count, bool clustered)
    {
        MinimalStandard random = new(20250611);
        List<CoxRecord> records = new(count);
        int person = 0;
        while (records.Count < count)
        {
            person++;
            string? id = clustered ? person.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            double interim = random.Next() < 0.25 ? 1 : 0;
            double age = 40 + Math.Floor(25 * random.Next());
            double tenure = 1 + Math.Min(Math.Floor(5000 * random.Next()), Math.Floor(5000 * random.Next()));
            double entry = random.Next() < 0.1 ? Math.Floor(tenure * random.Next()) : 0;
            bool isEvent = random.Next() >= 0.25;
            double judged = random.Next() < 0.5 ? Math.Floor(entry + ((tenure - entry) * random.Next())) : entry;
            if (judged > entry && records.Count + 2 <= count)
            {
                records.Add(new CoxRecord(entry, judged, false, [interim, age, 0], cluster: id));
                records.Add(new CoxRecord(judged, tenure, isEvent, [interim, age, 1], cluster: id));
            }
            else
            {
                records.Add(new CoxRecord(entry, tenure, isEvent, [interim, age, 0], cluster: id));
            }
        }

        return [.. records];
    }
}
