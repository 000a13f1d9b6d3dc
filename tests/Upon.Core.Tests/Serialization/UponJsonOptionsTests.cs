using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Upon.Core.Calendars;
using Upon.Core.Serialization;

namespace Upon.Core.Tests.Serialization;

public class UponJsonOptionsTests
{
    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(UponJson.Options.IsReadOnly);
        Assert.True(UponJson.IndentedOptions.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => UponJson.Options.WriteIndented = true);
        Assert.Throws<InvalidOperationException>(() => UponJson.Options.PropertyNamingPolicy = null);
        Assert.Throws<InvalidOperationException>(() => UponJson.Options.Converters.Add(new JsonStringEnumConverter()));
        Assert.Throws<InvalidOperationException>(() => UponJson.IndentedOptions.WriteIndented = false);
    }

    [Fact]
    public void Options_HaveTheLibraryConventions()
    {
        JsonSerializerOptions options = UponJson.Options;
        Assert.False(options.WriteIndented);
        Assert.True(UponJson.IndentedOptions.WriteIndented);
        Assert.Same(JsonNamingPolicy.CamelCase, options.PropertyNamingPolicy);
        Assert.Equal(JsonIgnoreCondition.WhenWritingNull, options.DefaultIgnoreCondition);
        Assert.Equal(JsonUnmappedMemberHandling.Disallow, options.UnmappedMemberHandling);
        Assert.True(options.RespectNullableAnnotations);
        Assert.True(options.RespectRequiredConstructorParameters);
        Assert.False(options.AllowTrailingCommas);
    }

    [Fact]
    public void CreateOptions_ReturnsFreshMutableCopies()
    {
        JsonSerializerOptions first = UponJson.CreateOptions();
        JsonSerializerOptions second = UponJson.CreateOptions();
        Assert.False(first.IsReadOnly);
        Assert.NotSame(first, second);
        Assert.NotSame(UponJson.Options, first);

        first.WriteIndented = true;
        first.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        Assert.False(second.WriteIndented);
        Assert.False(UponJson.Options.WriteIndented);
        Assert.Same(JsonNamingPolicy.CamelCase, second.PropertyNamingPolicy);
        Assert.True(UponJson.CreateOptions(writeIndented: true).WriteIndented);
    }

    [Fact]
    public void CreateOptions_SerializesLibraryTypes() =>
        Assert.Equal(
            "{\"date\":\"2026-12-28\",\"name\":\"Boxing Day\",\"notes\":\"Substitute day\"}",
            JsonSerializer.Serialize(Holiday.SubstituteDay(new LocalDate(2026, 12, 28), "Boxing Day"), UponJson.CreateOptions()));

    [Fact]
    public void Options_ConvertNodaTimeValuesWithThePackagesConverters()
    {
        Assert.IsType<NodaPatternConverter<LocalDate>>(UponJson.Options.GetConverter(typeof(LocalDate)));
        Assert.IsType<NodaPatternConverter<Period>>(UponJson.Options.GetConverter(typeof(Period)));
        Assert.IsType<NodaPatternConverter<LocalTime>>(UponJson.Options.GetConverter(typeof(LocalTime)));
        Assert.IsType<NodaPatternConverter<LocalDateTime>>(UponJson.Options.GetConverter(typeof(LocalDateTime)));
        Assert.IsType<NodaPatternConverter<Instant>>(UponJson.Options.GetConverter(typeof(Instant)));
        Assert.IsType<NodaPatternConverter<DateTimeZone>>(UponJson.Options.GetConverter(typeof(DateTimeZone)));

        // The one exception, kept because the package's date interval converter is not trim-safe (docs/dependencies.md).
        Assert.IsType<DateIntervalJsonConverter>(UponJson.Options.GetConverter(typeof(DateInterval)));
    }

    [Fact]
    public void NoConverterForANodaTimeTypeIsPublic() =>
        Assert.DoesNotContain(
            typeof(UponJson).Assembly.GetExportedTypes(),
            type => typeof(JsonConverter).IsAssignableFrom(type));

    [Fact]
    public void Write_WritesUtf8WithoutByteOrderMarkAndLeavesStreamOpen()
    {
        using MemoryStream stream = new();
        UponJson.Write(stream, new Holiday(new LocalDate(2026, 1, 1), EnglandAndWalesBankHolidays.NewYearsDay));
        Assert.True(stream.CanWrite);
        byte[] bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("{\"date\":\"2026-01-01\",\"name\":\"New Year’s Day\",\"notes\":\"\"}", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Write_NullStream_Throws() =>
        Assert.Equal("utf8Json", Assert.Throws<ArgumentNullException>(() => UponJson.Write<LocalDate>(null!, default)).ParamName);

    [Fact]
    public void Deserialize_NullText_Throws() =>
        Assert.Equal("json", Assert.Throws<ArgumentNullException>(() => UponJson.Deserialize<LocalDate>(null!)).ParamName);

    [Fact]
    public void Serialize_TypeOutsideTheLibrary_ThrowsNotSupportedException() =>
        Assert.Throws<NotSupportedException>(() => UponJson.Serialize(new Uri("https://example.org")));

    [Theory]
    [InlineData("")]
    [InlineData("\"2020-01-01")]
    [InlineData("\"2020-01-01\",")]
    [InlineData("'2020-01-01'")]
    public void Deserialize_MalformedJson_ThrowsJsonException(string json) =>
        Assert.IsType<JsonException>(Record.Exception(() => UponJson.Deserialize<LocalDate>(json)));
}
