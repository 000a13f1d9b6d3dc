using System;
using System.Linq;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Examples and argument checks for tenure records, Kaplan–Meier curves and the log-rank test.</summary>
public sealed class KaplanMeierTests
{
    [Fact]
    public void Median_OfOneTwoThreeFourUncensored_IsTwoAndAHalf_AsInR() =>
        Assert.Equal(2.5, KaplanMeier.Fit([new(1, true), new(2, true), new(3, true), new(4, true)]).Median.Estimate);

    [Fact]
    public void Fit_NoRecords_IsAnEmptyCurveWithNoMedian()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([]);
        Assert.Empty(curve.Points);
        Assert.Null(curve.Median.Estimate);
        Assert.Null(curve.SurvivalAt(1));
        Assert.Equal(new RestrictedMean(12, 12, 0), curve.RestrictedMeanTo(12));
    }

    [Fact]
    public void SurvivalAt_BeyondTheLastTime_IsNull() =>
        Assert.Null(KaplanMeier.Fit([new(3, false)]).SurvivalAt(3.5));

    [Theory]
    [InlineData(-1.0, 2.0, "entry", "The entry time must be finite and at least 0.")]
    [InlineData(double.NaN, 2.0, "entry", "The entry time must be finite and at least 0.")]
    [InlineData(2.0, 2.0, "exit", "The exit time must be finite and after the entry time.")]
    [InlineData(0.0, double.PositiveInfinity, "exit", "The exit time must be finite and after the entry time.")]
    public void TenureRecord_BadTimes_AreRefused(double entry, double exit, string param, string message)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => new TenureRecord(entry, exit, true));
        Assert.Equal(param, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BadArguments_AreRefused()
    {
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => KaplanMeier.Fit(null!)).ParamName);

        ArgumentException defaultRecord = Assert.Throws<ArgumentException>(() => KaplanMeier.Fit([default(TenureRecord)]));
        Assert.Equal("records", defaultRecord.ParamName);
        Assert.StartsWith("A tenure record's exit must be after its entry; default(TenureRecord) is not a record.", defaultRecord.Message, StringComparison.Ordinal);

        ArgumentOutOfRangeException type = Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([], (ConfidenceIntervalType)7));
        Assert.Equal("confidenceType", type.ParamName);
        Assert.StartsWith("The confidence interval type must be Log, Plain or LogLog.", type.Message, StringComparison.Ordinal);

        foreach (double level in new[] { 0.0, 1.0, 0.9999999, double.NaN, -0.5 })
        {
            ArgumentOutOfRangeException bad = Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Fit([], ConfidenceIntervalType.Log, level));
            Assert.Equal("confidenceLevel", bad.ParamName);
            Assert.StartsWith("The confidence level must be above 0 and at most 0.999999.", bad.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CurveQueries_BadArguments_AreRefused()
    {
        KaplanMeierCurve curve = KaplanMeier.Fit([new(3, true)]);

        ArgumentOutOfRangeException time = Assert.Throws<ArgumentOutOfRangeException>(() => curve.SurvivalAt(-0.1));
        Assert.Equal("time", time.ParamName);
        Assert.StartsWith("The time must be at least 0.", time.Message, StringComparison.Ordinal);

        foreach (double horizon in new[] { 0.0, -1.0, double.PositiveInfinity, double.NaN })
        {
            ArgumentOutOfRangeException bad = Assert.Throws<ArgumentOutOfRangeException>(() => curve.RestrictedMeanTo(horizon));
            Assert.Equal("horizon", bad.ParamName);
            Assert.StartsWith("The horizon must be finite and above 0.", bad.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LogRank_DelayedEntryOrNullGroup_IsRefused()
    {
        ArgumentException delayed = Assert.Throws<ArgumentException>(() => LogRank.Compare([("a", new TenureRecord(1, 3, true))]));
        Assert.Equal("records", delayed.ParamName);
        Assert.StartsWith("The log-rank test takes right-censored records only: every entry must be 0 and every exit after it.", delayed.Message, StringComparison.Ordinal);

        ArgumentNullException nullGroup = Assert.Throws<ArgumentNullException>(() => LogRank.Compare([((string)null!, new TenureRecord(3, true))]));
        Assert.Equal("records", nullGroup.ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => LogRank.Compare<string>(null!)).ParamName);
    }

    [Fact]
    public void LogRank_OneGroup_HasNoDegreesOfFreedom()
    {
        LogRankTest<string> test = LogRank.Compare([("a", new TenureRecord(3, true)), ("a", new TenureRecord(5, false))]);
        Assert.Equal(0, test.DegreesOfFreedom);
        Assert.Equal(0, test.ChiSquare);
        Assert.Equal(1, test.PValue);
    }

    [Fact]
    public void LogRank_EveryoneFailsAtOnce_HasNoVarianceAndNoDegreesOfFreedom()
    {
        LogRankTest<string> test = LogRank.Compare([("a", new TenureRecord(1, true)), ("b", new TenureRecord(1, true))]);
        Assert.Equal([1.0, 1.0], test.Groups.Select(g => g.Expected));
        Assert.Equal(0, test.DegreesOfFreedom);
        Assert.Equal(0, test.ChiSquare);
        Assert.Equal(1, test.PValue);
    }
}
