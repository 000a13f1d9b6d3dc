using System.Linq;
using NodaTime;
using Upon.Core.Charts;
using Upon.Core.Workforce;

namespace Upon.Core.Tests.Charts;

public sealed class ChartSeriesCategoryTests
{
    // One authority in force from the earliest ISO year, so every period has a rate.
    private static readonly AuthorityRegister Register = new([new Authority("A", "North", "R", new LocalDate(-9998, 1, 1))]);

    [Fact]
    public void ChangeRates_ByAuthority_TakesTheShareOfAuthoritiesNotTheChangesPerAuthority()
    {
        // Two changes of holder in 2020/21 at the one authority: 2 changes per authority, 1 of 1 authorities.
        Appointment[] appointments =
        [
            new("A", "a1", new LocalDate(2019, 1, 1), new LocalDate(2020, 5, 31), AppointmentKind.Permanent),
            new("A", "a2", new LocalDate(2020, 6, 1), new LocalDate(2020, 9, 30), AppointmentKind.Permanent),
            new("A", "a3", new LocalDate(2020, 10, 1), null, AppointmentKind.Permanent),
        ];
        Turnover[] year = [Turnover.Measure(appointments, Register, TurnoverPeriods.FinancialYear(2020))];

        Assert.Equal([new ChartPoint("2020/21", 2)], ChartSeries.ChangeRates("Changes", year).Points.AsEnumerable());
        Assert.Equal([new ChartPoint("2020/21", 1)], ChartSeries.ChangeRates("Changes", year, byAuthority: true).Points.AsEnumerable());
        Assert.Equal("Changes", ChartSeries.ChangeRates("Changes", year).Label);
    }

    [Theory]
    [InlineData(1, 4, 1, 2, 3, 31, "1/02")] // the first financial year that has a label
    [InlineData(9998, 4, 1, 9999, 3, 31, "9998/99")] // the last one
    [InlineData(0, 4, 1, 1, 3, 31, "0001-03-31")] // year 0 has no financial-year label: the last day
    [InlineData(-5, 4, 1, -4, 3, 31, "-0004-03-31")]
    [InlineData(2020, 4, 1, 2021, 3, 31, "2020/21")]
    [InlineData(2020, 4, 2, 2021, 4, 1, "2021-04-01")] // a whole year, not starting on 1 April
    [InlineData(2020, 4, 1, 2021, 3, 30, "2021-03-30")] // starting on 1 April, a day short
    [InlineData(2020, 1, 1, 2020, 12, 31, "2020")]
    [InlineData(1, 1, 1, 1, 12, 31, "1")]
    [InlineData(9999, 1, 1, 9999, 12, 31, "9999")] // the last calendar year: no day follows it
    [InlineData(2020, 1, 2, 2021, 1, 1, "2021-01-01")]
    [InlineData(2020, 7, 1, 2021, 6, 30, "2021-06-30")]
    [InlineData(9999, 4, 1, 9999, 12, 31, "9999-12-31")]
    [InlineData(2020, 5, 1, 2021, 3, 31, "2021-03-31")] // the first of a month other than April, to the end of March
    public void ChangeRates_CategoryOfAPeriod(int startYear, int startMonth, int startDay, int endYear, int endMonth, int endDay, string category)
    {
        DateInterval period = new(new LocalDate(startYear, startMonth, startDay), new LocalDate(endYear, endMonth, endDay));

        ChartSeries series = ChartSeries.ChangeRates("Changes", [Turnover.Measure([], Register, period)]);

        Assert.Equal(category, series.Points.Single().Category);
    }

    [Fact]
    public void ChangeRates_PeriodsWithoutAuthorities_AreLeftOut()
    {
        AuthorityRegister later = new([new Authority("A", "North", "R", new LocalDate(2021, 4, 1))]);
        Turnover[] years = [.. Enumerable.Range(2019, 3).Select(year => Turnover.Measure([], later, TurnoverPeriods.FinancialYear(year)))];

        Assert.Equal(["2021/22"], ChartSeries.ChangeRates("Changes", years).Points.Select(p => p.Category));
    }
}
