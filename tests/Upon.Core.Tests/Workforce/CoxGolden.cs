using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Reads the Cox golden files written by Golden/survival/make-cox-golden.R and compares numbers with them.</summary>
internal static class CoxGolden
{
    /// <summary>The largest difference allowed from R: absolute for values up to 1 in size, relative above.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Gets the rows of cox-fits.csv, one per fit.</summary>
    public static List<Dictionary<string, string>> Fits => SurvivalGolden.Rows("cox-fits.csv");

    /// <summary>Gets the row of cox-fits.csv for <paramref name="fit"/>.</summary>
    public static Dictionary<string, string> FitRow(string fit) => Fits.Single(r => r["fit"] == fit);

    /// <summary>Gets the covariate names of a fit's row.</summary>
    public static ImmutableArray<string> Covariates(Dictionary<string, string> row) => [.. row["covariates"].Split(';')];

    /// <summary>Gets the records of data set <paramref name="dataset"/> with the covariates, stratum and cluster columns named.</summary>
    public static List<CoxRecord> Records(string dataset, IReadOnlyList<string> covariates, string stratum, string cluster) =>
        [.. SurvivalGolden.Rows($"cox-data-{dataset}.csv").Select(r => new CoxRecord(
            SurvivalGolden.Number(r["start"]),
            SurvivalGolden.Number(r["stop"]),
            r["event"] == "1",
            [.. covariates.Select(c => SurvivalGolden.Number(r[c]))],
            stratum.Length == 0 ? null : r[stratum],
            cluster.Length == 0 ? null : r[cluster]))];

    /// <summary>Gets the records of the fit in row <paramref name="row"/> of cox-fits.csv.</summary>
    public static List<CoxRecord> Records(Dictionary<string, string> row) => Records(row["dataset"], Covariates(row), row["stratum"], row["cluster"]);

    /// <summary>Fits the model of row <paramref name="row"/> of cox-fits.csv as R did, at confidence level <paramref name="level"/>.</summary>
    public static CoxFit Fit(Dictionary<string, string> row, double level = 0.95) =>
        ProportionalHazards.Fit(Records(row), new CoxOptions
        {
            Ties = row["ties"] == "efron" ? CoxTies.Efron : CoxTies.Breslow,
            CovariateNames = Covariates(row),
            Robust = row["robust"] == "TRUE",
            ConfidenceLevel = level,
            MaxIterations = int.Parse(row["iter.max"], CultureInfo.InvariantCulture),
        });

    /// <summary>
    /// Asserts that <paramref name="actual"/> matches R's <paramref name="expected"/> (NA only by NaN, Inf only by infinity, numbers to
    /// <see cref="Tolerance"/>), and returns the difference (relative above 1 in size).
    /// </summary>
    public static double Close(string expected, double actual, string what)
    {
        double e = SurvivalGolden.Number(expected);
        if (double.IsNaN(e) || double.IsInfinity(e))
        {
            Assert.True(e.Equals(actual), $"{what}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
            return 0;
        }

        double difference = Math.Abs(e - actual) / Math.Max(1, Math.Abs(e));
        Assert.True(difference <= Tolerance, $"{what}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
        return difference;
    }

    /// <summary>Asserts that a p-value matches R's to <see cref="Tolerance"/> relative to its size, and returns the relative difference.</summary>
    public static double ClosePValue(string expected, double actual, string what)
    {
        double e = SurvivalGolden.Number(expected);
        if (double.IsNaN(e))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NA, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
            return 0;
        }

        double difference = e == 0 ? Math.Abs(actual) : Math.Abs(e - actual) / e;
        Assert.True(difference <= Tolerance, $"{what}: expected {expected}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
        return difference;
    }
}
