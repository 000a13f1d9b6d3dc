using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Upon.Core.Calendars;
using Upon.Core.Eligibility;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Docs;

/// <summary>The examples of docs/json.md, run.</summary>
public class JsonDocExamples
{
    private static readonly JsonSerializerOptions ExampleOptions = CreateExampleOptions();

    [Fact]
    public void SerializeAndDeserialize()
    {
        // begin-snippet: json-serialize
        Holiday holiday = Holiday.SubstituteDay(new LocalDate(2026, 12, 28), "Boxing Day");

        string json = UponJson.Serialize(holiday);
        // {"date":"2026-12-28","name":"Boxing Day","notes":"Substitute day"}

        Holiday back = UponJson.Deserialize<Holiday>(json);
        // back == holiday
        // end-snippet
        Assert.Equal("{\"date\":\"2026-12-28\",\"name\":\"Boxing Day\",\"notes\":\"Substitute day\"}", json);
        Assert.Equal(holiday, back);
    }

    // begin-snippet: json-read-request-body
    /// <summary>Decides every application in a request body of JSON Lines; counts the eligible and the records with problems.</summary>
    public static async Task<(int Eligible, int Rejected)> DecideBodyAsync(PipeReader body, CancellationToken requestAborted)
    {
        EligibilityBatch batch = new(PolicyRegistry.BuiltIn);
        int eligible = 0;
        int rejected = 0;
        await foreach (RecordResult<EligibilityDecision> record in batch.EvaluateAsync(body, BatchFormat.JsonLines, requestAborted))
        {
            if (!record.IsValid)
            {
                rejected++; // record.RecordNumber and record.Problems say where and what
            }
            else if (record.Value.IsEligible)
            {
                eligible++;
            }
        }

        return (eligible, rejected);
    }
    // end-snippet

    [Fact]
    public async Task ReadRequestBody()
    {
        Pipe body = new();
        byte[] lines = Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(Bytes(s => ApplicationDocument.Write(s, new Upon.Core.Testing.ApplicationBuilder().Build()))) + "\n{\"id\": 1}\n");
        await body.Writer.WriteAsync(lines);
        await body.Writer.CompleteAsync();
        Assert.Equal((1, 1), await DecideBodyAsync(body.Reader, CancellationToken.None));
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using MemoryStream stream = new();
        write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void WriteToStream()
    {
        // begin-snippet: json-write-stream
        HolidayList list = HolidayList.For(
            EnglandAndWalesBankHolidays.Calendar,
            new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)));

        using MemoryStream stream = new();
        UponJson.Write(stream, list, writeIndented: true); // UTF-8, no byte order mark; the stream is left open
        // end-snippet
        string text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("{\n  \"calendar\": \"england-and-wales\",\n  \"interval\": {\n    \"start\": \"2026-01-01\",", text, System.StringComparison.Ordinal);
        Assert.Equal(list.Holidays.ToArray(), UponJson.Deserialize<HolidayList>(text)!.Holidays.ToArray());
    }

    [Fact]
    public void OwnOptions()
    {
        // begin-snippet: json-own-options
        JsonSerializerOptions options = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

        string json = JsonSerializer.Serialize(
            new Placement("Leeds", new DateInterval(new LocalDate(2026, 9, 14), new LocalDate(2027, 3, 31)), Period.FromMonths(6)),
            options);
        // {"authority":"Leeds","dates":{"start":"2026-09-14","end":"2027-03-31"},"length":"P6M"}
        // end-snippet
        Assert.Equal("{\"authority\":\"Leeds\",\"dates\":{\"start\":\"2026-09-14\",\"end\":\"2027-03-31\"},\"length\":\"P6M\"}", json);
        Assert.Equal(
            new Placement("Leeds", new DateInterval(new LocalDate(2026, 9, 14), new LocalDate(2027, 3, 31)), Period.FromMonths(6)),
            JsonSerializer.Deserialize<Placement>(json, ExampleOptions));
    }

    [Fact]
    public void CopyOfLibraryOptions()
    {
        // begin-snippet: json-create-options
        JsonSerializerOptions options = UponJson.CreateOptions(writeIndented: true); // a fresh, mutable copy
        options.NewLine = "\r\n";

        string json = JsonSerializer.Serialize(new Holiday(new LocalDate(2026, 1, 1), "New Year’s Day"), options);
        // UponJson.Options itself is read-only: changing it throws InvalidOperationException.
        // end-snippet
        Assert.Equal("{\r\n  \"date\": \"2026-01-01\",\r\n  \"name\": \"New Year’s Day\",\r\n  \"notes\": \"\"\r\n}", json);
        Assert.Throws<System.InvalidOperationException>(() => UponJson.Options.NewLine = "\r\n");
    }

    [Fact]
    public void JsonExceptionPath()
    {
        // begin-snippet: json-exception-path
        try
        {
            UponJson.Deserialize<Holiday>("""{"date":"2026-02-30","name":"Staff day","notes":""}""");
        }
        catch (JsonException ex)
        {
            // ex.Path is "$.date"
            // ex.Message is "The JSON value could not be converted to Upon.Core.Calendars.Holiday. Path: $.date | LineNumber: 0 | BytePositionInLine: 20."
            // ex.InnerException.Message is "Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar."
            // None of them repeats the value "2026-02-30".
            Console.WriteLine($"{ex.Path}: {ex.InnerException?.Message}");
        }
        // end-snippet
        JsonException thrown = Assert.Throws<JsonException>(() => UponJson.Deserialize<Holiday>("""{"date":"2026-02-30","name":"Staff day","notes":""}"""));
        Assert.Equal("$.date", thrown.Path);
        Assert.Equal("The JSON value could not be converted to Upon.Core.Calendars.Holiday. Path: $.date | LineNumber: 0 | BytePositionInLine: 20.", thrown.Message);
        Assert.Equal("Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar.", thrown.InnerException!.Message);
    }

    [Fact]
    public void DocumentProblems()
    {
        // begin-snippet: json-document-problems
        string json = """
            {
              "england-and-wales": {
                "division": "england-and-wales",
                "events": [
                  { "title": "New Year’s Day", "date": "2026-01-01" },
                  { "title": "", "date": "2026-02-30" },
                  { "date": "2026-12-25", "bunting": "yes" }
                ]
              }
            }
            """;

        DocumentResult<ImmutableSortedDictionary<string, HolidayCalendar>> result = BankHolidayDocument.Parse(json);
        if (!result.IsValid)
        {
            foreach (DocumentProblem problem in result.Problems)
            {
                Console.WriteLine(problem);
            }
        }

        // $['england-and-wales'].events[1].title: "title" must not be empty. (value.empty)
        // $['england-and-wales'].events[1].date: Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar. (date.invalid)
        // $['england-and-wales'].events[2].title: "title" is required. (value.required)
        // $['england-and-wales'].events[2].bunting: Expected true or false, but found a string. (value.type-mismatch)
        // end-snippet
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(
            [
                "$['england-and-wales'].events[1].title: \"title\" must not be empty. (value.empty)",
                "$['england-and-wales'].events[1].date: Expected a date in ISO 8601 form yyyy-MM-dd that exists in the calendar. (date.invalid)",
                "$['england-and-wales'].events[2].title: \"title\" is required. (value.required)",
                "$['england-and-wales'].events[2].bunting: Expected true or false, but found a string. (value.type-mismatch)",
            ],
            result.Problems.Select(p => p.ToString()));
        Assert.All(result.Problems, p => Assert.DoesNotContain("2026-02-30", p.Message, System.StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.DoesNotContain("yes", p.Message, System.StringComparison.Ordinal));
    }

    private static JsonSerializerOptions CreateExampleOptions()
    {
        JsonSerializerOptions options = new(JsonSerializerDefaults.Web);
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }

    // begin-snippet: json-own-type
    /// <summary>An application's own type, serialized with the library's converters.</summary>
    public sealed record Placement(string Authority, DateInterval Dates, Period Length);
    // end-snippet
}
