using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Charts;

// Kaplan–Meier charts: the steps, the confidence band and the censoring marks.
public static partial class SvgChart
{
    /// <summary>Draws one Kaplan–Meier curve; see <see cref="WriteKaplanMeier(TextWriter, IReadOnlyList{ChartCurve}, ChartOptions?)"/>.</summary>
    /// <param name="curve">The curve.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    public static string KaplanMeier(KaplanMeierCurve curve, ChartOptions? options = null)
    {
        Guard.Against.Null(curve);
        return KaplanMeier([new ChartCurve(string.Empty, curve)], options);
    }

    /// <summary>Draws Kaplan–Meier curves; see <see cref="WriteKaplanMeier(TextWriter, IReadOnlyList{ChartCurve}, ChartOptions?)"/>.</summary>
    /// <param name="curves">The curves, at least one.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curves"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="curves"/> is empty.</exception>
    public static string KaplanMeier(IReadOnlyList<ChartCurve> curves, ChartOptions? options = null)
    {
        StringWriter writer = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteKaplanMeier(writer, curves, options);
        return writer.ToString();
    }

    /// <summary>
    /// Writes Kaplan–Meier curves as an SVG document: each curve as a right-continuous step function from
    /// survival 1 at time 0 to its last time; its confidence band shaded between the lower and upper limits'
    /// steps wherever both are defined (when <see cref="ChartOptions.ShowConfidenceBand"/>); a vertical tick at
    /// each time with censoring (when <see cref="ChartOptions.ShowCensoring"/>); axes from 0 to a round number at
    /// or above the last time divided by <see cref="ChartOptions.TimeUnitDivisor"/>, and from 0 to 1; and a legend
    /// when there is more than one curve.
    /// </summary>
    /// <param name="writer">The writer; left open.</param>
    /// <param name="curves">The curves, at least one, drawn in order with a colour each.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="curves"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="curves"/> is empty.</exception>
    public static void WriteKaplanMeier(TextWriter writer, IReadOnlyList<ChartCurve> curves, ChartOptions? options = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(curves);
        Guard.Against.Invalid(curves.Count == 0, "A chart needs at least one curve.", nameof(curves));

        options ??= ChartOptions.Default;
        double lastTime = 0;
        foreach (ChartCurve curve in curves)
        {
            Guard.Against.Null(curve, nameof(curves));
            if (!curve.Curve.Points.IsEmpty)
            {
                lastTime = Math.Max(lastTime, curve.Curve.Points[^1].Time / options.TimeUnitDivisor);
            }
        }

        (double xStep, double xMax) = options.XTickInterval is double interval ? IntervalScale(lastTime, interval) : NiceScale(lastTime);
        // The table of numbers at risk takes a heading and a row per curve under the axis: the plot is that much shorter.
        double atRiskRoom = options.ShowAtRisk ? AtRiskHeading + (AtRiskRow * curves.Count) : 0;
        Plot plot = new(options, xMax, 1, atRiskRoom);
        StringBuilder svg = new();
        Open(svg, options);
        List<double> xTicks = TickValues(xStep, xMax);
        Axes(svg, plot, options, xTicks, [0, 0.25, 0.5, 0.75, 1], categories: null);
        if (options.ShowAtRisk)
        {
            AtRisk(svg, plot, curves, xTicks, options.TimeUnitDivisor);
        }

        for (int c = 0; c < curves.Count; c++)
        {
            string colour = Palette[c % Palette.Length];
            KaplanMeierCurve curve = curves[c].Curve;
            if (options.ShowConfidenceBand)
            {
                Band(svg, plot, curve, options.TimeUnitDivisor, colour);
            }

            svg.Append("<path class=\"survival\" fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"2\" d=\"");
            Point(svg, 'M', plot.X(0), plot.Y(1));
            double level = 1;
            foreach (KaplanMeierPoint point in curve.Points)
            {
                double x = plot.X(point.Time / options.TimeUnitDivisor);
                Point(svg, 'L', x, plot.Y(level));
                level = point.Survival;
                Point(svg, 'L', x, plot.Y(level));
            }

            svg.Append("\"/>\n");
            if (options.ShowCensoring)
            {
                Censoring(svg, plot, curve, options.TimeUnitDivisor, colour);
            }
        }

        // The legend keys every curve (when there are several), then the marks: the band, at the first curve's level, and
        // the censoring ticks, so that a reader of a printed chart knows what the shading and the ticks are.
        List<(string Label, string Key)> entries = [];
        if (curves.Count > 1)
        {
            for (int c = 0; c < curves.Count; c++)
            {
                entries.Add((curves[c].Label, LineKey(Palette[c % Palette.Length])));
            }
        }

        if (options.ShowConfidenceBand)
        {
            entries.Add(($"{Label(curves[0].Curve.ConfidenceLevel * 100)}% confidence band", BandKey));
        }

        if (options.ShowCensoring)
        {
            entries.Add(("Censored", CensorKey));
        }

        if (entries.Count > 0)
        {
            KeyedLegend(svg, plot, entries);
        }

        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    private static void Band(StringBuilder svg, Plot plot, KaplanMeierCurve curve, double divisor, string colour)
    {
        // One polygon per run of points whose limits are both defined: the upper steps forward, the lower back.
        var points = curve.Points;
        StringBuilder path = new();
        int i = 0;
        while (i < points.Length)
        {
            if (!(double.IsFinite(points[i].Lower) && double.IsFinite(points[i].Upper)))
            {
                i++;
                continue;
            }

            int first = i;
            while (i < points.Length && double.IsFinite(points[i].Lower) && double.IsFinite(points[i].Upper))
            {
                i++;
            }

            double End(int k) => plot.X((k + 1 < points.Length ? points[k + 1].Time : points[k].Time) / divisor);
            for (int k = first; k < i; k++)
            {
                Point(path, k == first ? 'M' : 'L', plot.X(points[k].Time / divisor), plot.Y(points[k].Upper));
                Point(path, 'L', End(k), plot.Y(points[k].Upper));
            }

            for (int k = i - 1; k >= first; k--)
            {
                Point(path, 'L', End(k), plot.Y(points[k].Lower));
                Point(path, 'L', plot.X(points[k].Time / divisor), plot.Y(points[k].Lower));
            }

            path.Append('Z');
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"band\" fill=\"").Append(colour).Append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"").Append(path).Append("\"/>\n");
        }
    }

    /// <summary>The room the heading of the numbers at risk takes under the axis's title.</summary>
    private const double AtRiskHeading = 24;

    /// <summary>The room each curve's row of numbers at risk takes.</summary>
    private const double AtRiskRow = 16;

    /// <summary>
    /// Writes the numbers at risk under the axis and its title: a heading, then for each curve, in its colour, a key at the left (a
    /// stroke with the curve's label as its tooltip) and under each tick the number at risk at that time (R's <c>n.risk</c> at the curve's first time at or after it;
    /// 0 after the curve's last time).
    /// </summary>
    private static void AtRisk(StringBuilder svg, Plot plot, IReadOnlyList<ChartCurve> curves, List<double> ticks, double divisor)
    {
        // Under the axis's title, which is under the tick labels: the times are read first, then who was at risk at them.
        double top = plot.Bottom + XAxisLabelOffset + AtRiskHeading;
        svg.Append("<g class=\"at-risk\" font-size=\"11\">\n");
        svg.Append("<text x=\"4\" y=\"").Append(Number(top)).Append("\" fill=\"#333333\">Number at risk</text>\n");
        for (int c = 0; c < curves.Count; c++)
        {
            string colour = Palette[c % Palette.Length];
            // Each row is keyed by a stroke of its curve's colour, which the legend names: a label would not fit the margin.
            double row = top + (AtRiskRow * (c + 1));
            string y = Number(row);
            svg.Append("<path stroke=\"").Append(colour).Append("\" stroke-width=\"3\" d=\"");
            Point(svg, 'M', 8, row - 4);
            Point(svg, 'L', 28, row - 4);
            svg.Append("\"><title>").Append(Escape(curves[c].Label.Length == 0 ? "All" : curves[c].Label)).Append("</title></path>\n");
            foreach (double tick in ticks)
            {
                long atRisk = curves[c].Curve.SurvivalAt(tick * divisor)?.AtRisk ?? 0;
                svg.Append("<text x=\"").Append(Number(plot.X(tick))).Append("\" y=\"").Append(y).Append("\" fill=\"").Append(colour).Append("\" text-anchor=\"middle\">")
                    .Append(atRisk.ToString(CultureInfo.InvariantCulture)).Append("</text>\n");
            }
        }

        svg.Append("</g>\n");
    }

    private static void Censoring(StringBuilder svg, Plot plot, KaplanMeierCurve curve, double divisor, string colour)
    {
        // A tick within two units of the last one drawn, at the same height, would only thicken it: with a thousand spells
        // the ticks would blur the line. It is left out; every tick that can be told apart is drawn.
        StringBuilder path = new();
        double lastX = double.NegativeInfinity;
        double lastY = double.NaN;
        foreach (KaplanMeierPoint point in curve.Points)
        {
            if (point.Censored > 0)
            {
                double x = plot.X(point.Time / divisor);
                double y = plot.Y(point.Survival);
                if (x - lastX < 2 && Math.Abs(y - lastY) < 2)
                {
                    continue;
                }

                Point(path, 'M', x, Math.Max(y - Tick, plot.Top));
                Point(path, 'L', x, Math.Min(y + Tick, plot.Bottom));
                (lastX, lastY) = (x, y);
            }
        }

        if (path.Length > 0)
        {
            svg.Append("<path class=\"censor\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.5\" d=\"").Append(path).Append("\"/>\n");
        }
    }
}
