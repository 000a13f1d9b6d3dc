using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

public sealed class SvgChartBandTests
{
    [Fact]
    public void Band_IsTheUpperStepsForwardThenTheLowerStepsBack_OnTheDividedTimeAxis()
    {
        // The last event leaves no one: S = 0 at 8, where the log limits are undefined, so the band stops there.
        // Each defined point's step runs to the next point's time, 8 for the point at 6.
        KaplanMeierCurve curve = KaplanMeier.Fit([new(2, true), new(4, false), new(6, true), new(8, true)]);
        KaplanMeierPoint[] p = [.. curve.Points];
        Assert.Equal([true, true, true, false], p.Select(point => double.IsFinite(point.Lower) && double.IsFinite(point.Upper)));

        // Divisor 2: the last time 8 is drawn at 4, the top of a scale 0 to 4, so a time t is at x = 64 + 69 t.
        string svg = SvgChart.KaplanMeier(curve, new ChartOptions { TimeUnitDivisor = 2 });

        static string X(double time) => SvgChart.Number(64 + (69 * time));
        static string Y(double survival) => SvgChart.Number(344 - (300 * survival));
        string expected = string.Join(
            ' ',
            $"M{X(2)},{Y(p[0].Upper)}", $"L{X(4)},{Y(p[0].Upper)}",
            $"L{X(4)},{Y(p[1].Upper)}", $"L{X(6)},{Y(p[1].Upper)}",
            $"L{X(6)},{Y(p[2].Upper)}", $"L{X(8)},{Y(p[2].Upper)}",
            $"L{X(8)},{Y(p[2].Lower)}", $"L{X(6)},{Y(p[2].Lower)}",
            $"L{X(6)},{Y(p[1].Lower)}", $"L{X(4)},{Y(p[1].Lower)}",
            $"L{X(4)},{Y(p[0].Lower)}", $"L{X(2)},{Y(p[0].Lower)}Z");
        Assert.Equal($"<path class=\"band\" fill=\"#1f5fa8\" fill-opacity=\"0.18\" stroke=\"none\" d=\"{expected}\"/>", BandElements(svg).Single());
    }

    [Fact]
    public void Band_OfTheLastDefinedPoint_EndsAtItsOwnTimeWhenNoPointFollows()
    {
        // Censored last: S stays above 0 and the last step of the band has no width.
        KaplanMeierCurve curve = KaplanMeier.Fit([new(2, true), new(4, true), new(5, false), new(6, false)]);
        KaplanMeierPoint last = curve.Points[^1];
        Assert.True(double.IsFinite(last.Lower) && double.IsFinite(last.Upper));

        // Last time 6: scale 0 to 6 in steps of 2, x = 64 + 92 t.
        string svg = SvgChart.KaplanMeier(curve);
        string d = Regex.Match(BandElements(svg).Single(), "d=\"([^\"]*)\"").Groups[1].Value;
        List<string> parts = [.. d.Split(' ')];

        string x6 = SvgChart.Number(64 + (92 * 6.0));
        int middle = parts.Count / 2;
        Assert.Equal($"L{x6},{SvgChart.Number(344 - (300 * last.Upper))}", parts[middle - 1]);
        Assert.Equal($"L{x6},{SvgChart.Number(344 - (300 * last.Lower))}", parts[middle]);
        Assert.Equal($"L{x6},{SvgChart.Number(344 - (300 * last.Lower))}", parts[middle + 1]);
        Assert.StartsWith("M", parts[0], StringComparison.Ordinal);
        Assert.All(parts.Skip(1), part => Assert.StartsWith("L", part, StringComparison.Ordinal));
        Assert.EndsWith("Z", parts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Band_OfEachCurve_HasTheCurvesColour()
    {
        KaplanMeierCurve first = KaplanMeier.Fit([new(2, true), new(4, false), new(6, false)]);
        KaplanMeierCurve second = KaplanMeier.Fit([new(3, true), new(5, false), new(7, false)]);

        string svg = SvgChart.KaplanMeier([new ChartCurve("A", first), new ChartCurve("B", second)]);

        Assert.Equal(["#1f5fa8", "#c0392b"], BandElements(svg).Select(band => Regex.Match(band, "fill=\"([^\"]*)\"").Groups[1].Value));
    }

    private static IEnumerable<string> BandElements(string svg) =>
        svg.Split('\n').Where(line => line.StartsWith("<path class=\"band\"", StringComparison.Ordinal));
}
