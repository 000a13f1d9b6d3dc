using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Tests.Support;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Testing;

/// <summary>
/// The table in docs/workforce.md of every published figure beside the synthetic sector's: made here from the data,
/// so that the page fails this test when a figure drifts.
/// </summary>
public sealed class SyntheticFiguresTableTests
{
    [Fact]
    public void TheDocsTable_IsTheSyntheticSectorsFiguresBesideThePublishedOnes()
    {
        SyntheticWorkforce synthetic = SyntheticWorkforce.Default;
        ImmutableArray<Turnover> years = Turnover.ByFinancialYear(synthetic.Appointments, synthetic.Register, 2008, 2023);
        StringBuilder table = new("| source | figure | published | synthetic | difference |\n|---|---|---:|---:|---:|\n");
        foreach (PublishedTurnoverYear published in SectorFigures.AdcsTurnover)
        {
            Turnover year = years[published.StartYear - 2008];
            string label = published.Label;
            Row(table, "ADCS", $"{label} changes", published.Changes, year.Changes);
            if (published.AuthoritiesWithChange is int with)
            {
                string of = published.AuthorityCount is int count ? $" of {count}" : string.Empty;
                Row(table, "ADCS", $"{label} authorities with a change", $"{with}{of}", $"{year.AuthoritiesWithChange} of {year.AuthorityCount}", Difference(year.AuthoritiesWithChange - with));
            }

            Optional(table, $"{label} new permanent DCSs", published.NewPermanent, year.NewPermanent);
            Optional(table, $"{label} interim appointments", published.InterimAppointments, year.InterimAppointments);
            if (published.AverageTenureMonths is int months)
            {
                double mean = TenureMeasures.TimeInPost(synthetic.Appointments, year.Period.End).MeanMonths!.Value;
                Row(table, "ADCS", $"{label} average tenure, months (mean time in post on {Date(year.Period.End)})", months.ToString(CultureInfo.InvariantCulture), Months(mean), Difference((int)Math.Round(mean, MidpointRounding.AwayFromZero) - months));
            }

            if (published.AveragePermanentTenureMonths is int permanentMonths)
            {
                double mean = TenureMeasures.TimeInPost(synthetic.Appointments, year.Period.End, lookThroughInterim: true).MeanMonths!.Value;
                Row(table, "ADCS", $"{label} average tenure of permanent DCSs, months", permanentMonths.ToString(CultureInfo.InvariantCulture), Months(mean), "not a target (below)");
            }
        }

        Turnover twelve2012 = years[2012 - 2008];
        double percent = Math.Round(twelve2012.ChangeRate!.Value * 100, 1);
        Row(table, "press", "2012/13: \"about a third\" of posts changed hands", "34.2%", string.Create(CultureInfo.InvariantCulture, $"{percent:0.0}% ({twelve2012.Changes} of {twelve2012.AuthorityCount})"), string.Create(CultureInfo.InvariantCulture, $"{percent - 34.2:0.0} points"));
        int fewest = years.Where(t => t.Period.Start.Year < 2020 && t.Changes <= years[2020 - 2008].Changes).Max(t => t.Period.Start.Year);
        Row(table, "DCS Update", "2020/21's 39 changes, the fewest since", "2011/12", TurnoverSeries.Label(YearBasis.Financial, fewest), fewest == 2011 ? "none" : "differs");
        foreach (SyntheticRollingTarget target in SyntheticWorkforce.RollingTargets)
        {
            Turnover rolling = Turnover.Measure(synthetic.Appointments, synthetic.Register, target.Period);
            string period = $"{Date(target.Period.Start)} to {Date(target.Period.End)}";
            if (target.AuthoritiesWithChange is int authorities)
            {
                Row(table, "CYP Now", $"authorities with a change, {period}", $"{authorities} of {target.AuthorityCount}", $"{rolling.AuthoritiesWithChange} of {rolling.AuthorityCount}", Difference(rolling.AuthoritiesWithChange - authorities));
            }

            if (target.Changes is int changes)
            {
                Row(table, "CYP Now", $"changes, {period}", changes, rolling.Changes);
            }
        }

        // On a difference the table made is written beside the page, to read or copy in.
        string received = Repository.PathOf("docs", "workforce.synthetic-figures.received.md");
        string expected = TableInDocs();
        if (expected != table.ToString())
        {
            File.WriteAllText(received, table.ToString());
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(expected == table.ToString(), $"docs/workforce.md's synthetic-figures table is not what the data give; the table made is in {received}.");
    }

    private static void Optional(StringBuilder table, string figure, int? published, int synthetic)
    {
        if (published is int value)
        {
            Row(table, "ADCS", figure, value, synthetic);
        }
    }

    private static void Row(StringBuilder table, string source, string figure, int published, int synthetic) =>
        Row(table, source, figure, published.ToString(CultureInfo.InvariantCulture), synthetic.ToString(CultureInfo.InvariantCulture), Difference(synthetic - published));

    private static void Row(StringBuilder table, string source, string figure, string published, string synthetic, string difference) =>
        table.Append(CultureInfo.InvariantCulture, $"| {source} | {figure} | {published} | {synthetic} | {difference} |\n");

    private static string Difference(int difference) => difference.ToString("+0;−0;0", CultureInfo.InvariantCulture);

    private static string Months(double months) => months.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Date(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string TableInDocs()
    {
        string[] lines = File.ReadAllLines(Repository.PathOf("docs", "workforce.md"));
        int start = Array.IndexOf(lines, "<!-- begin synthetic-figures -->");
        int end = Array.IndexOf(lines, "<!-- end synthetic-figures -->");
        Assert.True(start >= 0 && end > start, "docs/workforce.md has no synthetic-figures table");
        return string.Concat(lines[(start + 1)..end].Select(l => l + "\n"));
    }
}
