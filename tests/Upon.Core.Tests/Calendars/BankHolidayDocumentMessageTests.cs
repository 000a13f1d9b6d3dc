using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Calendars;

/// <summary>The problems of a bank-holiday document, word for word: a message is what a user reads to fix the file.</summary>
public sealed class BankHolidayDocumentMessageTests
{
    [Fact]
    public void Parse_DocumentWithManyProblems_ExplainsEachOneWordForWord()
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
              "jersey": "closed",
              "guernsey": { "events": null },
              "sark": { "events": [ { "title": null, "date": null } ] }
            }
            """;

        Assert.Equal(
            [
                ("$['england-and-wales'].events[0].title", "\"title\" is required."),
                ("$['england-and-wales'].events[1].date", "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."),
                ("$['england-and-wales'].events[3].date", "The date of this event is the date of event 2 too; a division lists each date once."),
                ("$['england-and-wales'].events[4].date", "Expected a date string yyyy-MM-dd, but found a number."),
                ("$['england-and-wales'].events[5].title", "\"title\" must not be empty."),
                ("$['england-and-wales'].events[6].notes", "Expected a string, but found a number."),
                ("$['england-and-wales'].events[6].bunting", "Expected true or false, but found a string."),
                ("$['england-and-wales'].events[7]", "Expected an event object with \"title\" and \"date\", but found a string."),
                ("$.scotland.events", "Expected an array, but found a string."),
                ("$['northern-ireland'].events", "A division needs at least one event, since its coverage is the years its events span."),
                ("$.wales.division", "Expected a string, but found a number."),
                ("$['isle-of-man'].events", "\"events\" is required."),
                ("$.jersey", "Expected an object with \"division\" and \"events\", but found a string."),
                ("$.guernsey.events", "\"events\" is required."),
                ("$.sark.events[0].title", "\"title\" is required."),
                ("$.sark.events[0].date", "\"date\" is required."),
            ],
            PathsAndMessages(BankHolidayDocument.Parse(json)));
    }

    [Theory]
    [InlineData("[]", "Expected an object whose properties are divisions, but found an array.")]
    [InlineData("42", "Expected an object whose properties are divisions, but found a number.")]
    [InlineData("{}", "The document has no divisions.")]
    public void Parse_RootProblem_ExplainsItWordForWord(string json, string message) =>
        Assert.Equal([("$", message)], PathsAndMessages(BankHolidayDocument.Parse(json)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_BlankDivisionName_IsEmpty_AndItsEventsAreStillChecked(string name)
    {
        string json = $$$"""{"{{{name}}}":{"events":[{"title":"A day","date":"2020-13-01"}]}}""";

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);

        Assert.Equal(
            [
                (DocumentProblemCodes.Empty, "A division's name must not be empty."),
                (DocumentProblemCodes.DateInvalid, "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."),
            ],
            result.Problems.Select(p => (p.Code, p.Message)));
    }

    [Theory]
    [InlineData("""{"title":"A day","date":"2020-01-01","bunting":false}""", "")]
    [InlineData("""{"title":"A day","date":"2020-01-01","bunting":true}""", "")]
    [InlineData("""{"title":"A day","date":"2020-01-01","bunting":null,"notes":null}""", "")]
    [InlineData("""{"title":"A day","date":"2020-01-01","notes":"Substitute day"}""", "Substitute day")]
    public void Parse_OptionalNotesAndBunting_AreAccepted_AndNotesKept(string item, string notes)
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse($$$"""{"a":{"events":[{{{item}}}]}}""");

        Assert.True(result.IsValid, string.Join("; ", result.Problems.Select(p => p.Message)));
        Holiday holiday = Assert.Single(result.Value["a"].Holidays);
        Assert.Equal(new Holiday(new LocalDate(2020, 1, 1), "A day", notes), holiday);
    }

    [Fact]
    public void Parse_YearOne_IsValid_AndYearZeroIsNot()
    {
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> first = BankHolidayDocument.Parse("""{"a":{"events":[{"title":"A day","date":"0001-01-01"}]}}""");
        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> zero = BankHolidayDocument.Parse("""{"a":{"events":[{"title":"A day","date":"0000-12-31"}]}}""");

        Assert.True(first.IsValid);
        Assert.Equal(new DateInterval(new LocalDate(1, 1, 1), new LocalDate(1, 12, 31)), first.Value["a"].Coverage);
        Assert.Equal([("$.a.events[0].date", "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.")], PathsAndMessages(zero));
    }

    [Theory]
    [InlineData("""{"a":{"events":[{"title":"A day","date":"2020-01-01"}]}}""", "The document has no division of the name asked for; it has 1 division. Division names are not repeated here, since they come from the document.")]
    [InlineData("""{"a":{"events":[{"title":"A day","date":"2020-01-01"}]},"b":{"events":[{"title":"A day","date":"2020-01-01"}]}}""", "The document has no division of the name asked for; it has 2 divisions. Division names are not repeated here, since they come from the document.")]
    public void ReadDivision_Missing_SaysHowManyDivisionsThereAre_WithoutNamingThem(string json, string message)
    {
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));

        Assert.Equal([("$", message)], PathsAndMessages(BankHolidayDocument.ReadDivision(stream, "scotland")));
    }

    [Fact]
    public void NullArguments_Throw_NamingTheArgument()
    {
        Assert.Equal("json", Assert.Throws<System.ArgumentNullException>(() => BankHolidayDocument.Parse(null!)).ParamName);
        Assert.Equal("utf8Json", Assert.Throws<System.ArgumentNullException>(() => BankHolidayDocument.Read(null!)).ParamName);
        using MemoryStream stream = new(Encoding.UTF8.GetBytes("{}"));
        Assert.Equal("division", Assert.Throws<System.ArgumentNullException>(() => BankHolidayDocument.ReadDivision(stream, null!)).ParamName);
    }

    private static (string Path, string Message)[] PathsAndMessages<T>(DocumentResult<T> result)
        where T : class =>
        [.. result.Problems.Select(p => (p.Path, p.Message))];
}
