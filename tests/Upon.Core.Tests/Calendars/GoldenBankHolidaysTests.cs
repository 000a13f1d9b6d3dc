using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Calendars;

/// <summary>
/// Compares the built-in England and Wales calendar with the golden file transcribed from the UK
/// government's bank-holidays.json (see Golden/README.md).
/// </summary>
public class GoldenBankHolidaysTests
{
    private static HolidayCalendar ReadGolden()
    {
        using FileStream stream = File.OpenRead(Repository.GoldenFile("bank-holidays.json"));
        DocumentResult<HolidayCalendar> result = BankHolidayDocument.ReadDivision(stream, EnglandAndWalesBankHolidays.Id);
        Assert.Empty(result.Problems);
        return result.GetValueOrThrow();
    }

    [Fact]
    public void GoldenFile_ReadsWithoutProblems_Covering2018To2027()
    {
        HolidayCalendar golden = ReadGolden();

        Assert.Equal("england-and-wales", golden.Id);
        Assert.Equal(new DateInterval(new LocalDate(2018, 1, 1), new LocalDate(2027, 12, 31)), golden.Coverage);
        Assert.Equal(83, golden.Holidays.Length); // 8 a year, plus 2 in 2022 and 1 in 2023
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(2019)]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void BuiltInCalendar_Year_HasTheGoldenDatesNamesAndNotes(int year)
    {
        IReadOnlyList<Holiday> golden = ReadGolden().GetHolidays(year);

        Assert.NotEmpty(golden);
        Assert.Equal(golden, EnglandAndWalesBankHolidays.Calendar.GetHolidays(year));
    }

    [Fact]
    public void GoldenFile_SubstituteDays_AreExactlyTheOnesGovUkNotes()
    {
        LocalDate[] substitutes = [.. ReadGolden().Holidays.Where(h => h.IsSubstituteDay).Select(h => h.Date)];

        Assert.Equal(
            [
                new LocalDate(2020, 12, 28), new LocalDate(2021, 12, 27), new LocalDate(2021, 12, 28),
                new LocalDate(2022, 1, 3), new LocalDate(2022, 12, 27), new LocalDate(2023, 1, 2),
                new LocalDate(2026, 12, 28), new LocalDate(2027, 12, 27), new LocalDate(2027, 12, 28),
            ],
            substitutes);
    }

    [Fact]
    public void WorkingDayCalendarFromGolden_AgreesWithBuiltIn_OnEveryDate2018To2027()
    {
        HolidayCalendar golden = ReadGolden();
        WorkingDayCalendar fromGolden = new(golden);
        WorkingDayCalendar builtIn = WorkingDayCalendar.EnglandAndWales;

        Assert.Equal(golden.Coverage, fromGolden.Coverage);
        foreach (LocalDate date in golden.Coverage)
        {
            Assert.True(builtIn.IsWorkingDay(date) == fromGolden.IsWorkingDay(date), $"IsWorkingDay differs on {date:uuuu-MM-dd}");
        }

        Assert.Equal(builtIn.CountWorkingDays(golden.Coverage), fromGolden.CountWorkingDays(golden.Coverage));
        Assert.Equal<LocalDate>(builtIn.GetWorkingDays(golden.Coverage), fromGolden.GetWorkingDays(golden.Coverage));
    }

    [Fact]
    public void GoldenFile_TitlesUseThePublishedTypographicApostrophe()
    {
        ImmutableArray<Holiday> holidays = ReadGolden().Holidays;

        Assert.Equal(10, holidays.Count(h => h.Name == "New Year\u2019s Day"));
        Assert.DoesNotContain(holidays, h => h.Name.Contains('\'', System.StringComparison.Ordinal));
    }
}
