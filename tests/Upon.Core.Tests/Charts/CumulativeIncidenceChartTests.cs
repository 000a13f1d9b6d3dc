using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Upon.Core.Charts;
using Upon.Core.Tests.Workforce;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>
/// The cumulative incidence chart: stacked bands that fill 0 to 1 at every time with a legend entry per band, or a titled
/// panel per reason on one common scale; escaped, deterministic, and legible.
/// </summary>
public sealed class CumulativeIncidenceChartTests
{
    private const double Top = 44;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The docs' ten tenures in months (docs/workforce.md, competing risks): reasons left, moved and retired.</summary>
    private static readonly CumulativeIncidenceCurve Ten = CumulativeIncidence.Estimate(
    [
        new(8, "moved"), new(14, "retired"), new(14, null), new(20, "moved"), new(27, "left"),
        new(30, null), new(36, "moved"), new(41, "retired"), new(50, null), new(60, null),
    ]);

    [Fact]
    public void Stacked_IsWellFormedSvg_WithABandPerReasonAndStillInPostOnTop()
    {
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(Ten, new ChartOptions { Title = "Why tenures end" }));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("Why tenures end", svg.Root.Element(Svg + "title")!.Value);
        Assert.StartsWith("Stacked bands, from the bottom: the cumulative incidence of each exit reason (left, Moved to another DCS post, Retired)", svg.Root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        XElement[] bands = [.. WithClass(svg, "stack")];
        Assert.Equal(["left", "Moved to another DCS post", "Retired", "Still in post"], bands.Select(b => b.Element(Svg + "title")!.Value));
        Assert.Equal("in-post", ((string)bands[^1].Attribute("class")!).Split(' ')[1]);
        Assert.Equal(3, WithClass(svg, "boundary").Count());
    }

    [Fact]
    public void Stacked_LegendNamesEveryBandTopToBottom_WellKnownCodesInWords_OthersAsThey_Are()
    {
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(Ten));

        XElement legend = WithClass(svg, "legend").Single();
        Assert.Equal(["Still in post", "Retired", "Moved to another DCS post", "left"], legend.Elements(Svg + "text").Select(t => t.Value));

        // Each key has its band's colour, and the keys stand in the order of the entries, top to bottom.
        string[] bandColours = [.. WithClass(svg, "stack").Select(b => (string)b.Attribute("fill")!).Reverse()];
        Assert.Equal(bandColours, legend.Elements(Svg + "rect").Select(r => (string)r.Attribute("fill")!));
        double[] ys = [.. legend.Elements(Svg + "text").Select(t => Number(t, "y"))];
        Assert.Equal(ys.Order(), ys);
    }

    [Fact]
    public void Stacked_LegendIsBesideThePlot_InsideTheChart()
    {
        ChartOptions options = new() { XTickInterval = 12 };
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(Ten, options));

        double plotRight = WithClass(svg, "stack").SelectMany(PathPoints).Max(p => p.X);
        XElement legend = WithClass(svg, "legend").Single();
        Assert.All(legend.Elements(Svg + "rect"), r => Assert.True(Number(r, "x") > plotRight + 8, "the legend overlaps the plot"));
        Assert.All(legend.Elements(Svg + "text"), t => Assert.True(Number(t, "x") + (t.Value.Length * 6.6) <= options.Width, $"{t.Value} runs off the chart"));
    }

    [Fact]
    public void SideBySide_HasATitledPanelPerReason_InTheCurvesOrder_WithItsLineAndBand()
    {
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(Ten, layout: CumulativeIncidenceLayout.SideBySide));

        XElement[] panels = [.. WithClass(svg, "panel")];
        Assert.Equal(["left", "Moved to another DCS post", "Retired"], panels.Select(p => p.Element(Svg + "title")!.Value));
        Assert.Equal(["left", "Moved to another DCS post", "Retired"], panels.Select(p => WithClass(p, "panel-title").Single().Value));
        Assert.All(panels, p => Assert.Single(WithClass(p, "incidence")));
        Assert.All(panels, p => Assert.Single(WithClass(p, "band")));
        Assert.Empty(WithClass(svg, "stack"));

        // No legend of reasons (the titles name them): one line keys the shading.
        Assert.Equal(["95% confidence band"], WithClass(svg, "legend").Single().Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void SideBySide_WithoutTheBand_HasNoBandAndNoKey()
    {
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(Ten, new ChartOptions { ShowConfidenceBand = false }, CumulativeIncidenceLayout.SideBySide));

        Assert.Empty(WithClass(svg, "band"));
        Assert.Empty(WithClass(svg, "legend"));
        Assert.Equal(3, WithClass(svg, "incidence").Count());
    }

    [Fact]
    public void SideBySide_PanelLineIsTheReasonsStepFunction()
    {
        // One reason, two exits of four at 10 and 20 time units (a divisor of 2 puts them at 5 and 10 on the axis).
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(10, "a"), new(20, "a"), new(30, null), new(40, null)]);
        ChartOptions options = new() { TimeUnitDivisor = 2, XTickInterval = 5, ShowConfidenceBand = false };
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(curve, options, CumulativeIncidenceLayout.SideBySide));

        XElement panel = WithClass(svg, "panel").Single();
        Dictionary<string, double> xOf = PanelXLabels(panel).ToDictionary(t => t.Value, t => Number(t, "x"));
        Dictionary<string, double> yOf = PanelYLabels(panel).ToDictionary(t => t.Value, t => Number(t, "y") - 3.5);
        double Y(double value) => yOf["0"] - (value / 0.5 * (yOf["0"] - yOf["0.5"]));

        Assert.Equal(["0", "0.1", "0.2", "0.3", "0.4", "0.5"], yOf.Keys);
        Assert.Equal(
            [(xOf["0"], Y(0)), (xOf["5"], Y(0)), (xOf["5"], Y(0.25)), (xOf["10"], Y(0.25)), (xOf["10"], Y(0.5)), (xOf["20"], Y(0.5))],
            PathPoints(WithClass(panel, "incidence").Single()).Select(p => (Math.Round(p.X, 1), Math.Round(p.Y, 1))).ToArray(),
            new CloseTo());
    }

    [Fact]
    public void Output_IsTheSameEveryTime_InAnyCulture_AndTheWriterWritesTheSameText()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        string stacked = SvgChart.CumulativeIncidence(Ten, new ChartOptions { TimeUnitDivisor = 1.5, PercentValues = true });
        string panels = SvgChart.CumulativeIncidence(Ten, new ChartOptions { TimeUnitDivisor = 1.5 }, CumulativeIncidenceLayout.SideBySide);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(stacked, SvgChart.CumulativeIncidence(Ten, new ChartOptions { TimeUnitDivisor = 1.5, PercentValues = true }));
            Assert.Equal(panels, SvgChart.CumulativeIncidence(Ten, new ChartOptions { TimeUnitDivisor = 1.5 }, CumulativeIncidenceLayout.SideBySide));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        using StringWriter writer = new(CultureInfo.InvariantCulture);
        SvgChart.WriteCumulativeIncidence(writer, Ten, new ChartOptions { TimeUnitDivisor = 1.5 }, CumulativeIncidenceLayout.SideBySide);
        Assert.Equal(panels, writer.ToString());
        Assert.DoesNotContain('\r', stacked);
        Assert.Matches("[0-9]\\.[0-9]", stacked);
    }

    [Property(MaxTest = 1000)]
    public Property Stacked_BandsTileZeroToOne_BoundariesNeverCross_TopBandAtFullHeightAtEveryStep() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), StackedBandsTile);

    private static void StackedBandsTile(CompetingRiskRecord[] records)
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
        ChartOptions options = ChartOptions.Default;
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(curve, options));
        double bottom = options.Height - 56;
        int reasons = curve.Reasons.Length;

        XElement[] bands = [.. WithClass(svg, "stack")];
        Assert.Equal(reasons + 1, WithClass(svg, "legend").Single().Elements(Svg + "text").Count());
        if (curve.Points.IsEmpty)
        {
            Assert.Empty(bands);
            Assert.Equal("No records", WithClass(svg, "note").Single().Value);
            return;
        }

        // The edges between bands, lowest first, with the plot's bottom and top: every band lies between two neighbours.
        List<(double X, double Y)>[] inner = [.. WithClass(svg, "boundary").Select(PathPoints)];
        Assert.Equal(reasons + 1, bands.Length);
        Assert.Equal(reasons, inner.Length);
        for (int k = 0; k < bands.Length; k++)
        {
            List<(double X, double Y)> polygon = PathPoints(bands[k]);
            List<(double X, double Y)>? lower = k == 0 ? null : inner[k - 1];
            List<(double X, double Y)>? upper = k == reasons ? null : inner[k];

            // The polygon is its upper edge forward and its lower edge back; with no reasons (one band, the whole plot) the
            // lower edge is the run along the bottom.
            int upperCount = upper?.Count ?? (lower is null ? polygon.FindIndex(p => p.Y == bottom) : polygon.Count - lower.Count);
            List<(double X, double Y)> upperDrawn = polygon[..upperCount];
            List<(double X, double Y)> lowerDrawn = [.. polygon[upperCount..].AsEnumerable().Reverse()];

            Assert.Equal(upper ?? upperDrawn, upperDrawn);
            Assert.Equal(lower ?? lowerDrawn, lowerDrawn);
            if (k == 0)
            {
                Assert.All(lowerDrawn, p => Assert.Equal(bottom, p.Y));
            }

            if (k == reasons)
            {
                Assert.All(upperDrawn, p => Assert.Equal(Top, p.Y));
            }
        }

        // Every boundary runs from time 0 to the last time, and at every place a boundary is at or above (smaller y) the one under it.
        List<(double X, double Y)>[] all = [[(inner.FirstOrDefault()?[0].X ?? 64, bottom)], .. inner, [(64, Top)]];
        double[] xs = [.. inner.SelectMany(b => b).Select(p => p.X).Distinct().Order()];
        foreach (List<(double X, double Y)> boundary in inner)
        {
            Assert.Equal(64, boundary[0].X);
            Assert.Equal(inner[0][^1].X, boundary[^1].X);
        }

        foreach (double x in xs)
        {
            for (int k = 1; k < all.Length; k++)
            {
                Assert.True(ValueAt(all[k], x) <= ValueAt(all[k - 1], x), $"boundary {k} is under boundary {k - 1} at x = {x}");
            }
        }
    }

    [Property(MaxTest = 1000)]
    public Property SideBySide_PanelsShareOneScale_ThatHoldsTheHighestIncidence() =>
        Prop.ForAll(CompetingRiskGenerators.RecordLists(), PanelsShareOneScale);

    private static void PanelsShareOneScale(CompetingRiskRecord[] records)
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(records);
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(curve, layout: CumulativeIncidenceLayout.SideBySide));

        XElement[] panels = [.. WithClass(svg, "panel")];
        Assert.Equal(curve.Reasons.Select(r => r), panels.Select(p => p.Element(Svg + "title")!.Value));
        if (panels.Length == 0)
        {
            Assert.Equal("No exit reasons", WithClass(svg, "note").Single().Value);
            return;
        }

        // The same value labels in every panel, at the same heights within each panel's plot.
        string[] labels = [.. PanelYLabels(panels[0]).Select(t => t.Value)];
        double top = double.Parse(labels[^1], CultureInfo.InvariantCulture);
        Assert.Equal("0", labels[0]);
        Assert.True(top is > 0 and <= 1);
        List<(double Top, double Bottom)> plots = [];
        foreach (XElement panel in panels)
        {
            XElement[] ticks = [.. PanelYLabels(panel)];
            Assert.Equal(labels, ticks.Select(t => t.Value));
            plots.Add((Number(ticks[^1], "y") - 3.5, Number(ticks[0], "y") - 3.5));
            Assert.Equal(plots[0].Bottom - plots[0].Top, plots[^1].Bottom - plots[^1].Top, 6);
        }

        // The scale holds every reason's highest incidence (and upper limit), and each line's highest corner is its own.
        double highest = curve.Points.SelectMany(p => p.Incidence).Select(i => double.IsFinite(i.Lower) && double.IsFinite(i.Upper) ? Math.Max(i.Upper, i.Probability) : i.Probability).DefaultIfEmpty(0).Max();
        Assert.True(top >= highest - 1e-12, $"the scale's top {top} is under the highest value {highest}");
        for (int r = 0; r < panels.Length; r++)
        {
            if (curve.Points.IsEmpty)
            {
                Assert.Equal("No records", WithClass(panels[r], "note").Single().Value);
                continue;
            }

            double most = curve.Points.Max(p => p.Incidence[r].Probability);
            double drawn = PathPoints(WithClass(panels[r], "incidence").Single()).Min(p => p.Y);
            double expected = plots[r].Bottom - (most / top * (plots[r].Bottom - plots[r].Top));
            Assert.True(Math.Abs(drawn - expected) <= 0.02, $"panel {r}: highest corner at {drawn}, its incidence {most} at {expected}");
        }
    }

    [Theory]
    [InlineData(CumulativeIncidenceLayout.Stacked)]
    [InlineData(CumulativeIncidenceLayout.SideBySide)]
    public void HostileReasons_AreEscaped(CumulativeIncidenceLayout layout)
    {
        const string Hostile = "</text><script>alert('x')</script>&amp;\"";
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(3, Hostile), new(5, "b\u0001"), new(9, null)]);

        string text = SvgChart.CumulativeIncidence(curve, new ChartOptions { Width = 1200 }, layout);
        XDocument svg = XDocument.Parse(text);

        Assert.DoesNotContain("<script", text, StringComparison.Ordinal);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        string[] names = layout == CumulativeIncidenceLayout.Stacked
            ? [.. WithClass(svg, "stack").Select(b => b.Element(Svg + "title")!.Value)]
            : [.. WithClass(svg, "panel").Select(p => p.Element(Svg + "title")!.Value)];
        Assert.Contains(Hostile, names);
        Assert.Contains("b\uFFFD", names);
        Assert.Contains(Hostile, svg.Root!.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void LongReasons_AreShortenedWithAnEllipsis_TheWholeNameATooltip()
    {
        string longName = "a reason of the user's own with a very long name indeed";
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(3, longName), new(9, null)]);

        XDocument stacked = XDocument.Parse(SvgChart.CumulativeIncidence(curve));
        XElement legend = WithClass(stacked, "legend").Single();
        Assert.Equal(longName[..31] + "…", legend.Elements(Svg + "text").Last().Value);
        Assert.Equal(longName, legend.Elements(Svg + "rect").Last().Element(Svg + "title")!.Value);
        Assert.Null(legend.Elements(Svg + "rect").First().Element(Svg + "title"));

        // A panel's title takes two lines, broken at a space, the second shortened when even two are too few.
        XDocument panels = XDocument.Parse(SvgChart.CumulativeIncidence(curve, new ChartOptions { Width = 200 }, CumulativeIncidenceLayout.SideBySide));
        XElement panel = WithClass(panels, "panel").Single();
        string[] lines = [.. WithClass(panel, "panel-title").Single().Elements(Svg + "tspan").Select(t => t.Value)];
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(lines[0] + " " + lines[1][..^1], longName, StringComparison.Ordinal);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= (200 - 16) / 6.9, $"\"{l}\" is too long for its panel"));
        Assert.Equal(longName, panel.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void EmptyCurve_DrawsTheFrameWithANote()
    {
        CumulativeIncidenceCurve none = CumulativeIncidence.Estimate([], ["moved", "retired"]);

        XDocument stacked = XDocument.Parse(SvgChart.CumulativeIncidence(none));
        Assert.Empty(WithClass(stacked, "stack"));
        Assert.Equal("No records", WithClass(stacked, "note").Single().Value);
        Assert.Equal(["Still in post", "Retired", "Moved to another DCS post"], WithClass(stacked, "legend").Single().Elements(Svg + "text").Select(t => t.Value));
        Assert.Single(WithClass(stacked, "axis"));

        XDocument panels = XDocument.Parse(SvgChart.CumulativeIncidence(none, layout: CumulativeIncidenceLayout.SideBySide));
        Assert.Equal(2, WithClass(panels, "panel").Count());
        Assert.All(WithClass(panels, "panel"), p => Assert.Equal("No records", WithClass(p, "note").Single().Value));
        Assert.Empty(WithClass(panels, "incidence"));
    }

    [Fact]
    public void NoExits_StackOnlyStillInPost_AndWithoutReasonsNoPanels()
    {
        CumulativeIncidenceCurve censored = CumulativeIncidence.Estimate([new(5, null), new(8, null)]);

        XDocument stacked = XDocument.Parse(SvgChart.CumulativeIncidence(censored));
        XElement band = WithClass(stacked, "stack").Single();
        Assert.Equal("Still in post", band.Element(Svg + "title")!.Value);
        Assert.Equal([Top, 344], PathPoints(band).Select(p => p.Y).Distinct().Order());

        XDocument panels = XDocument.Parse(SvgChart.CumulativeIncidence(censored, layout: CumulativeIncidenceLayout.SideBySide));
        Assert.Empty(WithClass(panels, "panel"));
        Assert.Equal("No exit reasons", WithClass(panels, "note").Single().Value);
        Assert.Equal("No exit reasons to show.", panels.Root!.Element(Svg + "desc")!.Value);

        // With reasons and no exits the panels are flat at 0, on a scale to 1.
        CumulativeIncidenceCurve flat = CumulativeIncidence.Estimate([new(5, null), new(8, null)], ["moved"]);
        XElement panel = WithClass(XDocument.Parse(SvgChart.CumulativeIncidence(flat, layout: CumulativeIncidenceLayout.SideBySide)), "panel").Single();
        Assert.Equal("1", PanelYLabels(panel).Last().Value);
        Assert.Single(PathPoints(WithClass(panel, "incidence").Single()).Select(p => p.Y).Distinct());
    }

    [Theory]
    [InlineData(CumulativeIncidenceLayout.Stacked)]
    [InlineData(CumulativeIncidenceLayout.SideBySide)]
    public void TimeAxis_IsTheCurvesTimeOverTheDivisor_WithTicksAtTheInterval(CumulativeIncidenceLayout layout)
    {
        // Exits at 1 and 2 years in days, drawn in months with ticks every 12: the curves end at the "24" tick.
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate([new(365.2425, "moved"), new(2 * 365.2425, "retired"), new(700, null)]);
        ChartOptions options = new() { TimeUnitDivisor = TenureMeasures.DaysPerMonth, XTickInterval = 12 };
        XDocument svg = XDocument.Parse(SvgChart.CumulativeIncidence(curve, options, layout));

        string group = layout == CumulativeIncidenceLayout.Stacked ? "axis" : "panel-axis";
        XElement firstAxis = WithClass(svg, group).First();
        XElement[] ticks = [.. firstAxis.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "middle" && t.Value.All(char.IsAsciiDigit))];
        Assert.Equal(["0", "12", "24"], ticks.Select(t => t.Value));

        string curveClass = layout == CumulativeIncidenceLayout.Stacked ? "stack" : "incidence";
        double end = PathPoints(WithClass(svg, curveClass).First()).Max(p => p.X);
        Assert.Equal(Number(ticks[2], "x"), end, 2);
    }

    [Theory]
    [InlineData(CumulativeIncidenceLayout.Stacked, 640, 400, 3)]
    [InlineData(CumulativeIncidenceLayout.Stacked, 640, 400, 10)]
    [InlineData(CumulativeIncidenceLayout.SideBySide, 640, 400, 3)]
    [InlineData(CumulativeIncidenceLayout.SideBySide, 640, 400, 7)]
    [InlineData(CumulativeIncidenceLayout.SideBySide, 640, 400, 10)]
    [InlineData(CumulativeIncidenceLayout.SideBySide, 900, 600, 7)]
    public void Text_NeverOverlaps_AndStaysInsideTheChart(CumulativeIncidenceLayout layout, int width, int height, int reasons)
    {
        CumulativeIncidenceCurve curve = CumulativeIncidence.Estimate(
            Enumerable.Range(0, 400).Select(i => new CompetingRiskRecord(1 + (i * 7 % 2000), i % 3 == 0 ? null : Reason(i % reasons))),
            Enumerable.Range(0, reasons).Select(Reason));
        ChartOptions options = new()
        {
            Width = width,
            Height = height,
            Title = "Why tenures end, 2008/09 to 2023/24",
            XAxisLabel = "Months in post",
            YAxisLabel = "Share of tenures",
            TimeUnitDivisor = TenureMeasures.DaysPerMonth,
            XTickInterval = 12,
            PercentValues = true,
        };

        AssertLegible(XDocument.Parse(SvgChart.CumulativeIncidence(curve, options, layout)), options);

        static string Reason(int r) => ExitReason.WellKnown.Length > r ? ExitReason.WellKnown[r].Code : $"own-reason-{r}";
    }

    [Theory]
    [InlineData(CumulativeIncidenceLayout.Stacked)]
    [InlineData(CumulativeIncidenceLayout.SideBySide)]
    public void SyntheticSector_TextNeverOverlaps(CumulativeIncidenceLayout layout)
    {
        ChartOptions options = CumulativeIncidenceChartImageTests.Options(layout);
        AssertLegible(XDocument.Parse(SvgChart.CumulativeIncidence(CumulativeIncidenceChartImageTests.SyntheticSector, options, layout)), options);
        AssertLegible(XDocument.Parse(SvgChart.CumulativeIncidence(CumulativeIncidenceChartImageTests.SyntheticSector, options with { Width = 640, Height = 400 }, layout)), options with { Width = 640, Height = 400 });
    }

    [Fact]
    public void Arguments_AreChecked()
    {
        Assert.Equal("curve", Assert.Throws<ArgumentNullException>(() => SvgChart.CumulativeIncidence(null!)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => SvgChart.WriteCumulativeIncidence(null!, Ten)).ParamName);
        ArgumentOutOfRangeException undefined = Assert.Throws<ArgumentOutOfRangeException>(() => SvgChart.CumulativeIncidence(Ten, layout: (CumulativeIncidenceLayout)2));
        Assert.Equal("layout", undefined.ParamName);
        Assert.StartsWith("The layout must be Stacked or SideBySide.", undefined.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every text's box (an average character 0.55 of the font size wide, 0.6 in bold; as tall as the font size above its
    /// baseline) lies inside the chart and overlaps no other; turned text (the vertical axis's title) is left out.
    /// </summary>
    private static void AssertLegible(XDocument svg, ChartOptions options)
    {
        List<(string Text, double Left, double Right, double Top, double Bottom)> boxes = [];
        foreach (XElement text in svg.Descendants(Svg + "text").Where(t => t.Attribute("transform") is null && t.Value.Length > 0))
        {
            double size = text.AncestorsAndSelf().Select(e => (string?)e.Attribute("font-size")).FirstOrDefault(s => s is not null) is string s
                ? double.Parse(s, CultureInfo.InvariantCulture)
                : 12;
            double charWidth = size * ((string?)text.Attribute("font-weight") == "bold" ? 0.6 : 0.55);
            XElement[] lines = text.Elements(Svg + "tspan").Any() ? [.. text.Elements(Svg + "tspan")] : [text];
            foreach (XElement line in lines)
            {
                double width = line.Value.Length * charWidth;
                double x = Number(line, "x");
                double left = (string?)text.Attribute("text-anchor") switch { "middle" => x - (width / 2), "end" => x - width, _ => x };
                double baseline = Number(line, "y");
                boxes.Add((line.Value, left, left + width, baseline - (size * 0.8), baseline + (size * 0.2)));
            }
        }

        foreach (var box in boxes)
        {
            Assert.True(box.Left >= 0 && box.Right <= options.Width && box.Top >= 0 && box.Bottom <= options.Height, $"\"{box.Text}\" is outside the chart");
        }

        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                bool overlap = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                Assert.False(overlap, $"\"{a.Text}\" overlaps \"{b.Text}\"");
            }
        }
    }

    /// <summary>The y of the step line <paramref name="line"/> at <paramref name="x"/>: the last corner at or before it (a step takes effect at its place).</summary>
    private static double ValueAt(List<(double X, double Y)> line, double x)
    {
        double y = line[0].Y;
        foreach ((double X, double Y) corner in line)
        {
            if (corner.X > x)
            {
                break;
            }

            y = corner.Y;
        }

        return y;
    }

    private static IEnumerable<XElement> PanelYLabels(XElement panel) =>
        WithClass(panel, "panel-axis").Single().Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "end");

    private static IEnumerable<XElement> PanelXLabels(XElement panel) =>
        WithClass(panel, "panel-axis").Single().Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "middle");

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static List<(double X, double Y)> PathPoints(XElement path) =>
        [.. ((string)path.Attribute("d")!).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.TrimStart('M', 'L').TrimEnd('Z'))
            .Where(part => part.Length > 0)
            .Select(part => part.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))];

    private static IEnumerable<XElement> WithClass(XContainer svg, string name) =>
        svg.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(name) == true);

    private sealed class CloseTo : IEqualityComparer<(double X, double Y)>
    {
        public bool Equals((double X, double Y) a, (double X, double Y) b) => Math.Abs(a.X - b.X) <= 0.1 && Math.Abs(a.Y - b.Y) <= 0.1;

        public int GetHashCode((double X, double Y) obj) => 0;
    }
}
