using System;
using NodaTime;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Docs;

/// <summary>The worked example of docs/workforce.md's cumulative incidence charts: compiled and run here.</summary>
public sealed class CumulativeIncidenceChartDocExamples
{
    [Fact]
    public void CumulativeIncidenceChartExample()
    {
        // begin-snippet: workforce-cumulative-incidence-chart
        DateInterval window = new(new LocalDate(2008, 4, 1), new LocalDate(2024, 3, 31));
        CumulativeIncidenceCurve curve = TenureMeasures.CumulativeIncidenceTenure(SyntheticWorkforce.Default.Appointments, window);
        ChartOptions options = new()
        {
            Title = "Why DCS tenures end, synthetic sector, 2008/09 to 2023/24",
            XAxisLabel = "Months in post",
            YAxisLabel = "Share of tenures",
            TimeUnitDivisor = TenureMeasures.DaysPerMonth,  // the curve is in days, the axis in months
            XTickInterval = 12,
            PercentValues = true,
        };

        string stacked = SvgChart.CumulativeIncidence(curve, options);  // the reasons stacked under those still in post
        string panels = SvgChart.CumulativeIncidence(curve, options with { Height = 480 }, CumulativeIncidenceLayout.SideBySide);

        Assert.Contains(">Moved to another DCS post</text>", stacked, StringComparison.Ordinal);  // a well-known code in words
        Assert.Contains(">Still in post</text>", stacked, StringComparison.Ordinal);
        Assert.Equal(7, panels.Split("<g class=\"panel\">").Length - 1);                 // a panel per reason
        // end-snippet
    }
}
