using System.Collections.Frozen;
using System.Text.Json.Serialization;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Upon.Core.Serialization;

/// <summary>
/// Hands System.Text.Json the converters of NodaTime.Serialization.SystemTextJson for the NodaTime types that
/// documents use, configured with Upon.Core's patterns. It converts nothing itself; <see cref="UponJson"/> and
/// every source-generated context name it, so that all of them use the same converters.
/// </summary>
/// <remarks>
/// <para>
/// Written: <see cref="LocalDate"/> <c>2020-09-14</c>; <see cref="Period"/> as <see cref="PeriodPattern.Roundtrip"/>
/// (<c>P12M</c> stays <c>P12M</c>); <see cref="LocalTime"/> <c>14:00:00</c>; <see cref="LocalDateTime"/>
/// <c>2022-02-07T09:30:00</c>; <see cref="Instant"/> <c>2021-12-10T14:00:00Z</c> (fractional seconds only when
/// not zero); <see cref="DateTimeZone"/> its TZDB identifier; <see cref="DateInterval"/>
/// <c>{"start":…,"end":…}</c>, both dates inclusive. That is what the package's
/// <c>ConfigureForNodaTime(DateTimeZoneProviders.Tzdb)</c> writes with a camelCase naming policy. Also read: ISO
/// 8601 fractional seconds in a period (<c>PT1.5S</c>), a time or a date and time without seconds.
/// </para>
/// <para>
/// Why not <c>ConfigureForNodaTime</c>: it, <c>NodaJsonSettings</c>, <c>NodaConverters</c> and
/// <c>NodaTimeDefaultJsonConverterFactory</c> all construct the package's date interval and interval
/// converters, which call <see cref="JsonSerializerOptions.GetConverter(Type)"/> and so make every native AOT
/// publish warn (IL2026, IL3050). The package's <see cref="NodaPatternConverter{T}"/> does not; every type here
/// uses it except <see cref="DateInterval"/>, an object rather than a string, which keeps Upon.Core's own
/// converter (<see cref="DateIntervalJsonConverter"/>).
/// </para>
/// </remarks>
internal sealed class NodaTimeConverterFactory : JsonConverterFactory
{
    /// <summary>Gets the converter for dates, which the date interval converter uses for its two dates (initialized first: the table below uses it).</summary>
    internal static NodaPatternConverter<LocalDate> LocalDateConverter { get; } = new(
        new ExpectedFormPattern<LocalDate>("a date in ISO 8601 form yyyy-MM-dd that exists in the calendar", LocalDatePattern.Iso),
        CheckIso);

    private static readonly FrozenDictionary<Type, JsonConverter> Converters = new Dictionary<Type, JsonConverter>
    {
        [typeof(LocalDate)] = LocalDateConverter,
        [typeof(Period)] = new NodaPatternConverter<Period>(
            new ExpectedFormPattern<Period>("a period in ISO 8601 form such as P3Y2M", PeriodPattern.Roundtrip, PeriodPattern.NormalizingIso)),
        [typeof(DateInterval)] = new DateIntervalJsonConverter(),
        [typeof(LocalTime)] = new NodaPatternConverter<LocalTime>(
            new ExpectedFormPattern<LocalTime>("a time of day in ISO 8601 form HH:mm or HH:mm:ss", LocalTimePattern.ExtendedIso, LocalTimePattern.CreateWithInvariantCulture("HH:mm"))),
        [typeof(LocalDateTime)] = new NodaPatternConverter<LocalDateTime>(
            new ExpectedFormPattern<LocalDateTime>(
                "a date and time in ISO 8601 form yyyy-MM-ddTHH:mm:ss",
                LocalDateTimePattern.ExtendedIso,
                LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm")),
            value => CheckIso(value.Date)),
        [typeof(Instant)] = new NodaPatternConverter<Instant>(
            new ExpectedFormPattern<Instant>("an instant in ISO 8601 form yyyy-MM-ddTHH:mm:ssZ (UTC)", InstantPattern.ExtendedIso)),
        [typeof(DateTimeZone)] = new NodaPatternConverter<DateTimeZone>(new ZoneIdPattern(DateTimeZoneProviders.Tzdb)),
    }.ToFrozenDictionary();

    /// <summary>Gets the NodaTime types converted, in the order the docs list them.</summary>
    internal static IReadOnlyList<Type> Types { get; } =
        [typeof(LocalDate), typeof(Period), typeof(DateInterval), typeof(LocalTime), typeof(LocalDateTime), typeof(Instant), typeof(DateTimeZone)];

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        Converters.GetValueOrDefault(typeToConvert);

    private static void CheckIso(LocalDate value)
    {
        Guard.Against.Invalid(value.Calendar != CalendarSystem.Iso, "Expected a date in the ISO calendar: documents hold ISO 8601 dates.", nameof(value));
    }
}
