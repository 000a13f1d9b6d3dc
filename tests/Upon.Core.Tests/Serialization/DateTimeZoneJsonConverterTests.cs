using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class DateTimeZoneJsonConverterTests
{
    private static readonly System.Text.Json.JsonSerializerOptions BclOptions = new() { Converters = { new DateTimeZoneJsonConverter(DateTimeZoneProviders.Bcl) } };

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

    [Fact]
    public void Constructor_NullProvider_Throws() =>
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => new DateTimeZoneJsonConverter(null!)).ParamName);

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
