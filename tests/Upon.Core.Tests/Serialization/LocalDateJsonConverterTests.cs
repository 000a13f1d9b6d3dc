using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Calendars;

namespace Upon.Core.Tests.Serialization;

public class LocalDateJsonConverterTests
{
    [Property]
    public Property RoundTrip_AnyDateFromYear1To9999_GivesEqualDate() =>
        Prop.ForAll(SerializationGenerators.Dates(), date => JsonAssert.RoundTrip(date) == date);

    [Property]
    public Property Serialize_AnyDate_WritesFourDigitYearMonthDay() =>
        Prop.ForAll(SerializationGenerators.Dates(), date =>
            UponJson.Serialize(date) == string.Create(CultureInfo.InvariantCulture, $"\"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}\""));

    [Theory]
    [InlineData(2020, 9, 14, "\"2020-09-14\"")]
    [InlineData(1, 1, 1, "\"0001-01-01\"")]
    [InlineData(9999, 12, 31, "\"9999-12-31\"")]
    [InlineData(2024, 2, 29, "\"2024-02-29\"")]
    public void Serialize_Examples(int year, int month, int day, string expected) =>
        Assert.Equal(expected, UponJson.Serialize(new LocalDate(year, month, day)));

    [Fact]
    public void Serialize_NonIsoCalendar_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => UponJson.Serialize(new LocalDate(2020, 1, 1, CalendarSystem.Julian)));

    [Theory]
    [InlineData("2020-02-30")]
    [InlineData("2021-02-29")]
    [InlineData("2020-13-01")]
    [InlineData("2020-00-10")]
    [InlineData("20200101")]
    [InlineData("2020-9-14")]
    [InlineData("14/09/2020")]
    [InlineData(" 2020-09-14")]
    [InlineData("2020-09-14T00:00:00")]
    [InlineData("")]
    public void Deserialize_BadString_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<LocalDate>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<LocalDate>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("20200914")]
    [InlineData("{}")]
    [InlineData("{\"year\":2020}")]
    [InlineData("[]")]
    [InlineData("[2020,9,14]")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<LocalDate>(json, "$");
        JsonAssert.RejectsInProperty<LocalDate>(json);
    }

    [Fact]
    public void Deserialize_BadDateInHoliday_PathNamesTheProperty()
    {
        System.Text.Json.JsonException ex = JsonAssert.Rejects<Holiday>("{\"date\":\"2020-02-30\",\"name\":\"x\",\"notes\":\"\"}", "$.date", "2020-02-30");
        Assert.Contains("yyyy-MM-dd", ex.InnerException!.Message, StringComparison.Ordinal);
    }
}
