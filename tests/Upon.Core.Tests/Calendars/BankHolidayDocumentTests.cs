using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Calendars;

public class BankHolidayDocumentTests
{
    private const string TwoDivisions = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              { "title": "New Year’s Day", "date": "2019-01-01", "notes": "", "bunting": true },
              { "title": "Boxing Day", "date": "2020-12-28", "notes": "Substitute day", "bunting": true }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [
              { "title": "St Andrew’s Day", "date": "2021-11-30" },
              { "title": "2nd January", "date": "2020-01-02", "notes": null, "bunting": null, "extra": [1, 2] }
            ]
          }
        }
        """;

    private static MemoryStream Utf8(string json) => new(Encoding.UTF8.GetBytes(json));

    private static (string Path, string Code)[] PathsAndCodes<T>(DocumentResult<T> result)
        where T : class =>
        [.. result.Problems.Select(p => (p.Path, p.Code))];

    [Fact]
    public void Parse_TwoDivisions_GivesTwoCalendarsCoveringWholeYearsOfTheirEvents()
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(TwoDivisions);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal(["england-and-wales", "scotland"], result.Value.Keys);

        HolidayCalendar england = result.Value["england-and-wales"];
        Assert.Equal("england-and-wales", england.Id);
        Assert.Equal(new DateInterval(new LocalDate(2019, 1, 1), new LocalDate(2020, 12, 31)), england.Coverage);
        Assert.Equal<Holiday>(
            [new Holiday(new LocalDate(2019, 1, 1), "New Year’s Day"), Holiday.SubstituteDay(new LocalDate(2020, 12, 28), "Boxing Day")],
            england.Holidays);

        HolidayCalendar scotland = result.Value["scotland"];
        Assert.Equal("scotland", scotland.Id);
        Assert.Equal(new DateInterval(new LocalDate(2020, 1, 1), new LocalDate(2021, 12, 31)), scotland.Coverage);
        Assert.Equal<Holiday>(
            [new Holiday(new LocalDate(2020, 1, 2), "2nd January"), new Holiday(new LocalDate(2021, 11, 30), "St Andrew’s Day")],
            scotland.Holidays);
    }

    [Fact]
    public void Read_Stream_GivesTheSameCalendars_AndLeavesTheStreamOpen()
    {
        using MemoryStream stream = Utf8(TwoDivisions);

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Read(stream);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Value.Count);
        Assert.True(stream.CanRead);
        Assert.Equal(stream.Length, stream.Position);
        stream.Position = 0;
        Assert.Equal((byte)'{', stream.ReadByte());
    }

    [Fact]
    public void Read_StreamWithUtf8ByteOrderMark_IsRead()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(TwoDivisions)];
        using MemoryStream stream = new(bytes);

        Assert.True(BankHolidayDocument.Read(stream).IsValid);
    }

    [Fact]
    public void ReadDivision_Present_GivesThatDivision()
    {
        using MemoryStream stream = Utf8(TwoDivisions);

        DocumentResult<HolidayCalendar> result = BankHolidayDocument.ReadDivision(stream, "scotland");

        Assert.True(result.IsValid);
        Assert.Equal("scotland", result.Value.Id);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void ReadDivision_Missing_ReportsOneNotFoundProblemAtRoot()
    {
        using MemoryStream stream = Utf8(TwoDivisions);

        DocumentResult<HolidayCalendar> result = BankHolidayDocument.ReadDivision(stream, "northern-ireland");

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Equal(DocumentProblemCodes.NotFound, problem.Code);
        Assert.Equal("document.not-found", problem.Code);
        Assert.Throws<InvalidOperationException>(() => result.GetValueOrThrow());
    }

    [Fact]
    public void ReadDivision_ProblemInAnotherDivision_ReportsTheDocumentWhole()
    {
        const string json = """{"england-and-wales":{"events":[{"title":"Christmas Day","date":"2020-12-25"}]},"scotland":{"events":{}}}""";
        using MemoryStream stream = Utf8(json);

        DocumentResult<HolidayCalendar> result = BankHolidayDocument.ReadDivision(stream, "england-and-wales");

        Assert.Equal([("$.scotland.events", DocumentProblemCodes.TypeMismatch)], PathsAndCodes(result));
    }

    [Fact]
    public void Parse_Empty_ReportsDocumentEmptyAtRoot() =>
        Assert.Equal([("$", "document.empty")], PathsAndCodes(BankHolidayDocument.Parse("\uFEFF\n")));

    [Theory]
    [InlineData("{")]
    [InlineData("{\"england-and-wales\": }")]
    [InlineData("not json")]
    [InlineData("{\"a\":1} trailing")]
    public void Parse_MalformedJson_ReportsJsonInvalidAtRoot(string json)
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);

        Assert.Equal([("$", "json.invalid")], PathsAndCodes(result));
    }

    [Fact]
    public void Read_MalformedJsonStream_ReportsJsonInvalidAtRoot_AndLeavesTheStreamOpen()
    {
        using MemoryStream stream = Utf8("{\"england-and-wales\": [");

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Read(stream);

        Assert.Equal([("$", DocumentProblemCodes.JsonInvalid)], PathsAndCodes(result));
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void ReadDivision_MalformedJson_ReportsJsonInvalid()
    {
        using MemoryStream stream = Utf8("]");

        Assert.Equal([("$", DocumentProblemCodes.JsonInvalid)], PathsAndCodes(BankHolidayDocument.ReadDivision(stream, "scotland")));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"division\":\"england-and-wales\",\"events\":[]}]")]
    [InlineData("\"england-and-wales\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_RootNotAnObject_ReportsTypeMismatchAtRoot(string json) =>
        Assert.Equal([("$", DocumentProblemCodes.TypeMismatch)], PathsAndCodes(BankHolidayDocument.Parse(json)));

    [Fact]
    public void Parse_EmptyObject_ReportsEmptyCollectionAtRoot() =>
        Assert.Equal([("$", DocumentProblemCodes.CollectionEmpty)], PathsAndCodes(BankHolidayDocument.Parse("{}")));

    [Fact]
    public void Parse_DocumentWithManyProblems_ReportsEveryOneWithItsPathAndCode_InDocumentOrder()
    {
        const string json = """
            {
              "england-and-wales": {
                "division": "england-and-wales",
                "events": [
                  { "date": "2020-01-01", "notes": "", "bunting": true },
                  { "title": "Leap day", "date": "2020-02-30", "notes": "" },
                  { "title": "Boxing Day", "date": "2020-12-28", "notes": "Substitute day" },
                  { "title": "Boxing Day again", "date": "2020-12-28", "notes": "" },
                  { "title": "Christmas Day", "date": 20201225 },
                  { "title": "   ", "date": "2020-03-01" },
                  { "title": "Flag day", "date": "2020-04-01", "notes": 7, "bunting": "yes" },
                  "Easter Monday"
                ]
              },
              "scotland": { "division": "scotland", "events": "none" },
              "northern-ireland": { "division": "northern-ireland", "events": [] },
              "wales": { "division": 12, "events": [ { "title": "St David’s Day", "date": "2020-03-01" } ] },
              "isle-of-man": { "division": "isle-of-man" },
              "jersey": "closed"
            }
            """;

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(
            [
                ("$['england-and-wales'].events[0].title", "value.required"),
                ("$['england-and-wales'].events[1].date", "date.invalid"),
                ("$['england-and-wales'].events[3].date", "date.duplicate"),
                ("$['england-and-wales'].events[4].date", "value.type-mismatch"),
                ("$['england-and-wales'].events[5].title", "value.empty"),
                ("$['england-and-wales'].events[6].notes", "value.type-mismatch"),
                ("$['england-and-wales'].events[6].bunting", "value.type-mismatch"),
                ("$['england-and-wales'].events[7]", "value.type-mismatch"),
                ("$.scotland.events", "value.type-mismatch"),
                ("$['northern-ireland'].events", "collection.empty"),
                ("$.wales.division", "value.type-mismatch"),
                ("$['isle-of-man'].events", "value.required"),
                ("$.jersey", "value.type-mismatch"),
            ],
            PathsAndCodes(result));

        string[] offendingValues = ["2020-02-30", "20201225", "Boxing Day again", "Easter Monday", "none", "yes", "closed", "Flag day", "Leap day"];
        foreach (DocumentProblem problem in result.Problems)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
            foreach (string value in offendingValues)
            {
                Assert.DoesNotContain(value, problem.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Parse_DivisionNameNeedingQuotes_IsEscapedInThePath()
    {
        const string json = """{"it's":{"events":[{"title":"A day","date":"2020-13-01"}]}}""";

        Assert.Equal([("$['it\\'s'].events[0].date", DocumentProblemCodes.DateInvalid)], PathsAndCodes(BankHolidayDocument.Parse(json)));
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2021-02-29")]
    [InlineData("20200101")]
    [InlineData("2020-1-1")]
    [InlineData("01/01/2020")]
    [InlineData("2020-01-01T00:00:00")]
    [InlineData("")]
    public void Parse_InvalidDate_ReportsDateInvalid_WithoutRepeatingTheValue(string date)
    {
        string json = $$$"""{"england-and-wales":{"events":[{"title":"A day","date":"{{{date}}}"}]}}""";

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);

        DocumentProblem problem = Assert.Single(result.Problems);
        Assert.Equal("$['england-and-wales'].events[0].date", problem.Path);
        Assert.Equal(DocumentProblemCodes.DateInvalid, problem.Code);
        if (date.Length > 0)
        {
            Assert.DoesNotContain(date, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_LeapDayInLeapYear_IsValid()
    {
        const string json = """{"england-and-wales":{"events":[{"title":"Leap day","date":"2024-02-29"}]}}""";

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);

        Assert.True(result.IsValid);
        Assert.True(result.Value["england-and-wales"].IsHoliday(new LocalDate(2024, 2, 29)));
    }

    [Fact]
    public void ReadAndParse_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => BankHolidayDocument.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => BankHolidayDocument.Read(null!));
        using MemoryStream stream = Utf8(TwoDivisions);
        Assert.Throws<ArgumentNullException>(() => BankHolidayDocument.ReadDivision(stream, null!));
    }
}
