using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Upon.Core.Tests.Serialization;

public class LocalTimeJsonConverterTests
{
    [Property]
    public Property RoundTrip_AnyTimeToTheNanosecond_GivesEqualTime() =>
        Prop.ForAll(SerializationGenerators.Times(), time => JsonAssert.RoundTrip(time) == time);

    [Fact]
    public void Serialize_Examples()
    {
        Assert.Equal("\"14:00:00\"", UponJson.Serialize(new LocalTime(14, 0)));
        Assert.Equal("\"00:00:00\"", UponJson.Serialize(LocalTime.Midnight));
        Assert.Equal("\"09:05:30.5\"", UponJson.Serialize(new LocalTime(9, 5, 30, 500)));
        Assert.Equal("\"23:59:59.999999999\"", UponJson.Serialize(LocalTime.MaxValue));
    }

    [Fact]
    public void Deserialize_HoursAndMinutes_Accepted()
    {
        Assert.Equal(new LocalTime(14, 0), UponJson.Deserialize<LocalTime>("\"14:00\""));
        Assert.Equal(new LocalTime(9, 30), UponJson.Deserialize<LocalTime>("\"09:30\""));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("24:00")]
    [InlineData("14:60")]
    [InlineData("14:00:60")]
    [InlineData("9:30")]
    [InlineData("2pm")]
    [InlineData("14.00")]
    [InlineData("14")]
    [InlineData("")]
    public void Deserialize_BadString_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<LocalTime>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<LocalTime>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("1400")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("true")]
    [InlineData("null")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<LocalTime>(json, "$");
        JsonAssert.RejectsInProperty<LocalTime>(json);
    }
}
