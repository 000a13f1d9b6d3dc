using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>
/// The survival part's edges that mutation testing found untested: argument checks and their messages, the median's
/// midpoint rule on a flat at one half, the order of string strata, point equality member by member, the log-rank
/// test's pivot threshold, and the lower tail and accuracy of the distribution functions.
/// </summary>
public sealed class SurvivalMutationTests
{
    private static readonly StateProbability InPost = new(0.5, 0.1, 0.3, 0.7);

    private static readonly ImmutableArray<long> Events = [1, 2];

    private static readonly ImmutableArray<StateProbability> Incidence = [new(0.2, 0.05, 0.1, 0.3), new(0.3, 0.06, 0.2, 0.4)];

    private static CumulativeIncidencePoint Point(
        long atRisk = 10,
        ImmutableArray<long>? events = null,
        long censored = 1,
        StateProbability? inPost = null,
        ImmutableArray<StateProbability>? incidence = null) =>
        new(3, atRisk, events ?? Events, censored, inPost ?? InPost, incidence ?? Incidence);

    [Fact]
    public void FitBy_ANullKey_SaysTheKeyIsNull()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => KaplanMeier.FitBy<string>([("a", new TenureRecord(1, true)), (null!, new TenureRecord(2, true))]));

        Assert.Equal("records", thrown.ParamName);
        Assert.StartsWith("A record's key is null.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitBy_ADefaultRecord_IsRefusedWhereItIs_BeforeANullKeyAfterIt()
    {
        ArgumentException thrown = Assert.Throws<ArgumentException>(() => KaplanMeier.FitBy<string>([("a", default), (null!, new TenureRecord(2, true))]));

        Assert.Equal("records", thrown.ParamName);
        Assert.StartsWith("A tenure record's exit must be after its entry", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_NullTimes_NamesTheTimes()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new(1, true), new(2, false)]);

        Assert.Equal("times", Assert.Throws<ArgumentNullException>(() => curve.Summary(null!)).ParamName);
    }

    [Fact]
    public void Summary_ANegativeTime_IsRefusedAsOneOfTheTimes()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new(1, true), new(2, false)]);

        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => curve.Summary([1, -1]));

        Assert.Equal("times", thrown.ParamName);
        Assert.StartsWith("Every time must be at least 0.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Median_OnAFlatAtOneHalfWithACensoringInIt_IsMidwayToTheNextDrop_AsInR()
    {
        // S = 0.75, 0.5, 0.5 (a censoring), 0: R's median is (2 + 4) / 2, not (2 + 3) / 2.
        KaplanMeierCurve curve = KaplanMeier.Fit([new(1, true), new(2, true), new(3, false), new(4, true)]);

        Assert.Equal(3, curve.Median.Estimate);
    }

    [Fact]
    public void ToString_OfAPlainCurve_NamesTheIntervalPlain()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new(1, true), new(2, true), new(3, false)], ConfidenceIntervalType.Plain);

        Assert.EndsWith(", plain)", curve.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfStrataWithDelayedEntry_SaysThereIsNoLogRankTest()
    {
        StratifiedKaplanMeier<string> fit = KaplanMeier.FitBy([("a", new TenureRecord(1, 3, true)), ("b", new TenureRecord(2, true))]);

        Assert.Null(fit.LogRank);
        Assert.Equal("Kaplan–Meier curves of 2 groups: n = 2; no log-rank test", fit.ToString());
    }

    [Fact]
    public void Compare_ANullGroup_SaysTheGroupIsNull()
    {
        ArgumentNullException thrown = Assert.Throws<ArgumentNullException>(() => LogRank.Compare<string>([("a", new TenureRecord(1, true)), (null!, new TenureRecord(2, true))]));

        Assert.Equal("records", thrown.ParamName);
        Assert.StartsWith("A record's group is null.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AGroupWhoseVarianceIsBelowOneBillionthOfTheLargest_AddsNoDegreeOfFreedom()
    {
        // Groups a and b have 50,000 events each; c is one record censored at the first event time, so its variance
        // is about 1e-5 against b's 25,000: below 1e-9 of the largest diagonal element, the pivot is dropped.
        List<(string, TenureRecord)> records = new(100_001);
        for (int i = 1; i <= 50_000; i++)
        {
            records.Add(("a", new TenureRecord(i, true)));
        }

        records.Add(("c", new TenureRecord(1, false)));
        for (int i = 1; i <= 50_000; i++)
        {
            records.Add(("b", new TenureRecord(i + 0.5, true)));
        }

        LogRankTest<string> test = LogRank.Compare(records);

        Assert.True(test.Groups.Single(g => g.Group == "c").Expected > 0);
        Assert.Equal(1, test.DegreesOfFreedom);
    }

    [Fact]
    public void EstimateBy_StringKeys_AreInOrdinalOrder()
    {
        StratifiedCumulativeIncidence<string> fit = CumulativeIncidence.EstimateBy([("a", new CompetingRiskRecord(1, "moved")), ("B", new CompetingRiskRecord(2, "moved"))]);

        Assert.Equal(["B", "a"], fit.Strata.Select(s => s.Key));
    }

    [Fact]
    public void IncidenceAt_ANegativeTime_SaysTheTimeMustBeAtLeastZero()
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(1, "moved"), new(2, null)]);

        ArgumentOutOfRangeException thrown = Assert.Throws<ArgumentOutOfRangeException>(() => curve.IncidenceAt("moved", -1));

        Assert.Equal("time", thrown.ParamName);
        Assert.StartsWith("The time must be at least 0.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CumulativeIncidencePoints_DifferingInOneMemberOnly_AreNotEqual()
    {
        CumulativeIncidencePoint point = Point();

        Assert.True(point.Equals(Point()));
        Assert.False(point.Equals(Point(atRisk: 11)));
        Assert.False(point.Equals(Point(censored: 2)));
        Assert.False(point.Equals(Point(inPost: InPost with { StandardError = 0.2 })));
        Assert.False(point.Equals(Point(events: [1, 3])));
        Assert.False(point.Equals(Point(incidence: [Incidence[0], Incidence[1] with { Upper = 0.5 }])));
    }

    [Theory]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(0.975, 1.959963984540054)]
    public void NormalQuantile_InTheTails_IsRsQnorm(double p, double expected) =>
        Assert.Equal(expected, SurvivalMath.NormalQuantile(p), 1e-14);

    [Fact]
    public void ChiSquareUpperTail_BelowZero_IsOne() =>
        Assert.Equal(1.0, SurvivalMath.ChiSquareUpperTail(-1, 1));

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(25)]
    public void ChiSquareUpperTail_OnTwoDegreesOfFreedom_IsExpOfMinusHalfX_ToFourteenDigits(double x)
    {
        // With 2 degrees of freedom the tail is exactly e^(−x/2); x ≥ 4 takes the continued fraction.
        double expected = Math.Exp(-x / 2);

        Assert.True(Math.Abs(SurvivalMath.ChiSquareUpperTail(x, 2) - expected) <= expected * 1e-14, $"{SurvivalMath.ChiSquareUpperTail(x, 2):R} vs {expected:R}");
    }
}
