using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Upon.Core.Tests.Serialization;

public class LocalDateTimeJsonConverterTests
{
    [Property]
    public Property RoundTrip_AnyDateTimeFromYear1To9999_GivesEqualValue() =>
        Prop.ForAll(SerializationGenerators.DateTimes(), value => JsonAssert.RoundTrip(value) == value);

    [Fact]
    public void Serialize_Examples()
    {
        Assert.Equal("\"2022-02-07T09:30:00\"", UponJson.Serialize(new LocalDateTime(2022, 2, 7, 9, 30)));
        Assert.Equal("\"2022-02-07T09:30:00.25\"", UponJson.Serialize(new LocalDateTime(2022, 2, 7, 9, 30, 0, 250)));
    }

    [Fact]
    public void Deserialize_WithoutSeconds_Accepted() =>
        Assert.Equal(new LocalDateTime(2022, 2, 7, 9, 30), UponJson.Deserialize<LocalDateTime>("\"2022-02-07T09:30\""));

    [Fact]
    public void Serialize_NonIsoCalendar_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => UponJson.Serialize(new LocalDateTime(2022, 2, 7, 9, 30, CalendarSystem.Julian)));

    [Theory]
    [InlineData("2022-02-30T09:30:00")]
    [InlineData("2022-13-07T09:30:00")]
    [InlineData("2022-02-07T25:00:00")]
    [InlineData("2022-02-07 09:30:00")]
    [InlineData("2022-02-07T09:30:00Z")]
    [InlineData("2022-02-07T09:30:00+00:00")]
    [InlineData("2022-02-07")]
    [InlineData("20220207T093000")]
    [InlineData("")]
    public void Deserialize_BadString_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<LocalDateTime>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<LocalDateTime>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("1644226200")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("false")]
    [InlineData("null")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<LocalDateTime>(json, "$");
        JsonAssert.RejectsInProperty<LocalDateTime>(json);
    }
}
