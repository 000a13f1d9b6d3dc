using System;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Guards;

namespace Upon.Core.Serialization;

/// <summary>
/// Writes a <see cref="LocalDate"/> as an ISO 8601 calendar date, <c>"2020-09-14"</c>. Only that form is read.
/// Dates are in the ISO calendar.
/// </summary>
public sealed class LocalDateJsonConverter : NodaPatternJsonConverter<LocalDate>
{
    /// <summary>Initializes the converter.</summary>
    public LocalDateJsonConverter()
        : base("a date in ISO 8601 form yyyy-MM-dd that exists in the calendar", LocalDatePattern.Iso)
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Guard.Against.NonIsoCalendar(value, nameof(value));
        base.Write(writer, value, options);
    }
}

/// <summary>
/// Writes a <see cref="Period"/> as an ISO 8601 duration, <c>"P3Y2M"</c>, <c>"P2W"</c>, <c>"PT1H30M"</c>.
/// </summary>
/// <remarks>
/// Values are written with <see cref="PeriodPattern.Roundtrip"/>, which is ISO 8601 for every period
/// without sub-second units and keeps each unit as given (<c>P12M</c> stays <c>P12M</c>; it is not
/// normalized to <c>P1Y</c>), so that reading what was written gives an equal <see cref="Period"/>.
/// Sub-second units use NodaTime's round-trip letters (<c>s</c> milliseconds, <c>t</c> ticks,
/// <c>n</c> nanoseconds). Reading also accepts ISO 8601 fractional seconds (<c>PT1.5S</c>).
/// </remarks>
public sealed class PeriodJsonConverter : NodaPatternJsonConverter<Period>
{
    /// <summary>Initializes the converter.</summary>
    public PeriodJsonConverter()
        : base("a period in ISO 8601 form such as P3Y2M", PeriodPattern.Roundtrip, PeriodPattern.NormalizingIso)
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        Guard.Against.Null(value);
        base.Write(writer, value, options);
    }
}

/// <summary>
/// Writes a <see cref="LocalTime"/> as ISO 8601 extended time, <c>"14:00:00"</c> (fractional seconds
/// only when non-zero). Reading also accepts hours and minutes alone, <c>"14:00"</c>.
/// </summary>
public sealed class LocalTimeJsonConverter : NodaPatternJsonConverter<LocalTime>
{
    /// <summary>Initializes the converter.</summary>
    public LocalTimeJsonConverter()
        : base("a time of day in ISO 8601 form HH:mm or HH:mm:ss", LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH:mm"))
    {
    }
}

/// <summary>
/// Writes an <see cref="Instant"/> as an ISO 8601 UTC date and time, <c>"2021-12-10T14:00:00Z"</c>
/// (fractional seconds only when non-zero). Only UTC values with the <c>Z</c> designator are read.
/// </summary>
public sealed class InstantJsonConverter : NodaPatternJsonConverter<Instant>
{
    /// <summary>Initializes the converter.</summary>
    public InstantJsonConverter()
        : base("an instant in ISO 8601 form yyyy-MM-ddTHH:mm:ssZ (UTC)", InstantPattern.ExtendedIso)
    {
    }
}

/// <summary>
/// Writes a <see cref="LocalDateTime"/> as ISO 8601 extended date and time without offset,
/// <c>"2022-02-07T09:30:00"</c>. Reading also accepts values without seconds, <c>"2022-02-07T09:30"</c>.
/// </summary>
public sealed class LocalDateTimeJsonConverter : NodaPatternJsonConverter<LocalDateTime>
{
    /// <summary>Initializes the converter.</summary>
    public LocalDateTimeJsonConverter()
        : base(
            "a date and time in ISO 8601 form yyyy-MM-ddTHH:mm:ss",
            LocalDateTimePattern.ExtendedIso,
            LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"))
    {
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options)
    {
        Guard.Against.NonIsoCalendar(value.Date, nameof(value));
        base.Write(writer, value, options);
    }
}

/// <summary>
/// Writes a <see cref="DateTimeZone"/> as its identifier, <c>"Europe/London"</c>, and reads an
/// identifier by looking it up in a zone provider (TZDB unless another is given).
/// </summary>
/// <remarks>An identifier the provider does not know is a <see cref="JsonException"/>.</remarks>
public sealed class DateTimeZoneJsonConverter : JsonConverter<DateTimeZone>
{
    private readonly IDateTimeZoneProvider provider;

    /// <summary>Initializes a converter that resolves identifiers in <see cref="DateTimeZoneProviders.Tzdb"/>.</summary>
    public DateTimeZoneJsonConverter()
        : this(DateTimeZoneProviders.Tzdb)
    {
    }

    /// <summary>Initializes a converter that resolves identifiers in <paramref name="provider"/>.</summary>
    /// <param name="provider">The zone provider.</param>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    public DateTimeZoneJsonConverter(IDateTimeZoneProvider provider)
    {
        Guard.Against.Null(provider);
        this.provider = provider;
    }

    /// <inheritdoc />
    public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string holding a time zone identifier such as Europe/London, but found {NodaPatternJsonConverter<LocalDate>.Describe(reader.TokenType)}.");
        }

        string id = reader.GetString()!;
        return provider.GetZoneOrNull(id)
            ?? throw new JsonException($"Expected a time zone identifier known to the {provider.VersionId} zone provider, such as Europe/London.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(value);
        writer.WriteStringValue(value.Id);
    }
}

/// <summary>
/// Writes a <see cref="DateInterval"/> as an object with inclusive <c>start</c> and <c>end</c> dates,
/// <c>{"start":"2020-11-23","end":"2021-06-30"}</c>: both dates are part of the interval, as in NodaTime.
/// </summary>
/// <remarks>
/// Property names are matched case-insensitively when reading; unknown properties are a
/// <see cref="JsonException"/>, as are a missing date and an end before the start.
/// </remarks>
public sealed class DateIntervalJsonConverter : JsonConverter<DateInterval>
{
    private static readonly LocalDateJsonConverter DateConverter = new();

    /// <inheritdoc />
    public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object with inclusive \"start\" and \"end\" dates, but found {NodaPatternJsonConverter<LocalDate>.Describe(reader.TokenType)}.");
        }

        LocalDate? start = null;
        LocalDate? end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Expected a property name.");
            }

            string name = reader.GetString()!;
            bool isStart = string.Equals(name, "start", StringComparison.OrdinalIgnoreCase);
            bool isEnd = !isStart && string.Equals(name, "end", StringComparison.OrdinalIgnoreCase);
            if (!isStart && !isEnd)
            {
                throw new JsonException("A date interval has only the properties \"start\" and \"end\".");
            }

            reader.Read();
            LocalDate value = DateConverter.Read(ref reader, typeof(LocalDate), options);
            if (isStart)
            {
                start = value;
            }
            else
            {
                end = value;
            }
        }

        if (start is null || end is null)
        {
            throw new JsonException("A date interval needs both \"start\" and \"end\" dates.");
        }

        if (end.Value < start.Value)
        {
            throw new JsonException("A date interval's \"end\" must not be before its \"start\".");
        }

        return new DateInterval(start.Value, end.Value);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(value);
        writer.WriteStartObject();
        writer.WritePropertyName(ConvertName(options, "start"));
        DateConverter.Write(writer, value.Start, options);
        writer.WritePropertyName(ConvertName(options, "end"));
        DateConverter.Write(writer, value.End, options);
        writer.WriteEndObject();
    }

    private static string ConvertName(JsonSerializerOptions options, string name) =>
        options.PropertyNamingPolicy?.ConvertName(name) ?? name;
}

/// <summary>
/// The converters for the NodaTime types that Upon.Core documents use. Add them to your own
/// <see cref="JsonSerializerOptions"/>, or use <see cref="UponJson.Options"/>, which has them.
/// </summary>
public static class NodaTimeJsonConverters
{
    /// <summary>Gets the converter for <see cref="LocalDate"/>.</summary>
    public static JsonConverter<LocalDate> LocalDate { get; } = new LocalDateJsonConverter();

    /// <summary>Gets the converter for <see cref="Period"/>.</summary>
    public static JsonConverter<Period> Period { get; } = new PeriodJsonConverter();

    /// <summary>Gets the converter for <see cref="DateInterval"/>.</summary>
    public static JsonConverter<DateInterval> DateInterval { get; } = new DateIntervalJsonConverter();

    /// <summary>Gets the converter for <see cref="LocalTime"/>.</summary>
    public static JsonConverter<LocalTime> LocalTime { get; } = new LocalTimeJsonConverter();

    /// <summary>Gets the converter for <see cref="LocalDateTime"/>.</summary>
    public static JsonConverter<LocalDateTime> LocalDateTime { get; } = new LocalDateTimeJsonConverter();

    /// <summary>Gets the converter for <see cref="Instant"/>.</summary>
    public static JsonConverter<Instant> Instant { get; } = new InstantJsonConverter();

    /// <summary>Gets the converter for <see cref="DateTimeZone"/> identifiers, resolved in TZDB.</summary>
    public static JsonConverter<DateTimeZone> DateTimeZone { get; } = new DateTimeZoneJsonConverter();

    /// <summary>Gets every converter above, in the order listed.</summary>
    public static ImmutableArray<JsonConverter> All { get; } =
        [LocalDate, Period, DateInterval, LocalTime, LocalDateTime, Instant, DateTimeZone];
}
