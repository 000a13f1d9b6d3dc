using System;
using System.Linq;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>
/// Whole documents, written out by hand from the layout SvgChart documents: a 640 × 400 chart has its plot from
/// x = 64 to 616 (margins 64 and 24) and from y = 44 to 344 (margins 44 and 56); axis ticks are 5 long, tick
/// labels sit 8 left of the axis (4 below the tick) or 18 below it; the legend starts 150 left of the plot's right
/// edge and 8 below its top, 18 per entry, with a 20-wide key and its text 26 right of the key.
/// </summary>
public sealed class SvgChartLayoutTests
{
    private const string Axis = "<g class=\"axis\" stroke=\"#333333\" fill=\"#333333\">\n";

    [Fact]
    public void Series_BarsWithAReferenceLine_IsExactlyTheDocumentOfTheLayout()
    {
        // Categories 2019/20, 2020/21, then 2021/22 (only in the reference): 3 slots of 552 / 3 = 184.
        // Largest value 5: a vertical scale 0 to 5 in steps of 1, so a value v is at y = 344 - 60 v.
        ChartSeries measured = new("Measured", [new("2019/20", 3), new("2020/21", 5)]);
        ChartSeries published = new("ADCS", [new("2020/21", 4), new("2021/22", 2)]);
        ChartOptions options = new() { Title = "Turnover", XAxisLabel = "Year", YAxisLabel = "Rate" };

        string svg = SvgChart.Series(measured, [published], options);

        string expected =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"640\" height=\"400\" viewBox=\"0 0 640 400\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n" +
            "<title>Turnover</title>\n" +
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
            "<text class=\"title\" x=\"320\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">Turnover</text>\n" +
            Axis +
            "<text stroke=\"none\" x=\"56\" y=\"348\" text-anchor=\"end\">0</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"288\" text-anchor=\"end\">1</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"228\" text-anchor=\"end\">2</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"168\" text-anchor=\"end\">3</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"108\" text-anchor=\"end\">4</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"48\" text-anchor=\"end\">5</text>\n" +
            "<text stroke=\"none\" x=\"156\" y=\"362\" text-anchor=\"middle\">2019/20</text>\n" +
            "<text stroke=\"none\" x=\"340\" y=\"362\" text-anchor=\"middle\">2020/21</text>\n" +
            "<text stroke=\"none\" x=\"524\" y=\"362\" text-anchor=\"middle\">2021/22</text>\n" +
            "<path fill=\"none\" d=\"M64,44 L64,344 L616,344 M59,344 L64,344 M59,284 L64,284 M59,224 L64,224 M59,164 L64,164 M59,104 L64,104 M59,44 L64,44\"/>\n" +
            "<text stroke=\"none\" x=\"340\" y=\"388\" text-anchor=\"middle\">Year</text>\n" +
            "<text stroke=\"none\" x=\"16\" y=\"194\" text-anchor=\"middle\" transform=\"rotate(-90 16 194)\">Rate</text>\n" +
            "</g>\n" +
            // A bar fills the middle 70 % of its slot: x = 64 + 184 i + 27.6, width 128.8, down to the axis.
            "<rect class=\"bar\" fill=\"#1f5fa8\" x=\"91.6\" y=\"164\" width=\"128.8\" height=\"180\"/>\n" +
            "<rect class=\"bar\" fill=\"#1f5fa8\" x=\"275.6\" y=\"44\" width=\"128.8\" height=\"300\"/>\n" +
            // A reference point is at the middle of its slot, x = 64 + 184 (i + 0.5).
            "<path class=\"line\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" d=\"M340,104 L524,224\"/>\n" +
            "<circle class=\"marker\" fill=\"#c0392b\" r=\"3\" cx=\"340\" cy=\"104\"/>\n" +
            "<circle class=\"marker\" fill=\"#c0392b\" r=\"3\" cx=\"524\" cy=\"224\"/>\n" +
            // Bars: the main series' key is a block, the references' keys are lines.
            "<g class=\"legend\">\n" +
            "<rect fill=\"#1f5fa8\" x=\"466\" y=\"46\" width=\"20\" height=\"12\"/>\n" +
            "<text x=\"492\" y=\"56\">Measured</text>\n" +
            "<path stroke=\"#c0392b\" stroke-width=\"2\" d=\"M466,70 L486,70\"/>\n" +
            "<text x=\"492\" y=\"74\">ADCS</text>\n" +
            "</g>\n" +
            "</svg>\n";
        Assert.Equal(expected, svg);
    }

    [Fact]
    public void Series_AsALineWithAReference_KeysEverySeriesWithALine()
    {
        // Scale 0 to 0.5 in steps of 0.1 (largest 0.45: the round number above it, not 0.45 itself).
        ChartSeries measured = new("Measured", [new("2019", 0.1), new("2020", 0.45)]);
        ChartSeries published = new("ADCS", [new("2019", 0.2)]);

        string svg = SvgChart.Series(measured, [published], style: SeriesStyle.Line);

        // 2 slots of 276; y = 344 - 600 v.
        Assert.Contains(
            "<path class=\"line\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M202,284 L478,74\"/>\n" +
            "<circle class=\"marker\" fill=\"#1f5fa8\" r=\"3\" cx=\"202\" cy=\"284\"/>\n" +
            "<circle class=\"marker\" fill=\"#1f5fa8\" r=\"3\" cx=\"478\" cy=\"74\"/>\n" +
            "<path class=\"line\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" d=\"M202,224\"/>\n" +
            "<circle class=\"marker\" fill=\"#c0392b\" r=\"3\" cx=\"202\" cy=\"224\"/>\n" +
            "<g class=\"legend\">\n" +
            "<path stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M466,52 L486,52\"/>\n" +
            "<text x=\"492\" y=\"56\">Measured</text>\n" +
            "<path stroke=\"#c0392b\" stroke-width=\"2\" d=\"M466,70 L486,70\"/>\n" +
            "<text x=\"492\" y=\"74\">ADCS</text>\n" +
            "</g>\n</svg>\n",
            svg,
            StringComparison.Ordinal);
        Assert.Equal(
            ["0", "0.1", "0.2", "0.3", "0.4", "0.5"],
            TextsEndingWith(svg, "text-anchor=\"end\">"));
        Assert.Contains("<text stroke=\"none\" x=\"56\" y=\"48\" text-anchor=\"end\">0.5</text>\n", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"bar\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_OneSeries_HasNoLegend()
    {
        string bars = SvgChart.Series(new ChartSeries("Measured", [new("2019", 1)]));
        string line = SvgChart.Series(new ChartSeries("Measured", [new("2019", 1)]), [], style: SeriesStyle.Line);

        Assert.DoesNotContain("legend", bars, StringComparison.Ordinal);
        Assert.DoesNotContain("Measured", bars, StringComparison.Ordinal);
        Assert.DoesNotContain("legend", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, new[] { "0", "1", "2", "3", "4", "5" })] // 5 / 5 = 1, exactly a round step
    [InlineData(50, new[] { "0", "10", "20", "30", "40", "50" })]
    [InlineData(7, new[] { "0", "2", "4", "6", "8" })] // step 2, the top rounded up to 8
    [InlineData(0.45, new[] { "0", "0.1", "0.2", "0.3", "0.4", "0.5" })] // step 0.1, top 0.5
    [InlineData(12, new[] { "0", "5", "10", "15" })] // 12 / 5 = 2.4: step 5
    [InlineData(0, new[] { "0", "0.25", "0.5", "0.75", "1" })] // all values 0: 0 to 1
    [InlineData(4e15, new[] { "0", "1000000000000000", "2000000000000000", "3000000000000000", "4000000000000000" })] // never 1E+15
    public void Series_VerticalScaleRunsFromZeroToARoundNumberAtOrAboveTheLargestValue(double largest, string[] labels)
    {
        string svg = SvgChart.Series(new ChartSeries("Measured", [new("a", largest / 2), new("b", largest)]));

        Assert.Equal(labels, TextsEndingWith(svg, "text-anchor=\"end\">"));
    }

    [Fact]
    public void Series_TheBarOfTheLargestValueReachesTheTopOfTheScale()
    {
        // Largest 0.4, scale 0 to 0.4 in steps of 0.1: one slot of 552; y = 344 - 750 v.
        string svg = SvgChart.Series(new ChartSeries("Measured", [new("2020/21", 0.4)]), options: new ChartOptions { Title = "Turnover" });

        Assert.Contains("<rect class=\"bar\" fill=\"#1f5fa8\" x=\"146.8\" y=\"44\" width=\"386.4\" height=\"300\"/>\n", svg, StringComparison.Ordinal);
        Assert.Contains("<title>Turnover</title>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void KaplanMeier_IsExactlyTheDocumentOfTheLayout()
    {
        // Events at 2 and 6, censored at 4 and 8: S = 0.75 from 2, 0.375 from 6. Last time 8: a horizontal scale
        // 0 to 8 in steps of 2, so t is at x = 64 + 69 t; survival s at y = 344 - 300 s.
        KaplanMeierCurve curve = KaplanMeier.Fit([new(2, true), new(4, false), new(6, true), new(8, false)]);

        string svg = SvgChart.KaplanMeier(curve, new ChartOptions { ShowConfidenceBand = false, XAxisLabel = "Months" });

        string expected =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"640\" height=\"400\" viewBox=\"0 0 640 400\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n" +
            "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" +
            Axis +
            "<text stroke=\"none\" x=\"56\" y=\"348\" text-anchor=\"end\">0</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"273\" text-anchor=\"end\">0.25</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"198\" text-anchor=\"end\">0.5</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"123\" text-anchor=\"end\">0.75</text>\n" +
            "<text stroke=\"none\" x=\"56\" y=\"48\" text-anchor=\"end\">1</text>\n" +
            "<text stroke=\"none\" x=\"64\" y=\"362\" text-anchor=\"middle\">0</text>\n" +
            "<text stroke=\"none\" x=\"202\" y=\"362\" text-anchor=\"middle\">2</text>\n" +
            "<text stroke=\"none\" x=\"340\" y=\"362\" text-anchor=\"middle\">4</text>\n" +
            "<text stroke=\"none\" x=\"478\" y=\"362\" text-anchor=\"middle\">6</text>\n" +
            "<text stroke=\"none\" x=\"616\" y=\"362\" text-anchor=\"middle\">8</text>\n" +
            "<path fill=\"none\" d=\"M64,44 L64,344 L616,344 M59,344 L64,344 M59,269 L64,269 M59,194 L64,194 M59,119 L64,119 M59,44 L64,44" +
            " M64,344 L64,349 M202,344 L202,349 M340,344 L340,349 M478,344 L478,349 M616,344 L616,349\"/>\n" +
            "<text stroke=\"none\" x=\"340\" y=\"388\" text-anchor=\"middle\">Months</text>\n" +
            "</g>\n" +
            "<path class=\"survival\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M64,44 L202,44 L202,119 L340,119 L340,119 L478,119 L478,231.5 L616,231.5 L616,231.5\"/>\n" +
            "<path class=\"censor\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" d=\"M340,114 L340,124 M616,226.5 L616,236.5\"/>\n" +
            "<g class=\"legend\">\n" +
            "<g transform=\"translate(466 52)\"><path stroke=\"#333333\" stroke-width=\"1.5\" d=\"M10,-5 L10,5\"/></g>\n" +
            "<text x=\"492\" y=\"56\">Censored</text>\n" +
            "</g>\n" +
            "</svg>\n";
        Assert.Equal(expected, svg);
    }

    [Fact]
    public void KaplanMeier_SeveralCurves_KeyEveryCurveWithALineInItsColour_ThenTheBandAndTheTicks()
    {
        KaplanMeierCurve first = KaplanMeier.Fit([new(2, true), new(8, false)]);
        KaplanMeierCurve second = KaplanMeier.Fit([new(4, true), new(6, false)]);
        KaplanMeierCurve third = KaplanMeier.Fit([new(3, true), new(5, true)]);

        string svg = SvgChart.KaplanMeier([new ChartCurve("North", first), new ChartCurve("South", second), new ChartCurve("East", third)], new ChartOptions { Width = 800 });

        // Plot right edge 800 - 24 = 776: keys from x = 626, rows at y = 52, 70, 88, then the band's and the ticks' at 106, 124.
        Assert.EndsWith(
            "<g class=\"legend\">\n" +
            "<g transform=\"translate(626 52)\"><path stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M0,0 L20,0\"/></g>\n" +
            "<text x=\"652\" y=\"56\">North</text>\n" +
            "<g transform=\"translate(626 70)\"><path stroke=\"#c0392b\" stroke-width=\"2\" d=\"M0,0 L20,0\"/></g>\n" +
            "<text x=\"652\" y=\"74\">South</text>\n" +
            "<g transform=\"translate(626 88)\"><path stroke=\"#2e8b57\" stroke-width=\"2\" d=\"M0,0 L20,0\"/></g>\n" +
            "<text x=\"652\" y=\"92\">East</text>\n" +
            "<g transform=\"translate(626 106)\"><rect fill=\"#5d6d7e\" fill-opacity=\"0.18\" x=\"0\" y=\"-6\" width=\"20\" height=\"12\"/></g>\n" +
            "<text x=\"652\" y=\"110\">95% confidence band</text>\n" +
            "<g transform=\"translate(626 124)\"><path stroke=\"#333333\" stroke-width=\"1.5\" d=\"M10,-5 L10,5\"/></g>\n" +
            "<text x=\"652\" y=\"128\">Censored</text>\n" +
            "</g>\n</svg>\n",
            svg,
            StringComparison.Ordinal);
    }

    [Fact]
    public void KaplanMeier_ACurveWithoutPoints_HasTheUnitScale()
    {
        string svg = SvgChart.KaplanMeier(KaplanMeier.Fit([]));

        Assert.Equal(["0", "0.25", "0.5", "0.75", "1"], TextsEndingWith(svg, "text-anchor=\"middle\">"));
        Assert.Contains("<path class=\"survival\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M64,44\"/>\n", svg, StringComparison.Ordinal);
    }

    /// <summary>The text of every element whose start tag ends with <paramref name="tagEnd"/>, in order.</summary>
    private static string[] TextsEndingWith(string svg, string tagEnd) =>
        [.. svg.Split('\n')
            .Where(line => line.Contains(tagEnd, StringComparison.Ordinal) && line.EndsWith("</text>", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(tagEnd, StringComparison.Ordinal) + tagEnd.Length)..^"</text>".Length])];
}
