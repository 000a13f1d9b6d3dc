using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Reads the competing-risk golden files written by Golden/survival/make-cif-golden.R and compares estimates with their rows.</summary>
internal static class CompetingRiskGolden
{
    /// <summary>R's name of the state "still in post".</summary>
    public const string InPost = "(s0)";

    private static readonly Lazy<Dictionary<string, List<(string Group, CompetingRiskRecord Record)>>> DataSets = new(ReadData);

    /// <summary>Gets the records of a data set with their groups.</summary>
    public static List<(string Group, CompetingRiskRecord Record)> Data(string dataset) => DataSets.Value[dataset];

    /// <summary>Gets the records of a data set.</summary>
    public static List<CompetingRiskRecord> Records(string dataset) => [.. Data(dataset).Select(r => r.Record)];

    /// <summary>Gets the reasons of a data set in R's order (its factor levels after censoring, unused ones included).</summary>
    public static List<string> Reasons(string dataset) =>
        [.. SurvivalGolden.Rows("cif-curves.csv").Where(r => r["dataset"] == dataset).Select(r => r["state"]).Distinct().Where(s => s != InPost)];

    /// <summary>
    /// Asserts that the points of <paramref name="curve"/> are R's <paramref name="rows"/>, one block of rows per time (the state "(s0)" first, then the
    /// reasons in order), and returns the largest difference found in a probability, standard error or limit.
    /// </summary>
    public static double AssertPoints(IReadOnlyList<Dictionary<string, string>> rows, CumulativeIncidenceCurve curve, string what)
    {
        int states = curve.Reasons.Length + 1;
        Assert.Equal(rows.Count, curve.Points.Length * states);
        double largest = 0;
        for (int i = 0; i < curve.Points.Length; i++)
        {
            CumulativeIncidencePoint point = curve.Points[i];
            for (int j = 0; j < states; j++)
            {
                Dictionary<string, string> row = rows[(i * states) + j];
                string at = $"{what} t={row["time"]} {row["state"]}";
                SurvivalGolden.Close(row["time"], point.Time, at + " time");
                Assert.Equal(long.Parse(row["n.risk"], CultureInfo.InvariantCulture), point.AtRisk);
                Assert.Equal(long.Parse(row["n.censor"], CultureInfo.InvariantCulture), point.Censored);
                StateProbability state;
                if (j == 0)
                {
                    Assert.Equal(InPost, row["state"]);
                    Assert.Equal("0", row["n.event"]);
                    state = point.InPost;
                }
                else
                {
                    Assert.Equal(curve.Reasons[j - 1], row["state"]);
                    Assert.Equal(long.Parse(row["n.event"], CultureInfo.InvariantCulture), point.Events[j - 1]);
                    state = point.Incidence[j - 1];
                }

                largest = Math.Max(largest, Close(row, state, at));
            }
        }

        return largest;
    }

    /// <summary>Asserts that <paramref name="state"/> is R's <c>pstate</c>, <c>std.err</c>, <c>lower</c> and <c>upper</c> of <paramref name="row"/>, and returns the largest difference.</summary>
    public static double Close(Dictionary<string, string> row, StateProbability state, string at)
    {
        SurvivalGolden.Close(row["pstate"], state.Probability, at + " pstate");
        SurvivalGolden.Close(row["std.err"], state.StandardError, at + " std.err");
        SurvivalGolden.Close(row["lower"], state.Lower, at + " lower");
        SurvivalGolden.Close(row["upper"], state.Upper, at + " upper");
        return new[] { Difference(row["pstate"], state.Probability), Difference(row["std.err"], state.StandardError), Difference(row["lower"], state.Lower), Difference(row["upper"], state.Upper) }.Max();
    }

    private static double Difference(string expected, double actual)
    {
        double e = SurvivalGolden.Number(expected);
        return double.IsNaN(e) ? 0 : Math.Abs(e - actual) / Math.Max(1, Math.Abs(e));
    }

    private static Dictionary<string, List<(string, CompetingRiskRecord)>> ReadData()
    {
        Dictionary<string, List<(string, CompetingRiskRecord)>> sets = new(StringComparer.Ordinal);
        foreach (Dictionary<string, string> row in SurvivalGolden.Rows("cif-data.csv"))
        {
            if (!sets.TryGetValue(row["dataset"], out List<(string, CompetingRiskRecord)>? list))
            {
                list = [];
                sets.Add(row["dataset"], list);
            }

            string? reason = row["reason"] == "censor" ? null : row["reason"];
            list.Add((row["group"], new CompetingRiskRecord(SurvivalGolden.Number(row["entry"]), SurvivalGolden.Number(row["exit"]), reason)));
        }

        return sets;
    }
}
