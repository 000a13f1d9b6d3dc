using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Upon.Core.Tests.Serialization;

public class DateTimeZoneJsonConverterTests
{
    // Another provider: the package's own converter, which replaces Upon.Core's DateTimeZoneJsonConverter(provider).
    private static readonly System.Text.Json.JsonSerializerOptions BclOptions = new() { Converters = { NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Bcl) } };

    [Property]
    public Property RoundTrip_AnyTzdbZone_GivesTheSameZone() =>
        Prop.ForAll(SerializationGenerators.Zones(), zone =>
        {
            string json = UponJson.Serialize(zone);
            Assert.Equal("\"" + zone.Id + "\"", json);
            Assert.Same(zone, UponJson.Deserialize<DateTimeZone>(json));
        });

    [Fact]
    public void Serialize_EuropeLondon_WritesId() =>
        Assert.Equal("\"Europe/London\"", UponJson.Serialize(DateTimeZoneProviders.Tzdb["Europe/London"]));

    [Fact]
    public void Deserialize_OtherProvider_ResolvesThere()
    {
        string id = DateTimeZoneProviders.Bcl.Ids[0];
        Assert.Same(DateTimeZoneProviders.Bcl[id], System.Text.Json.JsonSerializer.Deserialize<DateTimeZone>("\"" + id + "\"", BclOptions));
    }

    [Theory]
    [InlineData("Europe/Nowhere")]
    [InlineData("europe/london")]
    [InlineData("Europe/London ")]
    [InlineData("BST")]
    [InlineData("")]
    public void Deserialize_UnknownId_ThrowsJsonExceptionWithoutTheValue(string text)
    {
        JsonAssert.Rejects<DateTimeZone>($"\"{text}\"", "$", text);
        JsonAssert.RejectsInProperty<DateTimeZone>($"\"{text}\"", text);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("true")]
    public void Deserialize_WrongTokenType_ThrowsJsonException(string json)
    {
        JsonAssert.Rejects<DateTimeZone>(json, "$");
        JsonAssert.RejectsInProperty<DateTimeZone>(json);
    }
}
