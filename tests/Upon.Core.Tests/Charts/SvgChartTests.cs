using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

public sealed class SvgChartTests
{
    private const double Left = 64;
    private const double Top = 44;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly KaplanMeierCurve Ten = KaplanMeier.Fit(
    [
        new(8, true), new(14, true), new(14, false), new(20, true), new(27, true),
        new(30, false), new(36, true), new(41, true), new(50, false), new(60, false),
    ]);

    private static List<(double X, double Y)> PathPoints(XElement path) =>
        [.. ((string)path.Attribute("d")!).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => part != "Z")
            .Select(part => part.TrimStart('M', 'L').TrimEnd('Z').Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))];

    private static IEnumerable<XElement> WithClass(XDocument svg, string name) =>
        svg.Descendants().Where(e => (string?)e.Attribute("class") == name);

    /// <summary>The largest label of the horizontal axis: the top of its scale.</summary>
    private static double XMax(XDocument svg, ChartOptions options) =>
        WithClass(svg, "axis").Single().Elements(Svg + "text")
            .Where(t => (string?)t.Attribute("y") == SvgChart.Number(options.Height - 56 + 18))
            .Max(t => double.Parse(t.Value, CultureInfo.InvariantCulture));

    [Fact]
    public void KaplanMeier_IsWellFormedSvg()
    {
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(Ten, new ChartOptions { Title = "Tenure", XAxisLabel = "Months in post", YAxisLabel = "Still in post" }));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("640", (string?)svg.Root.Attribute("width"));
        Assert.Equal("Tenure", svg.Root.Element(Svg + "title")!.Value);
        Assert.Single(WithClass(svg, "survival"));
        Assert.Single(WithClass(svg, "band"));
        Assert.Single(WithClass(svg, "censor"));

        // One curve: the legend keys only the marks, the band at the curve's level and the censoring ticks.
        Assert.Equal(["95% confidence band", "Censored"], WithClass(svg, "legend").Single().Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void KaplanMeier_WithoutBandOrTicks_HasNoLegendForThem()
    {
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(Ten, new ChartOptions { ShowConfidenceBand = false, ShowCensoring = false }));

        Assert.Empty(WithClass(svg, "legend"));
    }

    [Fact]
    public void KaplanMeier_CensoringTicksThatWouldOverlap_AreDrawnOnce()
    {
        // A thousand spells censored within a day of each other at the same height: on a 552-wide plot they are one tick.
        TenureRecord[] records = [new(0, 1, true), .. Enumerable.Range(0, 1000).Select(i => new TenureRecord(0, 500 + (i / 1000.0), false)), new(0, 600, true)];
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(KaplanMeier.Fit(records)));

        string ticks = (string)WithClass(svg, "censor").Single().Attribute("d")!;
        Assert.Equal(1, ticks.Count(c => c == 'M'));
    }

    [Fact]
    public void KaplanMeier_StepPathIsTheCurveScaled()
    {
        ChartOptions options = new() { Width = 800, Height = 500, TimeUnitDivisor = 2 };
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(Ten, options));
        List<(double X, double Y)> points = PathPoints(WithClass(svg, "survival").Single());
        double xMax = XMax(svg, options);

        Assert.Equal(30, xMax); // 60 / 2, a round number already
        List<(double T, double S)> expected = [(0, 1)];
        double level = 1;
        foreach (KaplanMeierPoint point in Ten.Points)
        {
            expected.Add((point.Time, level));
            expected.Add((point.Time, point.Survival));
            level = point.Survival;
        }

        Assert.Equal(expected.Count, points.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Left + (expected[i].T / 2 / xMax * (800 - 64 - 24)), points[i].X, 0.006);
            Assert.Equal(500 - 56 - (expected[i].S * (500 - 56 - Top)), points[i].Y, 0.006);
        }
    }

    [Fact]
    public void KaplanMeier_CensoringTicksMarkEachCensoringTime()
    {
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(Ten));
        List<(double X, double Y)> ticks = PathPoints(WithClass(svg, "censor").Single());

        Assert.Equal(2 * Ten.Points.Count(p => p.Censored > 0), ticks.Count);
        Assert.Empty(WithClass(XDocument.Parse(SvgChart.KaplanMeier(Ten, new ChartOptions { ShowCensoring = false })), "censor"));
        KaplanMeierCurve uncensored = KaplanMeier.Fit([new(1, true), new(2, true)]);
        Assert.Empty(WithClass(XDocument.Parse(SvgChart.KaplanMeier(uncensored)), "censor"));
    }

    [Fact]
    public void KaplanMeier_BandIsDrawnIffConfidenceLimitsAreDefinedAndWanted()
    {
        Assert.Single(WithClass(XDocument.Parse(SvgChart.KaplanMeier(Ten)), "band"));
        Assert.Empty(WithClass(XDocument.Parse(SvgChart.KaplanMeier(Ten, new ChartOptions { ShowConfidenceBand = false })), "band"));

        // Every record ends at once: S = 0, where the log limits are undefined (R's NA).
        KaplanMeierCurve allAtOnce = KaplanMeier.Fit([new(5, true), new(5, true)]);
        Assert.True(allAtOnce.Points.All(p => double.IsNaN(p.Lower)));
        Assert.Empty(WithClass(XDocument.Parse(SvgChart.KaplanMeier(allAtOnce)), "band"));
    }

    [Fact]
    public void KaplanMeier_BandFollowsTheLimitsSteps()
    {
        ChartOptions options = ChartOptions.Default;
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(Ten, options));
        List<(double X, double Y)> band = PathPoints(WithClass(svg, "band").Single());
        double xMax = XMax(svg, options);
        double Y(double s) => 400 - 56 - (s * (400 - 56 - Top));
        List<KaplanMeierPoint> defined = [.. Ten.Points.Where(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper))];

        Assert.Equal(4 * defined.Count, band.Count);
        Assert.Equal(Left + (Ten.Points[0].Time / xMax * (640 - 88)), band[0].X, 0.006);
        Assert.Equal(Y(Ten.Points[0].Upper), band[0].Y, 0.006);
        Assert.Equal(Y(Ten.Points[0].Lower), band[^1].Y, 0.006);
    }

    [Fact]
    public void KaplanMeier_StrataGetALegendWithTheirLabels()
    {
        KaplanMeierCurve other = KaplanMeier.Fit([new(3, true), new(9, false), new(12, true)]);
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier([new ChartCurve("Alumni & friends", Ten), new ChartCurve("Other <DCSs>", other)]));

        Assert.Equal(2, WithClass(svg, "survival").Count());
        Assert.Equal(["Alumni & friends", "Other <DCSs>", "95% confidence band", "Censored"], WithClass(svg, "legend").Single().Elements(Svg + "text").Select(t => t.Value));
        Assert.NotEqual((string?)WithClass(svg, "survival").First().Attribute("stroke"), (string?)WithClass(svg, "survival").Last().Attribute("stroke"));
    }

    [Fact]
    public void TextIsEscapedAndCharactersXmlCannotHoldAreReplaced()
    {
        const string Title = "<script>alert(\"x\") & 'y'</script>\u0001\uD800";
        string text = SvgChart.KaplanMeier(Ten, new ChartOptions { Title = Title, XAxisLabel = "a]]>b", YAxisLabel = "&amp;" });
        XDocument svg = XDocument.Parse(text);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("<script>alert(\"x\") & 'y'</script>\uFFFD\uFFFD", WithClass(svg, "title").Single().Value);
        Assert.Contains(WithClass(svg, "axis").Single().Elements(Svg + "text"), t => t.Value == "a]]>b");
        Assert.Contains(WithClass(svg, "axis").Single().Elements(Svg + "text"), t => t.Value == "&amp;");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public void OutputDoesNotDependOnTheCurrentCulture(string culture)
    {
        ChartOptions options = new() { Title = "Tenure", TimeUnitDivisor = 0.7 };
        ChartSeries rates = new("Changes per authority", [new("2019/20", 0.3125), new("2020/21", 0.25)]);
        CultureInfo saved = CultureInfo.CurrentCulture;
        string invariantCurve, invariantSeries, localCurve, localSeries;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariantCurve = SvgChart.KaplanMeier(Ten, options);
            invariantSeries = SvgChart.Series(rates, options: options);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            localCurve = SvgChart.KaplanMeier(Ten, options);
            localSeries = SvgChart.Series(rates, options: options);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariantCurve, localCurve);
        Assert.Equal(invariantSeries, localSeries);
        Assert.Contains("0.5</text>", localCurve, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        ChartSeries rates = new("Changes", [new("2019/20", 0.3), new("2020/21", 0.25)]);
        Assert.Equal(SvgChart.KaplanMeier(Ten), SvgChart.KaplanMeier(Ten));
        Assert.Equal(SvgChart.Series(rates), SvgChart.Series(rates));
        Assert.DoesNotContain("\r", SvgChart.KaplanMeier(Ten), StringComparison.Ordinal);
    }

    [Property]
    public Property EveryPointOfAnyCurveLiesInsideThePlotArea()
    {
        FsCheck.Arbitrary<(List<TenureRecord> Records, ChartOptions Options)> curves = Arb.From(
            from count in Gen.Choose(1, 40)
            from raw in Gen.Choose(1, 100_000).Two().Select(p => (Exit: p.Item1 / 100.0, Entry: p.Item2 % 3 == 0 ? p.Item2 / 1000.0 : 0)).ListOf(count)
            from events in Gen.Elements(true, false).ListOf(count)
            from width in Gen.Choose(200, 1200)
            from height in Gen.Choose(150, 900)
            from divisor in Gen.Elements(1, 7, 30.436875, 0.01)
            from type in Gen.Elements(ConfidenceIntervalType.Log, ConfidenceIntervalType.Plain, ConfidenceIntervalType.LogLog)
            select (raw.Select((r, i) => new TenureRecord(Math.Min(r.Entry, r.Exit / 2), r.Exit, events[i])).ToList(), new ChartOptions { Width = width, Height = height, TimeUnitDivisor = divisor }));

        return Prop.ForAll(curves, c =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit(c.Records);
            XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(curve, c.Options));
            double right = c.Options.Width - 24;
            double bottom = c.Options.Height - 56;
            foreach (string name in new[] { "survival", "band", "censor" })
            {
                foreach (XElement path in WithClass(svg, name))
                {
                    Assert.All(PathPoints(path), p => Assert.True(p.X >= Left && p.X <= right && p.Y >= Top && p.Y <= bottom, $"{name} point {p} is outside the plot."));
                }
            }

            Assert.Equal(1 + (2 * curve.Points.Length), PathPoints(WithClass(svg, "survival").Single()).Count);
        });
    }

    [Fact]
    public void Series_DrawsABarPerValueAndBreaksReferenceLinesAtGaps()
    {
        ChartSeries rates = new("Measured", [new("2019/20", 0.5), new("2020/21", 0.25), new("2021/22", 0.4)]);
        ChartSeries published = new("ADCS", [new("2018/19", 0.3), new("2019/20", 0.35), new("2021/22", 0.45)]);
        XDocument svg = XDocument.Parse(SvgChart.Series(rates, [published], new ChartOptions { Title = "Turnover" }));

        List<XElement> bars = [.. WithClass(svg, "bar")];
        Assert.Equal(3, bars.Count);
        double Height(XElement bar) => double.Parse((string)bar.Attribute("height")!, CultureInfo.InvariantCulture);
        Assert.Equal(2, Height(bars[0]) / Height(bars[1]), 0.001);
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2018/19"], WithClass(svg, "axis").Single().Elements(Svg + "text").Select(t => t.Value).Where(v => v.Contains('/', StringComparison.Ordinal)));
        string d = (string)WithClass(svg, "line").Single().Attribute("d")!;
        Assert.Equal(3, d.Count(c => c == 'M')); // 2018/19 is drawn last and 2020/21 is missing: no segment joins them
        Assert.Equal(3, WithClass(svg, "marker").Count());
        Assert.Equal(["Measured", "ADCS"], WithClass(svg, "legend").Single().Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Series_AsALineHasNoBars()
    {
        ChartSeries rates = new("Measured", [new("2019", 0), new("2020", 0)]);
        XDocument svg = XDocument.Parse(SvgChart.Series(rates, style: SeriesStyle.Line));

        Assert.Empty(WithClass(svg, "bar"));
        Assert.Equal("M", ((string)WithClass(svg, "line").Single().Attribute("d")!)[..1]);
        Assert.Equal(1, ((string)WithClass(svg, "line").Single().Attribute("d")!).Count(c => c == 'M'));
    }

    [Fact]
    public void ChangeRates_TakesEachPeriodsRateUnderItsCategory()
    {
        AuthorityRegister register = new([new Authority("A", "N", "R", new LocalDate(2000, 1, 1)), new Authority("B", "S", "R", new LocalDate(2000, 1, 1))]);
        Appointment[] appointments =
        [
            new("A", "a1", new LocalDate(2019, 1, 1), new LocalDate(2020, 6, 30), AppointmentKind.Permanent),
            new("A", "a2", new LocalDate(2020, 7, 1), null, AppointmentKind.Permanent),
        ];

        ChartSeries series = ChartSeries.ChangeRates("Changes", Turnover.ByFinancialYear(appointments, register, 2019, 2020));
        ChartSeries calendar = ChartSeries.ChangeRates("Changes", [Turnover.Measure(appointments, register, TurnoverPeriods.CalendarYear(2020)), Turnover.Measure(appointments, register, TurnoverPeriods.Rolling12Months(new LocalDate(2021, 6, 30)))], byAuthority: true);

        Assert.Equal([new ChartPoint("2019/20", 0), new ChartPoint("2020/21", 0.5)], series.Points.AsEnumerable());
        Assert.Equal([new ChartPoint("2020", 0.5), new ChartPoint("2021-06-30", 0.5)], calendar.Points.AsEnumerable());
    }

    [Fact]
    public void Of_TurnoverSeries_TakesEachYearWithAValueUnderItsLabel()
    {
        ChartSeries published = ChartSeries.Of("Published changes", PublishedTurnoverFigures.Series(TurnoverMeasure.Changes));

        Assert.Equal(new ChartPoint("2013/14", 61), published.Points[0]);
        Assert.Equal(new ChartPoint("2020/21", 39), published.Points.Single(p => p.Category == "2020/21"));
        Assert.DoesNotContain(published.Points, p => p.Category is "2014/15" or "2021/22");   // not published: the line breaks
        Assert.Equal(PublishedTurnoverFigures.Years.Length, published.Points.Length);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Assert.Equal("Width", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { Width = 199 }).ParamName);
        Assert.Equal("Height", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { Height = 10_001 }).ParamName);
        Assert.Equal("TimeUnitDivisor", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { TimeUnitDivisor = 0 }).ParamName);
        Assert.Equal("TimeUnitDivisor", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { TimeUnitDivisor = double.NaN }).ParamName);
        Assert.Equal("curve", Assert.Throws<ArgumentNullException>(() => SvgChart.KaplanMeier((KaplanMeierCurve)null!)).ParamName);
        Assert.Equal("curves", Assert.Throws<ArgumentException>(() => SvgChart.KaplanMeier(Array.Empty<ChartCurve>())).ParamName);
        Assert.Equal("curves", Assert.Throws<ArgumentNullException>(() => SvgChart.KaplanMeier(new ChartCurve[] { null! })).ParamName);
        Assert.Equal("Curve", Assert.Throws<ArgumentNullException>(() => new ChartCurve("x", null!)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentNullException>(() => SvgChart.Series(null!)).ParamName);
        Assert.Equal("style", Assert.Throws<ArgumentOutOfRangeException>(() => SvgChart.Series(new ChartSeries("x", []), style: (SeriesStyle)7)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => new ChartSeries("x", [new("a", 1), new("a", 2)])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSeries("x", [new("a", -1)])).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSeries("x", [new("a", double.PositiveInfinity)])).ParamName);
    }
}
