using System;
using System.IO;
using System.Text.Json;
using Upon.Core.Tests.Support;

namespace Upon.Core.Tests.Cli;

public sealed class UponCommandLineTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("upon-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Holidays_2022_ListsTheTenHolidaysInATable()
    {
        (int exitCode, string output, string error) = Run("holidays", "2022");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            """
            Bank holidays, england-and-wales, 2022

            Date        Day  Holiday
            ----------  ---  --------------------------------------------------------
            2022-01-03  Mon  New Year’s Day (substitute day)
            2022-04-15  Fri  Good Friday
            2022-04-18  Mon  Easter Monday
            2022-05-02  Mon  Early May bank holiday
            2022-06-02  Thu  Spring bank holiday
            2022-06-03  Fri  Platinum Jubilee bank holiday
            2022-08-29  Mon  Summer bank holiday
            2022-09-19  Mon  Bank Holiday for the State Funeral of Queen Elizabeth II
            2022-12-26  Mon  Boxing Day
            2022-12-27  Tue  Christmas Day (substitute day)

            10 holidays

            """,
            output);
    }

    [Fact]
    public void Holidays_FormatJson_WritesTheHolidayListDocument()
    {
        (int exitCode, string output, _) = Run("holidays", "2020", "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal("england-and-wales", root.GetProperty("calendar").GetString());
        Assert.Equal("2020-01-01", root.GetProperty("interval").GetProperty("start").GetString());
        Assert.Equal("2020-12-31", root.GetProperty("interval").GetProperty("end").GetString());
        JsonElement holidays = root.GetProperty("holidays");
        Assert.Equal(8, holidays.GetArrayLength());
        Assert.Equal("2020-05-08", holidays[3].GetProperty("date").GetString());
        Assert.Equal("Early May bank holiday (VE day)", holidays[3].GetProperty("name").GetString());
        Assert.Equal("Substitute day", holidays[7].GetProperty("notes").GetString());
    }

    [Fact]
    public void Holidays_YearOutsideCoverage_IsAUsageErrorNamingTheCoverage()
    {
        (int exitCode, string output, string error) = Run("holidays", "1977");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("covers 1978-01-01 to 2099-12-31", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("holidays")]
    [InlineData("holidays", "twenty")]
    [InlineData("holidays", "2022", "--format", "xml")]
    [InlineData("workdays", "2024-01-01")]
    [InlineData("workdays", "2024-02-30", "2024-03-01")]
    [InlineData("workdays", "01/02/2024", "2024-03-01")]
    [InlineData("frobnicate")]
    [InlineData()]
    public void MalformedCommandLine_ExitsWithTwoAndPointsToHelp(params string[] args)
    {
        (int exitCode, string output, string error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("upon: ", error, StringComparison.Ordinal);
        Assert.Matches(@"\nRun 'upon( [a-z-]+)* --help' for usage\.\n$", error);
    }

    [Theory]
    [InlineData(new[] { "holidays", "twenty" }, "upon: Cannot parse argument 'twenty' for command 'holidays' as a whole number.\nRun 'upon holidays --help' for usage.\n")]
    [InlineData(new[] { "frobnicate" }, "upon: Unrecognized command or argument 'frobnicate'.\nRun 'upon --help' for usage.\n")]
    [InlineData(new[] { "cohort", "split" }, "upon: Required argument missing for command: 'split'.\nRun 'upon cohort split --help' for usage.\n")]
    [InlineData(new[] { "cohort", "split", "0" }, "upon: N must be from 1 to 100000.\nRun 'upon cohort split --help' for usage.\n")]
    [InlineData(new[] { "holidays", "2022", "--division", "scotland" }, "upon: --division scotland needs --calendar FILE (the UK government's bank-holidays.json): the built-in calendar is england-and-wales only.\nRun 'upon holidays --help' for usage.\n")]
    public void UsageErrors_SayWhatIsWrongOnce_InWords_AndNameTheCommandsHelp(string[] args, string expected)
    {
        (int exitCode, string output, string error) = Run(args);

        Assert.Equal((2, string.Empty, expected), (exitCode, output, error));
    }

    [Fact]
    public void Workdays_BadDate_SaysWhatFormIsExpected()
    {
        (_, _, string error) = Run("workdays", "2024-02-30", "2024-03-01");

        Assert.Contains("'2024-02-30' is not a date in the form yyyy-MM-dd", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData()]
    [InlineData("holidays")]
    [InlineData("workdays")]
    public void Help_IsAvailableEverywhere(params string[] command)
    {
        (int exitCode, string output, _) = Run([.. command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Workdays_2024_CountsWorkingDaysAndListsHolidays()
    {
        (int exitCode, string output, _) = Run("workdays", "2024-01-01", "2024-12-31");

        Assert.Equal(0, exitCode);
        Assert.Contains("Working days, england-and-wales, 2024-01-01 to 2024-12-31 (both included)", output, StringComparison.Ordinal);
        Assert.Contains("Calendar days           366", output, StringComparison.Ordinal);
        Assert.Contains("Weekend days            104", output, StringComparison.Ordinal);
        Assert.Contains("Holidays on weekdays      8", output, StringComparison.Ordinal);
        Assert.Contains("Working days            254", output, StringComparison.Ordinal);
        Assert.Contains("2024-03-29  Fri  Good Friday", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Workdays_FormatJson_WritesTheSummary()
    {
        (int exitCode, string output, _) = Run("workdays", "2022-09-12", "2022-09-23", "--format", "json");

        Assert.Equal(0, exitCode);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        Assert.Equal(12, root.GetProperty("calendarDays").GetInt32());
        Assert.Equal(2, root.GetProperty("weekendDays").GetInt32());
        Assert.Equal(1, root.GetProperty("holidaysOnWeekdays").GetInt32());
        Assert.Equal(9, root.GetProperty("workingDays").GetInt32());
        Assert.Equal("2022-09-19", root.GetProperty("holidays")[0].GetProperty("date").GetString());
    }

    [Fact]
    public void Workdays_ToBeforeFrom_IsAUsageError()
    {
        (int exitCode, _, string error) = Run("workdays", "2024-03-01", "2024-02-01");

        Assert.Equal(2, exitCode);
        Assert.Contains("TO (2024-02-01) is before FROM (2024-03-01)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_FromAGovUkDocument_IsUsedForTheDivisionAsked()
    {
        string file = Path.Combine(folder, "bank-holidays.json");
        File.WriteAllText(file, """
            {
              "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "New Year’s Day", "date": "2025-01-01", "notes": "", "bunting": true } ] },
              "scotland": { "division": "scotland", "events": [
                { "title": "New Year’s Day", "date": "2025-01-01", "notes": "", "bunting": true },
                { "title": "2nd January", "date": "2025-01-02", "notes": "", "bunting": true },
                { "title": "St Andrew’s Day", "date": "2025-12-01", "notes": "Substitute day", "bunting": true }
              ] }
            }
            """);

        (int exitCode, string output, _) = Run("holidays", "2025", "--calendar", file, "--division", "scotland");
        (int workExit, string workOutput, _) = Run("workdays", "2025-01-01", "2025-01-03", "--calendar", file, "--division", "scotland", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("2025-01-02  Thu  2nd January", output, StringComparison.Ordinal);
        Assert.Contains("St Andrew’s Day (substitute day)", output, StringComparison.Ordinal);
        Assert.Contains("3 holidays", output, StringComparison.Ordinal);
        Assert.Equal(0, workExit);
        Assert.Contains("\"workingDays\": 1", workOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_InvalidDocument_ListsEveryProblemAndExitsWithOne()
    {
        string file = Path.Combine(folder, "bad.json");
        File.WriteAllText(file, """
            { "england-and-wales": { "events": [ { "title": "", "date": "2025-02-30" }, { "date": "2025-05-05" } ] } }
            """);

        (int exitCode, string output, string error) = Run("holidays", "2025", "--calendar", file);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$['england-and-wales'].events[0].title", error, StringComparison.Ordinal);
        Assert.Contains("(value.empty)", error, StringComparison.Ordinal);
        Assert.Contains("$['england-and-wales'].events[0].date", error, StringComparison.Ordinal);
        Assert.Contains("(date.invalid)", error, StringComparison.Ordinal);
        Assert.Contains("$['england-and-wales'].events[1].title", error, StringComparison.Ordinal);
        Assert.Contains("(value.required)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-02-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_MissingFile_ExitsWithOne()
    {
        (int exitCode, _, string error) = Run("holidays", "2025", "--calendar", Path.Combine(folder, "absent.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessCli.Run(args);
}
