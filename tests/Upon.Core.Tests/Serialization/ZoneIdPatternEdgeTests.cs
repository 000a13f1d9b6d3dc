using NodaTime;
using NodaTime.Text;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

/// <summary>What the time zone pattern says of an identifier its provider does not know: the provider's version, never the text.</summary>
public sealed class ZoneIdPatternEdgeTests
{
    [Theory]
    [InlineData("Europe/Nowhere")]
    [InlineData("europe/london")]
    [InlineData("")]
    public void Parse_AnUnknownIdentifier_NamesTheProvidersVersion(string text)
    {
        ParseResult<DateTimeZone> result = new ZoneIdPattern(DateTimeZoneProviders.Tzdb).Parse(text);

        Assert.False(result.Success);
        Assert.Equal(
            $"Expected a time zone identifier known to the {DateTimeZoneProviders.Tzdb.VersionId} zone provider, such as Europe/London.",
            result.Exception.Message);
    }

    [Fact]
    public void Parse_AKnownIdentifier_GivesTheProvidersZone() =>
        Assert.Same(DateTimeZoneProviders.Tzdb["Europe/London"], new ZoneIdPattern(DateTimeZoneProviders.Tzdb).Parse("Europe/London").Value);
}
