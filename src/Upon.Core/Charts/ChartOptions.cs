using Upon.Core.Workforce;

namespace Upon.Core.Charts;

/// <summary>The size, text and scale of an SVG chart drawn by <see cref="SvgChart"/>.</summary>
/// <remarks>
/// Every size is in SVG user units (pixels at 100%). Text is escaped when written, so any string is
/// safe. Equality is by value; <see cref="Default"/> is a 640 × 400 chart without title or axis labels.
/// </remarks>
public sealed record ChartOptions
{
    private readonly int width = 640;
    private readonly int height = 400;
    private readonly double timeUnitDivisor = 1;
    private readonly double? xTickInterval;

    /// <summary>Gets the options with every default.</summary>
    public static ChartOptions Default { get; } = new();

    /// <summary>Gets the width of the chart, 200 to 10,000; 640 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is outside 200 to 10,000.</exception>
    public int Width
    {
        get => width;
        init
        {
            Guard.Against.OutOfRange(!(value is >= 200 and <= 10_000), "The width must be from 200 to 10,000.", nameof(Width));
            width = value;
        }
    }

    /// <summary>Gets the height of the chart, 150 to 10,000; 400 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is outside 150 to 10,000.</exception>
    public int Height
    {
        get => height;
        init
        {
            Guard.Against.OutOfRange(!(value is >= 150 and <= 10_000), "The height must be from 150 to 10,000.", nameof(Height));
            height = value;
        }
    }

    /// <summary>Gets the title drawn above the plot, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the label of the horizontal axis, or null for none.</summary>
    public string? XAxisLabel { get; init; }

    /// <summary>Gets the label of the vertical axis, or null for none.</summary>
    public string? YAxisLabel { get; init; }

    /// <summary>
    /// Gets the number of curve time units per axis unit: a Kaplan–Meier time <c>t</c> is drawn at
    /// <c>t / TimeUnitDivisor</c> on the horizontal axis. 1 by default; <see cref="TenureMeasures.DaysPerMonth"/>
    /// draws a curve in days on an axis in months.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not finite and above 0.</exception>
    public double TimeUnitDivisor
    {
        get => timeUnitDivisor;
        init
        {
            Guard.Against.OutOfRange(!(double.IsFinite(value) && value > 0), "The divisor must be finite and above 0.", nameof(TimeUnitDivisor));
            timeUnitDivisor = value;
        }
    }

    /// <summary>
    /// Gets a value indicating whether the vertical axis labels its values as percentages (0.25 as <c>25%</c>), for
    /// shares and rates that a table beside the chart shows as percentages; false by default (plain numbers).
    /// </summary>
    public bool PercentValues { get; init; }

    /// <summary>
    /// Gets the spacing of the horizontal axis's ticks on a Kaplan–Meier chart, in axis units, or null for a round
    /// number chosen from the data. With 12 on an axis in months the ticks are years: every 12 months, or every 24, 36,
    /// 48, 60, 120… when more than ten would be drawn.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not finite and above 0.</exception>
    public double? XTickInterval
    {
        get => xTickInterval;
        init
        {
            Guard.Against.OutOfRange(value is double v && !(double.IsFinite(v) && v > 0), "The tick interval must be finite and above 0.", nameof(XTickInterval));
            xTickInterval = value;
        }
    }

    /// <summary>
    /// Gets a value indicating whether a Kaplan–Meier chart has a table of the numbers at risk under its plot: a row per
    /// curve, a count under each tick of the time axis (R's <c>n.risk</c> there, 0 after the curve's end); false by
    /// default.
    /// </summary>
    public bool ShowAtRisk { get; init; }

    /// <summary>Gets a value indicating whether a Kaplan–Meier chart shades the confidence band (where the curve's limits are defined); true by default.</summary>
    public bool ShowConfidenceBand { get; init; } = true;

    /// <summary>Gets a value indicating whether a Kaplan–Meier chart marks censoring times with a tick; true by default.</summary>
    public bool ShowCensoring { get; init; } = true;
}
