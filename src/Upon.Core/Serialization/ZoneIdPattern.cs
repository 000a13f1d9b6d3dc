using System.Text;
using NodaTime.Text;
using NodaTime.Utility;

namespace Upon.Core.Serialization;

/// <summary>
/// A NodaTime pattern for time zones: formats a zone as its identifier, <c>Europe/London</c>, and parses an
/// identifier by looking it up in a zone provider, matched exactly (case matters). An unknown identifier is a
/// failure that names the provider and never repeats the text.
/// </summary>
/// <remarks>
/// NodaTime.Serialization.SystemTextJson's own time zone converter is reached only through its
/// <c>NodaConverters</c> class, whose date interval converter is not trim-safe (see
/// <see cref="NodaTimeConverterFactory"/>); this pattern lets the package's <c>NodaPatternConverter</c> do
/// the same job. Immutable and safe to use from many threads.
/// </remarks>
/// <param name="provider">The provider that holds the zones.</param>
internal sealed class ZoneIdPattern(IDateTimeZoneProvider provider) : IPattern<DateTimeZone>
{
    /// <inheritdoc />
    public ParseResult<DateTimeZone> Parse(string text) =>
        text is not null && provider.GetZoneOrNull(text) is DateTimeZone zone
            ? ParseResult<DateTimeZone>.ForValue(zone)
            : ParseResult<DateTimeZone>.ForException(() => new InvalidNodaDataException(
                $"Expected a time zone identifier known to the {provider.VersionId} zone provider, such as Europe/London."));

    /// <inheritdoc />
    public string Format(DateTimeZone value) => value.Id;

    /// <inheritdoc />
    public StringBuilder AppendFormat(DateTimeZone value, StringBuilder builder) => builder.Append(value.Id);
}
