using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>
/// Charts a report can carry: category labels that never overlap at any count, percentages on the axis when asked,
/// and Kaplan–Meier time ticks at multiples of a chosen interval (years, on an axis in months).
/// </summary>
public sealed class ChartReadabilityTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Property(MaxTest = 1000)]
    public Property CategoryLabels_NeverOverlap_AndTheFirstIsAlwaysWritten() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 400)), Arb.From(Gen.Choose(1, 24)), Arb.From(Gen.Choose(200, 2000)), (count, length, width) =>
        {
            string[] categories = [.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture).PadLeft(length, 'x'))];
            ChartSeries series = new("s", categories.Select(c => new ChartPoint(c, 1)));
            XElement[] labels = [.. CategoryTexts(SvgChart.Series(series, options: new ChartOptions { Width = width }), categories)];

            double[] xs = [.. labels.Select(l => double.Parse(l.Attribute("x")!.Value, CultureInfo.InvariantCulture))];
            bool turned = labels.Any(l => l.Attribute("transform") is not null);
            double slot = (width - 64 - 24) / (double)count;
            Assert.Equal(categories[0], labels[0].Value);
            Assert.All(labels, l => Assert.Equal(turned, l.Attribute("transform") is not null));
            for (int i = 1; i < xs.Length; i++)
            {
                // Level labels fit their slot (an average character is 6.6 wide); turned ones stand at least 14 apart.
                Assert.True(turned ? xs[i] - xs[i - 1] >= 14 - 1e-9 : (length * 6.6) + 8 <= slot, $"labels {i - 1} and {i} overlap");
            }

            if (!turned)
            {
                Assert.Equal(count, labels.Length);
            }
        });

    [Fact]
    public void TurnedLabels_WhoseSlotsAddUpToExactlyTheGap_AreSpacedSoThatTheWrittenPositionsKeepIt()
    {
        // 204 categories on a 445-wide chart: slots of exactly 1.75, and 8 slots exactly 14, the least gap; written to two
        // decimals, two positions 8 slots apart came out 13.99 apart (found by the property above).
        string[] categories = [.. Enumerable.Range(0, 204).Select(i => i.ToString(CultureInfo.InvariantCulture).PadLeft(4, 'x'))];
        ChartSeries series = new("s", categories.Select(c => new ChartPoint(c, 1)));

        double[] xs = [.. CategoryTexts(SvgChart.Series(series, options: new ChartOptions { Width = 445 }), categories)
            .Select(l => double.Parse(l.Attribute("x")!.Value, CultureInfo.InvariantCulture))];

        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 14, $"{pair.First} and {pair.Second} are closer than 14."));
    }

    [Fact]
    public void FinancialYears_ThirteenOnAStandardChart_AreTurned_EveryOneWritten()
    {
        string[] years = [.. Enumerable.Range(2008, 13).Select(y => $"{y}/{(y + 1) % 100:00}")];
        string svg = SvgChart.Series(new ChartSeries("rate", years.Select(y => new ChartPoint(y, 0.3))));

        XElement[] labels = [.. CategoryTexts(svg, years)];
        Assert.Equal(years, labels.Select(l => l.Value));
        Assert.All(labels, l => Assert.StartsWith("rotate(-45 ", l.Attribute("transform")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void PercentValues_LabelTheVerticalAxisInPercent()
    {
        ChartSeries series = new("rate", [new("2020/21", 0.318), new("2021/22", 0.25)]);

        string[] plain = YLabels(SvgChart.Series(series));
        string[] percent = YLabels(SvgChart.Series(series, options: new ChartOptions { PercentValues = true }));

        Assert.Equal(["0", "0.1", "0.2", "0.3", "0.4"], plain);
        Assert.Equal(["0%", "10%", "20%", "30%", "40%"], percent);
    }

    [Property(MaxTest = 1000)]
    public Property XTickInterval_GivesTicksAtMultiplesOfIt_AtMostEleven_CoveringTheCurve() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 20_000)), lastDay =>
        {
            KaplanMeierCurve curve = KaplanMeier.Fit([new TenureRecord(0, 1, true), new TenureRecord(0, lastDay, false)]);
            ChartOptions options = new() { TimeUnitDivisor = TenureMeasures.DaysPerMonth, XTickInterval = 12 };

            double[] ticks = [.. XLabels(SvgChart.KaplanMeier([new ChartCurve("all", curve)], options)).Select(t => double.Parse(t, CultureInfo.InvariantCulture))];

            Assert.Equal(0, ticks[0]);
            Assert.InRange(ticks.Length, 2, 11);
            Assert.All(ticks, t => Assert.Equal(0, t % 12));
            Assert.True(ticks[^1] >= lastDay / TenureMeasures.DaysPerMonth - 1e-9);
            Assert.Single(ticks.Zip(ticks.Skip(1), (a, b) => b - a).Distinct());
        });

    [Property(MaxTest = 1000)]
    public Property AtRisk_UnderEachTick_IsTheNumberAtRiskThere_ForEachCurve() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 400).ArrayOf().Select(a => a.Take(30).ToArray())), Arb.From(Gen.Choose(1, 400).ArrayOf().Select(a => a.Take(30).ToArray())), (first, second) =>
        {
            KaplanMeierCurve one = KaplanMeier.Fit([.. first.Select((t, i) => new TenureRecord(t, i % 3 != 0))]);
            KaplanMeierCurve two = KaplanMeier.Fit([.. second.Select((t, i) => new TenureRecord(t, i % 2 == 0))]);
            ChartCurve[] curves = [new("one", one), new("two", two)];
            XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(curves, new ChartOptions { ShowAtRisk = true, XTickInterval = 12 }));

            double[] ticks = [.. XLabels(svg.ToString(SaveOptions.DisableFormatting)).Select(t => double.Parse(t, CultureInfo.InvariantCulture))];
            XElement table = svg.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "at-risk");
            string[] counts = [.. table.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "middle").Select(t => t.Value)];
            string[] expected = [.. curves.SelectMany(c => ticks.Select(t => (c.Curve.SurvivalAt(t)?.AtRisk ?? 0).ToString(CultureInfo.InvariantCulture)))];

            Assert.Equal(expected, counts);
            Assert.Equal(2, table.Elements(Svg + "path").Count());
        });

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void AtRisk_IsUnderTheAxisTitle_WhichIsUnderTheTickLabels_AndAllFitTheChart(int curveCount)
    {
        ChartCurve[] curves = [.. Enumerable.Range(1, curveCount).Select(c => new ChartCurve($"group {c}", KaplanMeier.Fit([new TenureRecord(10 * c, true), new TenureRecord(40, false)])))];
        ChartOptions options = new() { ShowAtRisk = true, XTickInterval = 12, XAxisLabel = "Months in post" };
        XDocument svg = XDocument.Parse(SvgChart.KaplanMeier(curves, options));

        double Y(XElement text) => double.Parse(text.Attribute("y")!.Value, CultureInfo.InvariantCulture);
        XElement axis = svg.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "axis");
        double tickLabels = axis.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "middle" && t.Value != "Months in post").Max(Y);
        double title = Y(axis.Elements(Svg + "text").Single(t => t.Value == "Months in post"));
        XElement table = svg.Descendants(Svg + "g").Single(g => g.Attribute("class")?.Value == "at-risk");
        double heading = Y(table.Elements(Svg + "text").Single(t => t.Value == "Number at risk"));
        double lastRow = table.Elements(Svg + "text").Max(Y);

        Assert.True(tickLabels + 12 <= title, $"ticks {tickLabels}, title {title}");
        Assert.True(title + 12 <= heading, $"title {title}, heading {heading}");
        Assert.True(lastRow <= options.Height - 4, $"last row {lastRow}, height {options.Height}");
    }

    [Fact]
    public void AtRisk_IsOffByDefault()
    {
        string svg = SvgChart.KaplanMeier(KaplanMeier.Fit([new TenureRecord(5, true)]));

        Assert.DoesNotContain("at-risk", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void XTickInterval_MustBeFiniteAndAboveZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { XTickInterval = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { XTickInterval = double.NaN });
        Assert.Null(new ChartOptions { XTickInterval = null }.XTickInterval);
    }

    private static System.Collections.Generic.IEnumerable<XElement> CategoryTexts(string svg, string[] categories) =>
        XDocument.Parse(svg).Descendants(Svg + "text").Where(t => categories.Contains(t.Value) && t.Parent?.Attribute("class")?.Value == "axis"
            && (t.Attribute("text-anchor")?.Value == "middle" || t.Attribute("transform") is not null));

    private static string[] YLabels(string svg) =>
        [.. XDocument.Parse(svg).Descendants(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "end" && t.Attribute("transform") is null && t.Parent?.Attribute("class")?.Value == "axis").Select(t => t.Value)];

    private static string[] XLabels(string svg) =>
        [.. XDocument.Parse(svg).Descendants(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "middle" && t.Parent?.Attribute("class")?.Value == "axis" && Regex.IsMatch(t.Value, "^[0-9.]+$")).Select(t => t.Value)];
}
