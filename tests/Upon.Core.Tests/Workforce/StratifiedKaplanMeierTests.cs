using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Workforce;

/// <summary>Kaplan–Meier by stratum: against R's <c>survfit(... ~ group)</c>, its laws, and stratifying tenures from appointments.</summary>
public sealed class StratifiedKaplanMeierTests
{
    public static TheoryData<string> StrataSets() => [.. SurvivalGolden.Rows("strata.csv").Select(r => r["dataset"]).Distinct()];

    [Theory]
    [MemberData(nameof(StrataSets))]
    public void Strata_MatchSurvfitByGroup(string dataset)
    {
        StratifiedKaplanMeier<string> fit = KaplanMeier.FitBy(SurvivalGolden.Data(dataset));
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("strata.csv").Where(r => r["dataset"] == dataset)];

        Assert.Equal(rows.Select(r => r["stratum"]).Distinct(), fit.Strata.Select(s => s.Key));
        foreach (KaplanMeierStratum<string> stratum in fit.Strata)
        {
            List<Dictionary<string, string>> mine = [.. rows.Where(r => r["stratum"] == stratum.Key)];
            Assert.Equal(mine.Count, stratum.Curve.Points.Length);
            for (int i = 0; i < mine.Count; i++)
            {
                KaplanMeierPoint point = stratum.Curve.Points[i];
                string at = $"{dataset} {stratum.Key} row {i}";
                SurvivalGolden.Close(mine[i]["time"], point.Time, at + " time");
                Assert.Equal(long.Parse(mine[i]["n.risk"], CultureInfo.InvariantCulture), point.AtRisk);
                Assert.Equal(long.Parse(mine[i]["n.event"], CultureInfo.InvariantCulture), point.Events);
                Assert.Equal(long.Parse(mine[i]["n.censor"], CultureInfo.InvariantCulture), point.Censored);
                SurvivalGolden.Close(mine[i]["surv"], point.Survival, at + " surv");
                SurvivalGolden.Close(mine[i]["std.err"], point.StandardError, at + " std.err");
                SurvivalGolden.Close(mine[i]["lower"], point.Lower, at + " lower");
                SurvivalGolden.Close(mine[i]["upper"], point.Upper, at + " upper");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StrataSets))]
    public void LogRankAcrossStrata_MatchesSurvdiff(string dataset)
    {
        LogRankTest<string> test = KaplanMeier.FitBy(SurvivalGolden.Data(dataset)).LogRank!;
        List<Dictionary<string, string>> rows = [.. SurvivalGolden.Rows("logrank.csv").Where(r => r["dataset"] == dataset)];

        Assert.Equal(rows.Select(r => r["group"]), test.Groups.Select(g => g.Group));  // strata order, as R's factor levels
        Assert.Equal(int.Parse(rows[0]["df"], CultureInfo.InvariantCulture), test.DegreesOfFreedom);
        SurvivalGolden.Close(rows[0]["chisq"], test.ChiSquare, dataset + " chisq");
        SurvivalGolden.Close(rows[0]["p"], test.PValue, dataset + " p");
        for (int i = 0; i < rows.Count; i++)
        {
            SurvivalGolden.Close(rows[i]["expected"], test.Groups[i].Expected, dataset + " expected");
        }
    }

    [Fact]
    public void ThreeGroups_HaveTwoDegreesOfFreedom_AndLungFourHaveThree()
    {
        Assert.Equal(2, KaplanMeier.FitBy(SurvivalGolden.Data("three")).LogRank!.DegreesOfFreedom);
        Assert.Equal(3, KaplanMeier.FitBy(SurvivalGolden.Data("lung")).LogRank!.DegreesOfFreedom);
    }

    [Property]
    public Property Strata_PartitionTheRecords_AndEachIsTheFitOfItsSubset() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.KeyedRecordLists(), records =>
        {
            StratifiedKaplanMeier<string> fit = KaplanMeier.FitBy(records);

            Assert.Equal(records.Length, fit.RecordCount);
            Assert.Equal(records.Length, fit.Strata.Sum(s => s.Curve.RecordCount));
            Assert.Equal(records.Select(r => r.Key).Distinct().Order(StringComparer.Ordinal), fit.Strata.Select(s => s.Key));
            foreach (KaplanMeierStratum<string> stratum in fit.Strata)
            {
                KaplanMeierCurve alone = KaplanMeier.Fit(records.Where(r => r.Key == stratum.Key).Select(r => r.Record));
                Assert.Equal<KaplanMeierPoint>([.. alone.Points], [.. stratum.Curve.Points]);
                Assert.Equal(alone.Median, stratum.Curve.Median);
                Assert.Same(stratum.Curve, fit.Find(stratum.Key));
            }

            Assert.Null(fit.Find("z"));
        });

    [Fact]
    public void LogRank_WithFewerThanTwoStrata_IsAbsent()
    {
        Assert.Null(KaplanMeier.FitBy(Array.Empty<(string, TenureRecord)>()).LogRank);
        Assert.Null(KaplanMeier.FitBy([("a", new TenureRecord(0, 3, true)), ("a", new TenureRecord(0, 5, false))]).LogRank);
    }

    [Property]
    public Property LogRank_IsTheTestOfTheSameRecords_AndAbsentWithDelayedEntry() =>
        Prop.ForAll(WorkforceAnalyticsGenerators.KeyedRecordLists(), records =>
        {
            StratifiedKaplanMeier<string> fit = KaplanMeier.FitBy(records);
            if (records.Any(r => r.Record.Entry > 0) || fit.Strata.Length < 2)
            {
                Assert.Null(fit.LogRank);
                return;
            }

            LogRankTest<string> direct = LogRank.Compare(records);
            LogRankTest<string> test = fit.LogRank!;
            Assert.Equal(direct.DegreesOfFreedom, test.DegreesOfFreedom);
            Assert.Equal(direct.ChiSquare, test.ChiSquare, 1e-9 * Math.Max(1, direct.ChiSquare));
            Assert.Equal(direct.Groups.OrderBy(g => g.Group, StringComparer.Ordinal).Select(g => (g.Group, g.Count, g.Observed)), test.Groups.Select(g => (g.Group, g.Count, g.Observed)));
        });

    [Property]
    public Property TenureByKey_PartitionsTheTenureRecords() =>
        Prop.ForAll(WorkforceGenerators.AppointmentsWithPeriod(), input =>
        {
            foreach (bool lookThrough in new[] { false, true })
            {
                IReadOnlyList<TenureRecord> all = TenureMeasures.TenureRecords(input.Appointments, input.Period, lookThrough);
                StratifiedKaplanMeier<AppointmentKind> byKind = TenureMeasures.KaplanMeierTenureBy(input.Appointments, input.Period, s => s.StartKind, lookThroughInterim: lookThrough);
                StratifiedKaplanMeier<int> byYear = TenureMeasures.KaplanMeierTenureBy(input.Appointments, input.Period, s => s.StartFinancialYear, lookThroughInterim: lookThrough);

                Assert.Equal(all.Count, byKind.RecordCount);
                Assert.Equal(all.Count, byYear.RecordCount);
                Assert.Equal(
                    all.OrderBy(r => (r.Entry, r.Exit, r.IsEvent)),
                    TenureMeasures.TenureRecordsBy(input.Appointments, input.Period, s => s.StartKind, lookThrough).Select(r => r.Record).OrderBy(r => (r.Entry, r.Exit, r.IsEvent)));
                Assert.True(byYear.Strata.Select(s => s.Key).SequenceEqual(byYear.Strata.Select(s => s.Key).Order()));
                if (lookThrough)
                {
                    Assert.DoesNotContain(byKind.Strata, s => s.Key == AppointmentKind.Permanent && s.Curve.RecordCount == 0);
                }
            }
        });

    [Fact]
    public void TenureByKey_InterimConfirmedAsPermanent_IsOneSpellThatStartedInterim()
    {
        Appointment[] appointments =
        [
            new("A", "a1", new LocalDate(2018, 1, 1), new LocalDate(2019, 12, 31), AppointmentKind.Permanent),
            new("A", "a2", new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Interim),
            new("A", "a2", new LocalDate(2020, 7, 1), null, AppointmentKind.Permanent),
            new("B", "b1", new LocalDate(2018, 6, 1), new LocalDate(2019, 5, 31), AppointmentKind.Acting),
            new("B", "b2", new LocalDate(2019, 6, 1), null, AppointmentKind.Permanent),
        ];
        DateInterval window = new(new LocalDate(2018, 1, 1), new LocalDate(2021, 3, 31));

        StratifiedKaplanMeier<AppointmentKind> byKind = TenureMeasures.KaplanMeierTenureBy(appointments, window, s => s.StartKind);

        Assert.Equal([AppointmentKind.Permanent, AppointmentKind.Interim, AppointmentKind.Acting], byKind.Strata.Select(s => s.Key));
        Assert.Equal(2, byKind.Find(AppointmentKind.Permanent)!.RecordCount);  // a1, b2
        Assert.Equal(1, byKind.Find(AppointmentKind.Interim)!.RecordCount);    // a2's one spell, interim then permanent
        Assert.Equal(1, byKind.Find(AppointmentKind.Acting)!.RecordCount);     // b1
        Assert.NotNull(byKind.LogRank);                                        // every spell starts in the window
        Assert.Equal(2, byKind.LogRank!.DegreesOfFreedom);                     // three strata

        StratifiedKaplanMeier<AppointmentKind> permanent = TenureMeasures.KaplanMeierTenureBy(appointments, window, s => s.StartKind, lookThroughInterim: true);
        Assert.Equal([AppointmentKind.Permanent, AppointmentKind.Interim], permanent.Strata.Select(s => s.Key)); // b1's acting spell is looked through
    }

    [Fact]
    public void FitBy_RejectsNullKeys_DefaultRecords_AndBadArguments()
    {
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => KaplanMeier.FitBy<string>(null!)).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentNullException>(() => KaplanMeier.FitBy<string>([(null!, new TenureRecord(1, true))])).ParamName);
        Assert.Equal("records", Assert.Throws<ArgumentException>(() => KaplanMeier.FitBy<string>([("a", default)])).ParamName);
        Assert.Equal("confidenceLevel", Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitBy<string>([], confidenceLevel: 1)).ParamName);
        Assert.Equal("confidenceType", Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.FitBy<string>([], (ConfidenceIntervalType)9)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => TenureMeasures.KaplanMeierTenureBy<string>([], TurnoverPeriods.CalendarYear(2020), null!)).ParamName);
        Appointment one = new("A", "a1", new LocalDate(2020, 1, 1), null, AppointmentKind.Permanent);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => TenureMeasures.KaplanMeierTenureBy<string>([one], TurnoverPeriods.CalendarYear(2020), _ => null!)).ParamName);
    }

    [Fact]
    public void FitBy_WithAKeyOrder_OrdersTheStrata()
    {
        StratifiedKaplanMeier<string> fit = KaplanMeier.FitBy(
            [("b", new TenureRecord(2, true)), ("a", new TenureRecord(3, true)), ("B", new TenureRecord(1, false))],
            keyOrder: Comparer<string>.Create(static (x, y) => string.CompareOrdinal(y, x)));
        Assert.Equal(["b", "a", "B"], fit.Strata.Select(s => s.Key));
        Assert.Equal(["B", "a", "b"], KaplanMeier.FitBy([("b", new TenureRecord(2, true)), ("a", new TenureRecord(3, true)), ("B", new TenureRecord(1, false))]).Strata.Select(s => s.Key));
    }
}
