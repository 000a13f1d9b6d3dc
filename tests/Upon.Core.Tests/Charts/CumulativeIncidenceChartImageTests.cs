using System.IO;
using NodaTime;
using Upon.Core.Charts;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

/// <summary>
/// The cumulative incidence charts of the synthetic sector that docs/workforce.md shows (docs/images/cumulative-incidence-*.svg)
/// are what the library draws. When the drawing changes on purpose, the failing test writes NAME.received.svg beside the
/// image: look at it rendered (rsvg-convert -w 900 NAME.received.svg -o NAME.png), then copy it over the image.
/// </summary>
public sealed class CumulativeIncidenceChartImageTests
{
    /// <summary>The synthetic sector's cumulative incidence of each exit reason, 2008-04-01 to 2024-03-31, in days.</summary>
    public static CumulativeIncidenceCurve SyntheticSector { get; } = TenureMeasures.CumulativeIncidenceTenure(
        SyntheticWorkforce.Default.Appointments, new DateInterval(new LocalDate(2008, 4, 1), new LocalDate(2024, 3, 31)));

    /// <summary>The options of the docs' charts: months on the time axis, ticks every year (or every few), percentages.</summary>
    public static ChartOptions Options(CumulativeIncidenceLayout layout) => new()
    {
        Width = 720,
        Height = layout == CumulativeIncidenceLayout.Stacked ? 420 : 480,
        Title = layout == CumulativeIncidenceLayout.Stacked
            ? "Why DCS tenures end, synthetic sector, 2008/09 to 2023/24"
            : "Exit reasons one by one, synthetic sector, 2008/09 to 2023/24",
        XAxisLabel = "Months in post",
        YAxisLabel = layout == CumulativeIncidenceLayout.Stacked ? "Share of tenures" : "Share of tenures ended for the reason",
        TimeUnitDivisor = TenureMeasures.DaysPerMonth,
        XTickInterval = 12,
        PercentValues = true,
    };

    [Theory]
    [InlineData(CumulativeIncidenceLayout.Stacked, "cumulative-incidence-stacked")]
    [InlineData(CumulativeIncidenceLayout.SideBySide, "cumulative-incidence-side-by-side")]
    public void DocsImage_IsWhatTheLibraryDraws(CumulativeIncidenceLayout layout, string name)
    {
        string drawn = SvgChart.CumulativeIncidence(SyntheticSector, Options(layout), layout);
        string imagePath = Repository.PathOf("docs", "images", name + ".svg");
        string receivedPath = Repository.PathOf("docs", "images", name + ".received.svg");
        string image = File.Exists(imagePath) ? File.ReadAllText(imagePath) : string.Empty;

        if (drawn != image)
        {
            File.WriteAllText(receivedPath, drawn);
        }
        else if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }

        Assert.True(drawn == image, $"docs/images/{name}.svg is not what the library draws: look at {name}.received.svg, and copy it over the image if it is right.");
    }
}
