using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>The round scales of the axes at their boundaries, and time units on the horizontal axis.</summary>
public sealed partial class SvgChartScaleTests
{
    [Theory]
    [InlineData(10, new[] { "0", "2", "4", "6", "8", "10" })] // a fifth of the largest value is exactly 2: steps of 2
    [InlineData(25, new[] { "0", "5", "10", "15", "20", "25" })] // exactly 5: steps of 5
    [InlineData(26, new[] { "0", "10", "20", "30" })] // just over 5: steps of 10
    [InlineData(0.5, new[] { "0", "0.1", "0.2", "0.3", "0.4", "0.5" })] // exactly 1 × a power of ten: steps of 0.1
    [InlineData(1e21, new[] { "0", "200000000000000000000", "400000000000000000000", "600000000000000000000", "800000000000000000000", "1000000000000000000000" })] // written out, never as 2E+20
    public void Series_VerticalTicks_AreRoundSteps(double largest, string[] ticks)
    {
        string svg = SvgChart.Series(new ChartSeries("Values", [new ChartPoint("a", largest), new ChartPoint("b", largest / 3)]));

        Assert.Equal(ticks, VerticalTickLabels(svg));
    }

    [Fact]
    public void KaplanMeier_InAnotherTimeUnit_IsTheSameChartAsWithTimesDivided()
    {
        // The same records in days and in 30-day months: with a divisor of 30, the chart in days is the chart in months.
        (double Time, bool Event)[] records = [(30, true), (60, false), (90, true), (150, false), (180, true), (300, false)];
        KaplanMeierCurve inDays = KaplanMeier.Fit([.. records.Select(r => new TenureRecord(r.Time, r.Event))]);
        KaplanMeierCurve inMonths = KaplanMeier.Fit([.. records.Select(r => new TenureRecord(r.Time / 30, r.Event))]);

        string days = SvgChart.KaplanMeier(inDays, new ChartOptions { TimeUnitDivisor = 30 });
        string months = SvgChart.KaplanMeier(inMonths);

        Assert.Contains("class=\"censor\"", months, System.StringComparison.Ordinal);
        Assert.Equal(months, days);
    }

    private static string[] VerticalTickLabels(string svg) =>
        [.. TickLabel().Matches(svg).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<text stroke=\"none\" x=\"56\" y=\"[0-9.]+\" text-anchor=\"end\">([^<]*)</text>")]
    private static partial Regex TickLabel();
}
