using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class DateIntervalJsonConverterTests
{
    private static readonly System.Text.Json.JsonSerializerOptions PlainOptions = new() { Converters = { new DateIntervalJsonConverter() } };

    private static readonly System.Text.Json.JsonSerializerOptions UpperCaseOptions = new() { Converters = { new DateIntervalJsonConverter() }, PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseUpper };

    [Property]
    public Property RoundTrip_AnyInterval_GivesEqualInterval() =>
        Prop.ForAll(SerializationGenerators.Intervals(), interval => JsonAssert.RoundTrip(interval).Equals(interval));

    [Fact]
    public void Serialize_WritesInclusiveStartAndEnd() =>
        Assert.Equal(
            "{\"start\":\"2020-11-23\",\"end\":\"2021-06-30\"}",
            UponJson.Serialize(new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30))));

    [Fact]
    public void Serialize_OneDay_StartEqualsEnd() =>
        Assert.Equal(
            "{\"start\":\"2020-09-14\",\"end\":\"2020-09-14\"}",
            UponJson.Serialize(new DateInterval(new LocalDate(2020, 9, 14), new LocalDate(2020, 9, 14))));

    [Fact]
    public void Serialize_WithoutNamingPolicy_WritesLowerCaseNames() =>
        Assert.Equal(
            "{\"start\":\"2020-09-14\",\"end\":\"2020-09-15\"}",
            System.Text.Json.JsonSerializer.Serialize(
                new DateInterval(new LocalDate(2020, 9, 14), new LocalDate(2020, 9, 15)),
                PlainOptions));

    [Theory]
    [InlineData("{\"end\":\"2021-06-30\",\"start\":\"2020-11-23\"}")]
    [InlineData("{\"Start\":\"2020-11-23\",\"END\":\"2021-06-30\"}")]
    [InlineData("{ \"start\" : \"2020-11-23\" , \"end\" : \"2021-06-30\" }")]
    public void Deserialize_AcceptedForms(string json) =>
        Assert.Equal(new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30)), UponJson.Deserialize<DateInterval>(json));

    [Theory]
    [InlineData("{\"start\":\"2021-06-30\",\"end\":\"2020-11-23\"}")]
    [InlineData("{\"start\":\"2020-11-24\",\"end\":\"2020-11-23\"}")]
    [InlineData("{\"start\":\"2020-11-23\"}")]
    [InlineData("{\"end\":\"2020-11-23\"}")]
    [InlineData("{}")]
    [InlineData("{\"start\":\"2020-11-23\",\"end\":\"2021-06-30\",\"length\":220}")]
    [InlineData("{\"from\":\"2020-11-23\",\"to\":\"2021-06-30\"}")]
    [InlineData("{\"start\":\"2020-11-23\",\"end\":null}")]
    [InlineData("{\"start\":\"2020-11-23\",\"end\":20210630}")]
    [InlineData("{\"start\":\"2020-11-23\",\"end\":{}}")]
    [InlineData("{\"start\":\"2020-11-23\",\"end\":[]}")]
    [InlineData("[\"2020-11-23\",\"2021-06-30\"]")]
    [InlineData("\"2020-11-23/2021-06-30\"")]
    [InlineData("20201123")]
    [InlineData("true")]
    public void Deserialize_Invalid_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<DateInterval>(json, "$");
        JsonAssert.RejectsInProperty<DateInterval>(json);
    }

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2020-13-01")]
    [InlineData("20200101")]
    [InlineData("")]
    public void Deserialize_BadDate_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<DateInterval>($"{{\"start\":\"2020-01-01\",\"end\":\"{text}\"}}", "$", text);
        JsonAssert.Rejects<DateInterval>($"{{\"start\":\"{text}\",\"end\":\"2021-01-01\"}}", "$", text);
    }

    [Theory]
    [InlineData("\"2020-11-23\"", "Expected a JSON object with inclusive \"start\" and \"end\" dates.")]
    [InlineData("{\"start\":\"2020-11-23\",\"finish\":\"2021-06-30\"}", "A date interval has only the properties \"start\" and \"end\".")]
    [InlineData("{\"foo\":\"2021-06-30\",\"start\":\"2020-11-23\"}", "A date interval has only the properties \"start\" and \"end\".")]
    [InlineData("{\"start\":\"2020-11-23\"}", "A date interval needs both \"start\" and \"end\" dates.")]
    [InlineData("{\"start\":\"2021-11-23\",\"end\":\"2020-06-30\"}", "A date interval's \"end\" must not be before its \"start\".")]
    public void Deserialize_Invalid_SaysWhy(string json, string message) =>
        Assert.StartsWith(message, Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<DateInterval>(json, PlainOptions)).Message, StringComparison.Ordinal);

    [Fact]
    public void Serialize_NamesThePropertiesByTheOptionsNamingPolicy()
    {
        Assert.Equal("{\"START\":\"2020-11-23\",\"END\":\"2021-06-30\"}", System.Text.Json.JsonSerializer.Serialize(new DateInterval(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30)), UpperCaseOptions));
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        using System.IO.MemoryStream stream = new();
        using System.Text.Json.Utf8JsonWriter writer = new(stream);
        DateInterval interval = new(new LocalDate(2020, 11, 23), new LocalDate(2021, 6, 30));

        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => new DateIntervalJsonConverter().Write(null!, interval, PlainOptions)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new DateIntervalJsonConverter().Write(writer, null!, PlainOptions)).ParamName);
    }

    [Fact]
    public void Deserialize_BadIntervalInSummary_PathNamesTheProperty() =>
        JsonAssert.Rejects<WorkingDaySummary>(
            "{\"interval\":{\"start\":\"2020-01-02\",\"end\":\"2020-02-30\"},\"calendarDays\":1,\"weekendDays\":0,\"holidaysOnWeekdays\":0,\"workingDays\":1,\"holidays\":[]}",
            "$.interval",
            "2020-02-30");
}
