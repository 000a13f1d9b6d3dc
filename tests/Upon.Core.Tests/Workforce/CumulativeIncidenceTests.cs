using System;
using System.Collections.Generic;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Examples and argument checks for competing-risk records, cumulative incidence curves and their strata.</summary>
public sealed class CumulativeIncidenceTests
{
    /// <summary>Ten tenures in months: the docs' example (R: survfit(Surv(months, reason) ~ 1)).</summary>
    private static readonly CompetingRiskRecord[] Tenures =
    [
        new(8, "moved"), new(14, "retired"), new(14, null), new(20, "moved"), new(27, "left"),
        new(30, null), new(36, "moved"), new(41, "retired"), new(50, null), new(60, null),
    ];

    [Theory]
    [InlineData(-1.0, 2.0, "entry", "The entry time must be finite and at least 0.")]
    [InlineData(double.NaN, 2.0, "entry", "The entry time must be finite and at least 0.")]
    [InlineData(double.PositiveInfinity, 2.0, "entry", "The entry time must be finite and at least 0.")]
    [InlineData(2.0, 2.0, "exit", "The exit time must be finite and after the entry time.")]
    [InlineData(0.0, double.PositiveInfinity, "exit", "The exit time must be finite and after the entry time.")]
    [InlineData(0.0, double.NaN, "exit", "The exit time must be finite and after the entry time.")]
    public void Record_BadTimes_AreRefused(double entry, double exit, string param, string message)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new CompetingRiskRecord(entry, exit, "moved"));
        Assert.Equal(param, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Record_BlankReason_IsRefused(string reason)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new CompetingRiskRecord(3, reason));
        Assert.Equal("reason", error.ParamName);
        Assert.StartsWith("An exit reason must not be empty or white space; null marks a censored record.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_HoldsItsValues_AndIsEqualByValue_WithReasonsComparedOrdinally()
    {
        CompetingRiskRecord record = new(2, 7.5, "retired");
        Assert.Equal((2.0, 7.5, "retired", false), (record.Entry, record.Exit, record.Reason, record.IsCensored));
        CompetingRiskRecord censored = new(4, null);
        Assert.Equal((0.0, 4.0, true), (censored.Entry, censored.Exit, censored.IsCensored));
        Assert.Null(censored.Reason);

        Assert.Equal(new CompetingRiskRecord(2, 7.5, "retired"), record);
        Assert.Equal(new CompetingRiskRecord(2, 7.5, "retired").GetHashCode(), record.GetHashCode());
        Assert.NotEqual(new CompetingRiskRecord(2, 7.5, "Retired"), record);
        Assert.NotEqual(new CompetingRiskRecord(2, 7.5, null), record);
        Assert.NotEqual(new CompetingRiskRecord(7.5, "retired"), record);
    }

    [Fact]
    public void Estimate_BadArguments_AreRefused()
    {
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => CumulativeIncidence.Estimate(null!)).ParamName);

        ArgumentException defaultRecord = Assert.Throws<ArgumentException>(() => CumulativeIncidence.Estimate([new(3, "a"), default]));
        Assert.Equal("records", defaultRecord.ParamName);
        Assert.StartsWith("A competing-risk record's exit must be after its entry; default(CompetingRiskRecord) is not a record.", defaultRecord.Message, StringComparison.Ordinal);

        ArgumentException unknown = Assert.Throws<ArgumentException>(() => CumulativeIncidence.Estimate([new(3, "a"), new(4, "b")], ["a"]));
        Assert.Equal("records", unknown.ParamName);
        Assert.StartsWith("A record's exit reason is not one of the reasons given.", unknown.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException type = Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeIncidence.Estimate([], confidenceType: (ConfidenceIntervalType)7));
        Assert.Equal("confidenceType", type.ParamName);
        Assert.StartsWith("The confidence interval type must be Log, Plain or LogLog.", type.Message, StringComparison.Ordinal);

        foreach (double level in new[] { 0.0, 1.0, 0.9999999, double.NaN, -0.5 })
        {
            ArgumentOutOfRangeException bad = Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeIncidence.Estimate([], confidenceLevel: level));
            Assert.Equal("confidenceLevel", bad.ParamName);
            Assert.StartsWith("The confidence level must be above 0 and at most 0.999999.", bad.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "a", null }, "Reason 1 is null.")]
    [InlineData(new[] { "a", "b", " " }, "Reason 2 is empty or white space.")]
    [InlineData(new[] { "", "a" }, "Reason 0 is empty or white space.")]
    [InlineData(new[] { "a", "b", "a" }, "Reason 2 repeats reason 0.")]
    public void Estimate_BadReasons_AreRefused(string?[] reasons, string message)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CumulativeIncidence.Estimate([], reasons!));
        Assert.Equal("reasons", error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);

        ArgumentException stratified = Assert.Throws<ArgumentException>(() => CumulativeIncidence.EstimateBy<string>([], reasons!));
        Assert.Equal("reasons", stratified.ParamName);
        Assert.StartsWith(message, stratified.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateBy_BadArguments_AreRefused()
    {
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => CumulativeIncidence.EstimateBy<string>(null!)).ParamName);

        ArgumentNullException nullKey = Assert.Throws<ArgumentNullException>(() => CumulativeIncidence.EstimateBy<string>([("a", new CompetingRiskRecord(3, "x")), (null!, new CompetingRiskRecord(4, "x"))]));
        Assert.Equal("records", nullKey.ParamName);
        Assert.StartsWith("A record's key is null.", nullKey.Message, StringComparison.Ordinal);

        ArgumentException unknown = Assert.Throws<ArgumentException>(() => CumulativeIncidence.EstimateBy<string>([("a", new CompetingRiskRecord(3, "x"))], ["y"]));
        Assert.Equal("records", unknown.ParamName);

        Assert.Equal("confidenceType", Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeIncidence.EstimateBy<string>([], confidenceType: (ConfidenceIntervalType)(-1))).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeIncidence.EstimateBy<string>([], confidenceLevel: 1)).ParamName);
    }

    [Fact]
    public void Estimate_NoRecords_IsAnEmptyCurve_WithTheReasonsGiven()
    {
        CumulativeIncidenceCurve none = CumulativeIncidence.Estimate([]);
        Assert.Empty(none.Points);
        Assert.Empty(none.Reasons);
        Assert.Equal(0, none.RecordCount);
        Assert.Null(none.InPostAt(0));
        Assert.Equal("Cumulative incidence: n = 0", none.ToString());

        CumulativeIncidenceCurve declared = CumulativeIncidence.Estimate([], ["moved", "retired"]);
        Assert.Equal(["moved", "retired"], declared.Reasons.ToArray());
        Assert.Equal([0L, 0L], declared.EventCounts.ToArray());
        Assert.Null(declared.IncidenceAt("moved", 1));
    }

    [Fact]
    public void Reasons_FoundInTheRecords_AreInOrdinalOrder_AndGivenReasonsKeepTheirOrder_UnusedOnesIncluded()
    {
        CompetingRiskRecord[] records = [new(1, "b"), new(2, "a"), new(3, "C"), new(4, null), new(5, "b")];

        CumulativeIncidenceCurve found = CumulativeIncidence.Estimate(records);
        Assert.Equal(["C", "a", "b"], found.Reasons.ToArray());
        Assert.Equal([1L, 1L, 2L], found.EventCounts.ToArray());
        Assert.Equal(1, found.CensoredCount);
        Assert.Equal([0L, 0L, 1L], found.Points[0].Events.ToArray());

        CumulativeIncidenceCurve given = CumulativeIncidence.Estimate(records, ["b", "restructure", "a", "C"]);
        Assert.Equal(["b", "restructure", "a", "C"], given.Reasons.ToArray());
        Assert.Equal([2L, 0L, 1L, 1L], given.EventCounts.ToArray());
        Assert.All(given.Points, p => Assert.Equal(new StateProbability(0, 0, double.NaN, double.NaN), p.Incidence[1]));
        StateProbability foundB = found.Points[^1].Incidence[2];
        StateProbability givenB = given.Points[^1].Incidence[0];
        Assert.Equal(foundB.Probability, givenB.Probability);
        Assert.Equal(foundB.StandardError, givenB.StandardError, 1e-15);
        Assert.Equal(1, given.IndexOf("restructure"));
        Assert.Equal(-1, given.IndexOf("c"));
    }

    [Fact]
    public void Estimate_OfTheDocsExample_IsRs()
    {
        // R: summary(survfit(Surv(months, factor(reason, c("censor", "left", "moved", "retired")))), times = c(24, 48))
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(Tenures, ["left", "moved", "retired"]);

        StateProbability moved = curve.IncidenceAt("moved", 48)!.Value;
        Assert.Equal(0.357142857142857, moved.Probability, 12);
        Assert.Equal(0.168858282395409, moved.StandardError, 12);
        Assert.Equal(0.1413810370963052, moved.Lower, 12);
        Assert.Equal(0.902179125488228, moved.Upper, 12);

        StateProbability inPost = curve.InPostAt(24)!.Value;
        Assert.Equal(0.685714285714286, inPost.Probability, 12);
        Assert.Equal(0.151494017432321, inPost.StandardError, 12);
        Assert.Equal(0.4447216606852119, inPost.Lower, 12);
        Assert.Equal(1, inPost.Upper);

        Assert.Equal(
            "Cumulative incidence: n = 10; by 60: in post 0.2857, left 0.1143 (1 exit), moved 0.3571 (3 exits), retired 0.2429 (2 exits)",
            curve.ToString());
        Assert.Equal("t = 14: at risk 9, exits [0, 0, 1], censored 1; in post 0.8, incidence [0, 0.1, 0.1]", curve.Points[1].ToString());
        Assert.Equal("t = 0: at risk 0, exits [], censored 0; in post 0, incidence []", default(CumulativeIncidencePoint).ToString());
    }

    [Fact]
    public void EstimatesAtChosenTimes_AreTheStepFunction_StartingInPost_AndEndingAtTheLastTime()
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(Tenures);
        CumulativeIncidencePoint first = curve.Points[0];

        // Before the first time: everyone in post, no exits, the limits of a standard error of 0.
        Assert.Equal(new StateProbability(1, 0, 1, 1), curve.InPostAt(0)!.Value);
        Assert.Equal(new StateProbability(1, 0, 1, 1), curve.InPostAt(7.9)!.Value);
        Assert.Equal(new StateProbability(0, 0, double.NaN, double.NaN), curve.IncidenceAt("moved", 7.9)!.Value);
        CumulativeIncidenceCurve plain = CumulativeIncidence.Estimate(Tenures, confidenceType: ConfidenceIntervalType.Plain);
        Assert.Equal(new StateProbability(0, 0, 0, 0), plain.IncidenceAt("moved", 0)!.Value);
        CumulativeIncidenceCurve logLog = CumulativeIncidence.Estimate(Tenures, confidenceType: ConfidenceIntervalType.LogLog);
        Assert.Equal(new StateProbability(1, 0, double.NaN, double.NaN), logLog.InPostAt(0)!.Value);

        // At a time, and until the next: that point's values.
        Assert.Equal(first.InPost, curve.InPostAt(8)!.Value);
        Assert.Equal(first.Incidence[curve.IndexOf("moved")], curve.IncidenceAt("moved", 13.99)!.Value);
        Assert.Equal(curve.Points[^1].Incidence[curve.IndexOf("retired")], curve.IncidenceAt("retired", 60)!.Value);

        // After the last time: nothing, as R's summary leaves such times out.
        Assert.Null(curve.InPostAt(60.5));
        Assert.Null(curve.IncidenceAt("moved", 61));
    }

    [Fact]
    public void CurveQueries_BadArguments_AreRefused()
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(Tenures);

        foreach (double time in new[] { -0.1, double.NaN })
        {
            ArgumentOutOfRangeException inPost = Assert.Throws<ArgumentOutOfRangeException>(() => curve.InPostAt(time));
            Assert.Equal("time", inPost.ParamName);
            Assert.StartsWith("The time must be at least 0.", inPost.Message, StringComparison.Ordinal);
            Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => curve.IncidenceAt("moved", time)).ParamName);
        }

        ArgumentException unknown = Assert.Throws<ArgumentException>(() => curve.IncidenceAt("promoted", 10));
        Assert.Equal("reason", unknown.ParamName);
        Assert.StartsWith("The reason is not one of the curve's reasons.", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => curve.IncidenceAt(null!, 10)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentNullException>(() => curve.IndexOf(null!)).ParamName);
    }

    [Fact]
    public void Points_AreEqualByValue_WithTheirArraysComparedItemByItem()
    {
        CumulativeIncidencePoint a = CumulativeIncidence.Estimate(Tenures).Points[1];
        CumulativeIncidencePoint b = CumulativeIncidence.Estimate([.. Tenures]).Points[1];

        Assert.False(a.Incidence == b.Incidence);  // two arrays, equal item by item
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, CumulativeIncidence.Estimate(Tenures).Points[2]);
        Assert.NotEqual(a, CumulativeIncidence.Estimate(Tenures, confidenceLevel: 0.9).Points[1]);
        Assert.NotEqual(a, CumulativeIncidence.Estimate(Tenures, ["moved", "retired", "left"]).Points[1]);
        Assert.NotEqual(a, default);
        Assert.Equal(2, a.EventCount + a.Censored);

        CumulativeIncidencePoint empty = default;
        Assert.Empty(empty.Events);
        Assert.Empty(empty.Incidence);
        Assert.Equal(empty, default(CumulativeIncidencePoint));
        Assert.Equal(empty.GetHashCode(), default(CumulativeIncidencePoint).GetHashCode());
    }

    [Fact]
    public void OnceNoOneIsInPost_TheEstimatesStay_WhoeverEntersLater()
    {
        // Both in post leave at 3; three more enter at 4 and 5 and leave, but the probabilities cannot move from 0.
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(2, "a"), new(3, "b"), new(4, 6, "a"), new(5, 7, null), new(4, 8, "b")]);
        CumulativeIncidencePoint atThree = curve.Points[1];
        Assert.Equal(0, atThree.InPost.Probability);
        foreach (CumulativeIncidencePoint later in curve.Points.Skip(2))
        {
            Assert.Equal(atThree.InPost, later.InPost);
            Assert.Equal(atThree.Incidence.ToArray(), later.Incidence.ToArray());
        }

        Assert.Equal([3L, 2L, 1L], curve.Points.Skip(2).Select(p => p.AtRisk).ToArray());
    }

    [Fact]
    public void ManyRecordsWithDistinctTimes_AgreeWithRsRecordByRecordComputation()
    {
        // 1,500 records, a third entering late, five reasons and a censoring in six, times on a fine grid.
        Random random = new(20_161);
        string[] reasons = ["moved", "retired", "left", "interim-ended", "unknown"];
        CompetingRiskRecord[] records = new CompetingRiskRecord[1500];
        for (int i = 0; i < records.Length; i++)
        {
            double entry = random.Next(3) == 0 ? Math.Round(random.NextDouble() * 40, 2) : 0;
            double exit = entry + 0.01 + Math.Round(random.NextDouble() * 60, 2);
            int reason = random.Next(6);
            records[i] = new CompetingRiskRecord(entry, exit, reason == 5 ? null : reasons[reason]);
        }

        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records, reasons);
        List<(double Time, double[] Probability, double[] StandardError)> direct = Oracle.DirectAalenJohansen.Estimate(records, reasons);

        Assert.InRange(curve.Points.Length, 1000, 1500);
        Assert.Equal(direct.Count, curve.Points.Length);
        double largest = 0;
        for (int i = 0; i < direct.Count; i++)
        {
            StateProbability[] states = [curve.Points[i].InPost, .. curve.Points[i].Incidence];
            for (int j = 0; j < states.Length; j++)
            {
                Assert.Equal(Math.Min(direct[i].Probability[j], 1), states[j].Probability);
                largest = Math.Max(largest, Math.Abs(direct[i].StandardError[j] - states[j].StandardError));
            }
        }

        Assert.True(largest < 1e-13, $"largest difference in a standard error {largest:R}");
    }

    [Fact]
    public void AnyCollection_GivesTheSameCurve_AsAnArray()
    {
        CumulativeIncidenceCurve array = CumulativeIncidence.Estimate(Tenures);
        IEnumerable<CompetingRiskRecord> lazy = Tenures.Select(r => r);
        Assert.Equal<CumulativeIncidencePoint>([.. array.Points], [.. CumulativeIncidence.Estimate(lazy).Points]);
        Assert.Equal<CumulativeIncidencePoint>([.. array.Points], [.. CumulativeIncidence.Estimate(new List<CompetingRiskRecord>(Tenures)).Points]);
        Assert.Equal<CumulativeIncidencePoint>([.. array.Points], [.. CumulativeIncidence.Estimate(new HashSet<CompetingRiskRecord>(Tenures)).Points]);
    }

    [Fact]
    public void Stratified_SharesTheReasons_FindsStrata_AndSaysWhatItIs()
    {
        (string, CompetingRiskRecord)[] records =
        [
            ("north", new(3, "moved")), ("north", new(5, null)), ("south", new(2, "retired")), ("south", new(4, "retired")), ("east", new(6, null)),
        ];

        StratifiedCumulativeIncidence<string> strata = CumulativeIncidence.EstimateBy(records);
        Assert.Equal(["moved", "retired"], strata.Reasons.ToArray());
        Assert.Equal(["east", "north", "south"], strata.Strata.Select(s => s.Key).ToArray());
        Assert.Equal(5, strata.RecordCount);
        Assert.All(strata.Strata, s => Assert.Equal(strata.Reasons.ToArray(), s.Curve.Reasons.ToArray()));
        Assert.Equal([0L, 2L], strata.Find("south")!.EventCounts.ToArray());
        Assert.Equal(0, strata.Find("south")!.Points[^1].Incidence[0].Probability);
        Assert.Null(strata.Find("west"));
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => strata.Find(null!)).ParamName);
        Assert.Equal("Cumulative incidence of 3 groups: n = 5; reasons moved, retired", strata.ToString());

        StratifiedCumulativeIncidence<string> byOrder = CumulativeIncidence.EstimateBy(records, ["retired", "moved", "left"], keyOrder: Comparer<string>.Create((x, y) => string.CompareOrdinal(y, x)));
        Assert.Equal(["retired", "moved", "left"], byOrder.Reasons.ToArray());
        Assert.Equal(["south", "north", "east"], byOrder.Strata.Select(s => s.Key).ToArray());
        Assert.Equal("Cumulative incidence of 0 groups: n = 0; reasons none", CumulativeIncidence.EstimateBy<int>([]).ToString());
    }
}
