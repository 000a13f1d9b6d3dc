using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Upon.Core.Tests.Serialization;

public class PeriodJsonConverterTests
{
    [Property]
    public Property RoundTrip_AnyPeriod_GivesEqualPeriodUnitByUnit() =>
        Prop.ForAll(SerializationGenerators.Periods(), period => JsonAssert.RoundTrip(period).Equals(period));

    [Fact]
    public void RoundTrip_ExtremeUnits_GivesEqualPeriod()
    {
        Period period = new PeriodBuilder
        {
            Years = int.MinValue,
            Months = int.MaxValue,
            Weeks = int.MinValue,
            Days = int.MaxValue,
            Hours = long.MinValue,
            Minutes = long.MaxValue,
            Seconds = long.MinValue,
            Milliseconds = long.MaxValue,
            Ticks = long.MinValue,
            Nanoseconds = long.MaxValue,
        }.Build();
        Assert.Equal(period, JsonAssert.RoundTrip(period));
    }

    [Fact]
    public void Serialize_YearsAndMonths_WritesIsoDuration() =>
        Assert.Equal("\"P3Y2M\"", UponJson.Serialize(Period.FromYears(3) + Period.FromMonths(2)));

    [Fact]
    public void Serialize_TwelveMonths_StaysTwelveMonths()
    {
        Assert.Equal("\"P12M\"", UponJson.Serialize(Period.FromMonths(12)));
        Assert.Equal(Period.FromMonths(12), UponJson.Deserialize<Period>("\"P12M\""));
        Assert.NotEqual(Period.FromYears(1), UponJson.Deserialize<Period>("\"P12M\""));
    }

    [Fact]
    public void Serialize_Examples()
    {
        Assert.Equal("\"P2W\"", UponJson.Serialize(Period.FromWeeks(2)));
        Assert.Equal("\"PT1H30M\"", UponJson.Serialize(Period.FromHours(1) + Period.FromMinutes(30)));
        Assert.Equal("\"P0D\"", UponJson.Serialize(Period.Zero));
        Assert.Equal("\"P-1Y2M\"", UponJson.Serialize(Period.FromYears(-1) + Period.FromMonths(2)));
        Assert.Equal("\"PT1S500s\"", UponJson.Serialize(Period.FromSeconds(1) + Period.FromMilliseconds(500)));
    }

    [Fact]
    public void Deserialize_IsoFractionalSeconds_GivesSecondsAndMilliseconds() =>
        Assert.Equal(Period.FromSeconds(1) + Period.FromMilliseconds(500), UponJson.Deserialize<Period>("\"PT1.5S\""));

    [Fact]
    public void Deserialize_JsonNull_GivesNull() =>
        Assert.Null(UponJson.Deserialize<Period>("null"));

    [Theory]
    [InlineData("P3X")]
    [InlineData("Y3")]
    [InlineData("P3H")]
    [InlineData("PT1H2")]
    [InlineData("P1.5Y")]
    [InlineData("P3Y2M ")]
    [InlineData("three years")]
    [InlineData("")]
    public void Deserialize_BadString_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<Period>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<Period>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("{}")]
    [InlineData("{\"years\":3}")]
    [InlineData("[]")]
    [InlineData("true")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<Period>(json, "$");
        JsonAssert.RejectsInProperty<Period>(json);
    }
}
