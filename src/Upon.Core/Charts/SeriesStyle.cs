namespace Upon.Core.Charts;

/// <summary>How the main series of a <see cref="SvgChart.Series"/> chart is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A bar per category.</summary>
    Bars = 0,

    /// <summary>A line through the categories' values, with a marker at each.</summary>
    Line = 1,
}
