using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Upon.Core.Tests.Serialization;

public class InstantJsonConverterTests
{
    [Property]
    public Property RoundTrip_AnyInstantFromMinToMax_GivesEqualInstant() =>
        Prop.ForAll(SerializationGenerators.Instants(), instant => JsonAssert.RoundTrip(instant) == instant);

    [Fact]
    public void Serialize_Examples()
    {
        Assert.Equal("\"2021-12-10T14:00:00Z\"", UponJson.Serialize(Instant.FromUtc(2021, 12, 10, 14, 0)));
        Assert.Equal("\"1970-01-01T00:00:00Z\"", UponJson.Serialize(NodaConstants.UnixEpoch));
        Assert.Equal("\"2021-12-10T14:00:00.123Z\"", UponJson.Serialize(Instant.FromUtc(2021, 12, 10, 14, 0) + Duration.FromMilliseconds(123)));
        Assert.Equal("\"-9998-01-01T00:00:00Z\"", UponJson.Serialize(Instant.MinValue));
        Assert.Equal("\"9999-12-31T23:59:59.999999999Z\"", UponJson.Serialize(Instant.MaxValue));
    }

    [Theory]
    [InlineData("2021-12-10T14:00:00")]
    [InlineData("2021-12-10T14:00:00+01:00")]
    [InlineData("2021-12-10T14:00:00+00:00")]
    [InlineData("2021-02-30T14:00:00Z")]
    [InlineData("2021-12-10 14:00:00Z")]
    [InlineData("2021-12-10")]
    [InlineData("1639144800")]
    [InlineData("")]
    public void Deserialize_BadString_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<Instant>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<Instant>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("1639144800")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("true")]
    [InlineData("null")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<Instant>(json, "$");
        JsonAssert.RejectsInProperty<Instant>(json);
    }
}
