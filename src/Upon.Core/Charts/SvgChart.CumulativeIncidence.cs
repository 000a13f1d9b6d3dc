using System.Text;
using Upon.Core.Workforce;

namespace Upon.Core.Charts;

// Cumulative incidence charts: the reasons' incidences stacked under the share still in post, or a panel per reason.
public static partial class SvgChart
{
    /// <summary>The fill of each reason's band and the colour of its panel's curve, in the order of the curve's reasons; repeated after eight.</summary>
    private static readonly string[] ReasonPalette = ["#1f5fa8", "#d35400", "#2e8b57", "#c0392b", "#8e44ad", "#b7950b", "#148f96", "#7b4f2c"];

    /// <summary>The fill of the band of those still in post: a light neutral, so that the reasons stand out.</summary>
    private const string InPostColour = "#d5dbe1";

    /// <summary>The legend's name of the band of those still in post.</summary>
    private const string InPostLabel = "Still in post";

    /// <summary>The longest legend label, in characters, before it is shortened with an ellipsis (its whole text then a tooltip).</summary>
    private const int LegendChars = 32;

    /// <summary>The width of a character of 12-unit sans-serif text, on average, for measuring labels.</summary>
    private const double TextCharWidth = 6.6;

    /// <summary>The words a reader sees for the well-known exit reasons' codes; any other reason is written as it is.</summary>
    private static readonly Dictionary<string, string> ReasonNames = new(StringComparer.Ordinal)
    {
        [ExitReason.MovedToAnotherDcsPost.Code] = "Moved to another DCS post",
        [ExitReason.Retired.Code] = "Retired",
        [ExitReason.LeftLocalGovernment.Code] = "Left local government",
        [ExitReason.LeftAfterInadequateJudgement.Code] = "Left after inadequate judgement",
        [ExitReason.SpellEnded.Code] = "Interim or acting spell ended",
        [ExitReason.Restructure.Code] = "Post restructured",
        [ExitReason.Unknown.Code] = "Reason not known",
    };

    /// <summary>Draws cumulative incidence curves; see <see cref="WriteCumulativeIncidence"/>.</summary>
    /// <param name="curve">The curves of every exit reason, with the probability of still being in post.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <param name="layout">Stacked bands (the default) or a panel per reason.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is undefined.</exception>
    public static string CumulativeIncidence(CumulativeIncidenceCurve curve, ChartOptions? options = null, CumulativeIncidenceLayout layout = CumulativeIncidenceLayout.Stacked)
    {
        StringWriter writer = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
        WriteCumulativeIncidence(writer, curve, options, layout);
        return writer.ToString();
    }

    /// <summary>
    /// Writes the Aalen–Johansen cumulative incidence curves of the exit reasons (see
    /// <see cref="Workforce.CumulativeIncidence.Estimate"/>) as an SVG document, every estimate a right-continuous step
    /// function from time 0 (everyone in post) to the curve's last time, nothing drawn beyond it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="CumulativeIncidenceLayout.Stacked"/>: one plot, vertical axis 0 to 1, of filled bands stacked in the
    /// curve's order of reasons from the bottom, each as high as its reason's cumulative incidence, and the band of those
    /// still in post on top, up to 1: the bands fill 0 to 1 at every time (a sum that rounds above 1 is cut at 1). A legend
    /// to the right of the plot names every band, top to bottom as they are stacked. The bands carry the class
    /// <c>stack</c>, the band still in post also <c>in-post</c>; the edges between them are drawn again as thin white
    /// lines (class <c>boundary</c>), from the lowest up.
    /// </para>
    /// <para>
    /// <see cref="CumulativeIncidenceLayout.SideBySide"/>: a grid of panels (class <c>panel</c>), one per reason in the
    /// curve's order, left to right then top to bottom, as many columns as keep the panels readable; each is titled with
    /// the reason and shows its cumulative incidence as a step line (class <c>incidence</c>) with its confidence band
    /// (class <c>band</c>, where both limits are defined, when <see cref="ChartOptions.ShowConfidenceBand"/>). All panels
    /// share one time scale and one vertical scale, from 0 to a round number at or above the highest incidence or upper
    /// limit drawn (at most 1), so that panels compare at a glance. No legend: a line under the panels keys the band.
    /// </para>
    /// <para>
    /// A reason is named by words for the well-known codes of <see cref="ExitReason"/> (<c>moved</c> as "Moved to another
    /// DCS post") and by itself otherwise, escaped; names longer than fit are shortened with an ellipsis, their whole text
    /// kept as a tooltip. Colours repeat after eight reasons. The time axis runs from 0 to a round number at or above the
    /// last time divided by <see cref="ChartOptions.TimeUnitDivisor"/>, with ticks at multiples of
    /// <see cref="ChartOptions.XTickInterval"/> when it is set; the title and axis labels are the options'.
    /// <see cref="ChartOptions.ShowCensoring"/> and <see cref="ChartOptions.ShowAtRisk"/> are not used. A <c>desc</c>
    /// element says in words what the chart shows.
    /// </para>
    /// <para>
    /// A curve with no records (no points) draws the frame, its axes and legend or panels, and the note "No records" (class
    /// <c>note</c>) where the curves would be, as the Kaplan–Meier chart of no records draws an empty frame: a report on an
    /// empty file still has its chart. A curve with records but no exits stacks only the band of those still in post, and its
    /// panels are flat at 0 on a scale to 1. A curve without reasons (every record censored, no reasons given) stacks the
    /// band still in post alone, and side by side has no panels, only the note "No exit reasons".
    /// </para>
    /// </remarks>
    /// <param name="writer">The writer; left open.</param>
    /// <param name="curve">The curves of every exit reason, with the probability of still being in post.</param>
    /// <param name="options">The chart's options; <see cref="ChartOptions.Default"/> when null.</param>
    /// <param name="layout">Stacked bands (the default) or a panel per reason.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="curve"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="layout"/> is undefined.</exception>
    public static void WriteCumulativeIncidence(TextWriter writer, CumulativeIncidenceCurve curve, ChartOptions? options = null, CumulativeIncidenceLayout layout = CumulativeIncidenceLayout.Stacked)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(curve);
        Guard.Against.UndefinedEnum(layout, message: "The layout must be Stacked or SideBySide.");

        options ??= ChartOptions.Default;
        StringBuilder svg = new();
        if (layout == CumulativeIncidenceLayout.Stacked)
        {
            Stacked(svg, curve, options);
        }
        else
        {
            Panels(svg, curve, options);
        }

        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    /// <summary>The words for a reason: the well-known codes' names, any other reason as it is.</summary>
    private static string ReasonName(string reason) => ReasonNames.TryGetValue(reason, out string? name) ? name : reason;

    /// <summary>The last time of the curve on the time axis, 0 with no points.</summary>
    private static double LastAxisTime(CumulativeIncidenceCurve curve, ChartOptions options) =>
        curve.Points.IsEmpty ? 0 : curve.Points[^1].Time / options.TimeUnitDivisor;

    private static void Stacked(StringBuilder svg, CumulativeIncidenceCurve curve, ChartOptions options)
    {
        ImmutableArray<CumulativeIncidencePoint> points = curve.Points;
        int reasons = curve.Reasons.Length;
        double lastTime = LastAxisTime(curve, options);
        (double xStep, double xMax) = options.XTickInterval is double interval ? IntervalScale(lastTime, interval) : NiceScale(lastTime);

        // The legend reads top to bottom as the bands are stacked: still in post, then the reasons from the last to the first.
        List<(string Label, string Colour)> legend = [(InPostLabel, InPostColour)];
        for (int r = reasons - 1; r >= 0; r--)
        {
            legend.Add((ReasonName(curve.Reasons[r]), ReasonPalette[r % ReasonPalette.Length]));
        }

        int legendChars = Math.Min(LegendChars, legend.Max(e => e.Label.Length));
        double legendWidth = Math.Min(16 + 20 + (legendChars * TextCharWidth) + 8, options.Width * 0.45);
        legendChars = Math.Max(4, Math.Min(legendChars, (int)((legendWidth - 44) / TextCharWidth)));
        Plot plot = new(options, xMax, 1, extraRight: legendWidth);

        string names = string.Join(", ", curve.Reasons.Select(ReasonName));
        Open(svg, options, reasons == 0
            ? $"The share still in post over time, to {Label(lastTime)} on the time axis; no exit reasons."
            : $"Stacked bands, from the bottom: the cumulative incidence of each exit reason ({names}), then the share still in post; together they fill 0 to 1 at every time to {Label(lastTime)} on the time axis.");

        // Each boundary is a step line from time 0 to the last time: boundary k is the sum of the first k reasons'
        // incidences (0 for k = 0), the last boundary 1. Band k lies between boundaries k and k + 1, so neighbours share an
        // edge exactly and the bands can neither overlap nor leave a gap.
        List<(double X, double Y)>[] boundaries = new List<(double X, double Y)>[reasons + 2];
        for (int k = 0; k <= reasons + 1; k++)
        {
            int below = k;
            boundaries[k] = StepLine(plot, points, options.TimeUnitDivisor, below == reasons + 1 ? 1 : 0, point =>
            {
                if (below == reasons + 1)
                {
                    return 1;
                }

                double sum = 0;
                ImmutableArray<StateProbability> incidence = point.Incidence;
                for (int r = 0; r < below; r++)
                {
                    sum += incidence[r].Probability;
                }

                return Math.Min(sum, 1);
            });
        }

        if (!points.IsEmpty)
        {
            for (int k = 0; k <= reasons; k++)
            {
                bool inPost = k == reasons;
                StringBuilder path = new();
                foreach ((double x, double y) in boundaries[k + 1])
                {
                    Point(path, path.Length == 0 ? 'M' : 'L', x, y);
                }

                for (int i = boundaries[k].Count - 1; i >= 0; i--)
                {
                    Point(path, 'L', boundaries[k][i].X, boundaries[k][i].Y);
                }

                path.Append('Z');
                svg.Append("<path class=\"").Append(inPost ? "stack in-post" : "stack").Append("\" fill=\"").Append(inPost ? InPostColour : ReasonPalette[k % ReasonPalette.Length])
                    .Append("\" stroke=\"none\" d=\"").Append(path).Append("\"><title>").Append(Escape(inPost ? InPostLabel : ReasonName(curve.Reasons[k]))).Append("</title></path>\n");
            }

            // A thin white line on each edge between two bands sets them apart (and hides the seam a renderer may leave).
            for (int k = 1; k <= reasons; k++)
            {
                svg.Append("<path class=\"boundary\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"0.6\" stroke-linejoin=\"round\" d=\"");
                for (int i = 0; i < boundaries[k].Count; i++)
                {
                    Point(svg, i == 0 ? 'M' : 'L', boundaries[k][i].X, boundaries[k][i].Y);
                }

                svg.Append("\"/>\n");
            }
        }

        Axes(svg, plot, options, TickValues(xStep, xMax), [0, 0.25, 0.5, 0.75, 1], categories: null);
        if (points.IsEmpty)
        {
            Note(svg, (plot.Left + plot.Right) / 2, (plot.Top + plot.Bottom) / 2, "No records");
        }

        svg.Append("<g class=\"legend\">\n");
        double legendX = plot.Right + 16;
        for (int i = 0; i < legend.Count; i++)
        {
            double y = plot.Top + 8 + (i * 18);
            string shown = Shorten(legend[i].Label, legendChars);
            svg.Append("<rect fill=\"").Append(legend[i].Colour).Append("\" x=\"").Append(Number(legendX)).Append("\" y=\"").Append(Number(y - 6)).Append("\" width=\"14\" height=\"12\"");
            if (shown.Length != legend[i].Label.Length)
            {
                svg.Append("><title>").Append(Escape(legend[i].Label)).Append("</title></rect>\n");
            }
            else
            {
                svg.Append("/>\n");
            }

            svg.Append("<text x=\"").Append(Number(legendX + 20)).Append("\" y=\"").Append(Number(y + 4)).Append("\" fill=\"#222222\">").Append(Escape(shown)).Append("</text>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>
    /// A step line in rounded SVG coordinates from time 0 at <paramref name="start"/> to the last point's time: at each
    /// point's time it rises or falls to that point's value and stays there until the next. Steps less than
    /// <see cref="MinStep"/> apart on the axis are drawn as one, at the first one's place with the last one's value (the
    /// same for every line drawn over the same points, so that stacked lines keep their order), and corners that add
    /// nothing (in the middle of a straight run) are left out: a line of thousands of points stays small.
    /// </summary>
    private static List<(double X, double Y)> StepLine(Plot plot, ImmutableArray<CumulativeIncidencePoint> points, double divisor, double start, Func<CumulativeIncidencePoint, double> value) =>
        StepLine(plot.X, plot.Y, points, divisor, start, value);

    private static List<(double X, double Y)> StepLine(
        Func<double, double> toX, Func<double, double> toY, ImmutableArray<CumulativeIncidencePoint> points, double divisor, double start, Func<CumulativeIncidencePoint, double> value)
    {
        List<(double X, double Y)> line = [];
        if (points.IsEmpty)
        {
            return line;
        }

        double before = toY(start);
        double after = before;
        double stepX = double.NaN;
        AddCorner(line, toX(0), before);
        foreach (CumulativeIncidencePoint point in points)
        {
            double x = toX(point.Time / divisor);
            if (!(x - stepX < MinStep))
            {
                if (!double.IsNaN(stepX))
                {
                    AddCorner(line, stepX, before);
                    AddCorner(line, stepX, after);
                    before = after;
                }

                stepX = x;
            }

            after = toY(value(point));
        }

        AddCorner(line, stepX, before);
        AddCorner(line, stepX, after);
        AddCorner(line, toX(points[^1].Time / divisor), after);
        return line;
    }

    /// <summary>The least distance, in SVG units, between two steps drawn apart: closer ones cannot be told apart.</summary>
    private const double MinStep = 0.5;

    /// <summary>
    /// Adds a corner to a line of vertical and horizontal runs, rounded to two decimals as it is written: nothing when it
    /// repeats the last, and in place of the last when that is in the middle of a straight run.
    /// </summary>
    private static void AddCorner(List<(double X, double Y)> line, double x, double y)
    {
        (double X, double Y) next = (Math.Round(x, 2, MidpointRounding.AwayFromZero), Math.Round(y, 2, MidpointRounding.AwayFromZero));
        if (line.Count > 0 && line[^1] == next)
        {
            return;
        }

        if (line.Count > 1)
        {
            (double X, double Y) a = line[^2];
            (double X, double Y) b = line[^1];
            if ((a.X == b.X && b.X == next.X) || (a.Y == b.Y && b.Y == next.Y))
            {
                line[^1] = next;
                return;
            }
        }

        line.Add(next);
    }

    /// <summary>A label no longer than <paramref name="chars"/> characters: shortened with an ellipsis, never between the halves of a surrogate pair.</summary>
    private static string Shorten(string label, int chars)
    {
        if (label.Length <= chars)
        {
            return label;
        }

        int cut = chars - 1;
        if (cut > 0 && char.IsLowSurrogate(label[cut]) && char.IsHighSurrogate(label[cut - 1]))
        {
            cut--;
        }

        return string.Concat(label.AsSpan(0, cut), "…");
    }

    /// <summary>A note in place of what cannot be drawn, centred at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static void Note(StringBuilder svg, double x, double y, string text) =>
        svg.Append("<text class=\"note\" x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append("\" text-anchor=\"middle\" fill=\"#333333\">")
            .Append(Escape(text)).Append("</text>\n");
}
